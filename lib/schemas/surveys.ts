import { z } from "zod";
import { SCALE_MAX, SCALE_MIN } from "@/domain/surveys/scores";
import { ZIdSchema } from "./common";
import { MAX_SURVEY_COMMENT, SURVEY_SCALE_MESSAGE } from "./limits";

/** CSAT and NPS both answer on 0–10 (whole numbers). */
export const ZSurveyScoreSchema = z
  .number({ message: SURVEY_SCALE_MESSAGE })
  .int(SURVEY_SCALE_MESSAGE)
  .min(SCALE_MIN, SURVEY_SCALE_MESSAGE)
  .max(SCALE_MAX, SURVEY_SCALE_MESSAGE);

export const ZSurveyCommentSchema = z
  .string({ message: "The comment must be text" })
  .trim()
  .max(MAX_SURVEY_COMMENT, `Comments are at most ${MAX_SURVEY_COMMENT} characters`);

/** The one-time link's token: 32 random bytes, base64url (43 characters). */
export const ZSurveyTokenSchema = z
  .string({ message: "This survey link is not valid" })
  .trim()
  .min(20, "This survey link is incomplete: open it from your email again")
  .max(128, "This survey link is not valid");

export const ZAnswerSurveySchema = z.object({
  surveyId: ZIdSchema,
  score: ZSurveyScoreSchema,
  comment: ZSurveyCommentSchema.optional(),
});
export const ZSurveyByTokenSchema = z.object({ token: ZSurveyTokenSchema });
export const ZAnswerSurveyByTokenSchema = z.object({
  token: ZSurveyTokenSchema,
  score: ZSurveyScoreSchema,
  comment: ZSurveyCommentSchema.optional(),
});
export const ZProjectSurveysSchema = z.object({ projectId: ZIdSchema });
/** portal.surveys: every survey of the customer, or those of one of their projects */
export const ZPortalSurveysSchema = z.object({ projectId: ZIdSchema.optional() }).optional();

export type AnswerSurveyInput = z.infer<typeof ZAnswerSurveySchema>;
export type AnswerSurveyByTokenInput = z.infer<typeof ZAnswerSurveyByTokenSchema>;
