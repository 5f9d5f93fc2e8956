import { z } from "zod";
import { ANSWER_LEVELS, DEFAULT_CRITERION_KEYS } from "@/domain/qualification/config";
import { ZIdSchema } from "./common";

export {
  ANSWER_LEVELS,
  ANSWER_MEANING,
  CATEGORY_LABELS,
  CRITERION_TEXT,
  DEFAULT_CRITERION_KEYS,
  criterionLabel,
} from "@/domain/qualification/config";

const ANSWER_MESSAGE = 'Answer "full", "partial" or "none"';
const ZAnswerSchema = z.enum(ANSWER_LEVELS, { message: ANSWER_MESSAGE });

/**
 * The form's answers for a given set of criterion keys (a tenant may configure its own): every key
 * optional (blank = "none"), each value full / partial / none, and an unknown key refused on its own
 * field with a message naming it. At least one criterion must be answered.
 */
export function answersSchemaFor(criterionKeys: readonly string[]) {
  const known = new Set(criterionKeys);
  const levels: readonly unknown[] = ANSWER_LEVELS;
  return z
    .record(z.string(), z.unknown(), { message: "Answers are a list of criterion → full / partial / none" })
    .superRefine((answers, ctx) => {
      const keys = Object.keys(answers);
      if (keys.length === 0) ctx.addIssue({ code: "custom", message: "Answer at least one criterion" });
      for (const key of keys) {
        if (!known.has(key))
          ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not a qualification criterion` });
        else if (!levels.includes(answers[key])) ctx.addIssue({ code: "custom", path: [key], message: ANSWER_MESSAGE });
      }
    })
    .pipe(z.record(z.string(), ZAnswerSchema));
}

/** Answers for the seed's 14 criteria (docs/domain.md#qualification). */
export const ZQualificationAnswersSchema = answersSchemaFor(DEFAULT_CRITERION_KEYS);

/** Facts the disqualifiers need (see domain/qualification/fit.ts). */
export const ZQualificationContextSchema = z.object({
  desiredTimelineWeeks: z
    .number({ message: "Enter the desired timeline in weeks as a number" })
    .int("Use whole weeks for the desired timeline")
    .min(1, "The desired timeline is at least 1 week")
    .max(520, "The desired timeline is at most 520 weeks (10 years)")
    .optional(),
  businessCritical: z.boolean({ message: "Say whether the system is business critical (yes or no)" }).optional(),
  hasFallbackPlan: z.boolean({ message: "Say whether there is a fallback plan (yes or no)" }).optional(),
});

/**
 * The router accepts any criterion keys (a tenant may add criteria); the service then validates them
 * against the tenant's configuration with answersSchemaFor, field by field.
 */
const ZAnyAnswersSchema = z
  .record(z.string().max(64, "Criterion keys are at most 64 characters"), z.unknown(), {
    message: "Answers are a list of criterion → full / partial / none",
  })
  .refine((answers) => Object.keys(answers).length <= 200, "At most 200 answers");

export const ZSaveAssessmentSchema = z.object({
  leadId: ZIdSchema,
  answers: ZAnyAnswersSchema,
  context: ZQualificationContextSchema.default({}),
  /** a draft is stored but does not move the lead's stage or score */
  isDraft: z.boolean({ message: "isDraft is yes or no" }).default(false),
});

export type QualificationAnswersInput = z.infer<typeof ZQualificationAnswersSchema>;
export type QualificationContextInput = z.infer<typeof ZQualificationContextSchema>;
export type SaveAssessmentInput = z.infer<typeof ZSaveAssessmentSchema>;
