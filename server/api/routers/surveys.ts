import { ZAnswerSurveyByTokenSchema, ZProjectSurveysSchema, ZSurveyByTokenSchema } from "@/lib/schemas/surveys";
import {
  answerSurveyByToken,
  applySatisfactionScore,
  projectSurveyResults,
  surveyByToken,
  type PublicSurveyContext,
} from "@/server/services/surveys";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure, publicProcedure, type TRPCContext } from "../trpc";

const publicContext = (ctx: TRPCContext): PublicSurveyContext => ({
  db: ctx.db,
  ip: ctx.ip,
  requestId: ctx.requestId,
  now: ctx.now(),
});

/**
 * CSAT / NPS (docs/domain.md#surveys). Staff read results per project; the technical lead applies the mean CSAT to the
 * week-4 satisfaction criterion. `byToken` / `answerByToken` are public: the one-time link is the credential.
 */
export const surveysRouter = createTRPCRouter({
  forProject: permissionProcedure("delivery:read")
    .input(ZProjectSurveysSchema)
    .query(({ ctx, input }) => projectSurveyResults(serviceContext(ctx), input.projectId)),
  applyToMilestone: permissionProcedure("delivery:write")
    .input(ZProjectSurveysSchema)
    .mutation(({ ctx, input }) => applySatisfactionScore(serviceContext(ctx), input.projectId)),
  byToken: publicProcedure
    .input(ZSurveyByTokenSchema)
    .query(({ ctx, input }) => surveyByToken(publicContext(ctx), input.token)),
  answerByToken: publicProcedure
    .input(ZAnswerSurveyByTokenSchema)
    .mutation(({ ctx, input }) => answerSurveyByToken(publicContext(ctx), input)),
});
