import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";

export const PROJECT_STATUSES = [
  "KICKOFF",
  "ACTIVE",
  "AT_RISK",
  "COMPLETED",
  "FAILED",
  "REFUNDED",
  "CANCELLED",
] as const;

export const ZListProjectsSchema = ZPaginationSchema.extend({
  status: z.enum(PROJECT_STATUSES, { message: "Unknown project status" }).optional(),
  /** only the caller's projects (as technical lead) */
  mine: z.boolean().default(false),
  search: z.string().trim().max(100, "Search is at most 100 characters").optional(),
});

export const ZProjectIdSchema = z.object({ projectId: ZIdSchema });

export const MAX_CRITERIA = 50;

/** A technical lead's validation of one weekly milestone: a 0–100 score per criterion (blank = not scored). */
export const ZValidateMilestoneSchema = z.object({
  milestoneId: ZIdSchema,
  scores: z
    .array(
      z.object({
        criterionId: ZIdSchema,
        score: z
          .number({ message: "Enter the score as a number from 0 to 100" })
          .min(0, "Scores are from 0 to 100")
          .max(100, "Scores are from 0 to 100")
          .nullable(),
      }),
      { message: "Scores are a list of criterion → score" },
    )
    .max(MAX_CRITERIA, `At most ${MAX_CRITERIA} criteria`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.criterionId))
          ctx.addIssue({ code: "custom", path: [i, "criterionId"], message: "This criterion is scored twice" });
        seen.add(s.criterionId);
      });
    }),
});

export const ZMilestoneIdSchema = z.object({ milestoneId: ZIdSchema });

export const ZUpdateActionSchema = z.object({
  actionId: ZIdSchema,
  status: z.enum(["OPEN", "DONE", "SNOOZED", "CANCELLED"], { message: "Choose open, done, snoozed or cancelled" }),
});

export type ValidateMilestoneInput = z.infer<typeof ZValidateMilestoneSchema>;
export type ListProjectsInput = z.infer<typeof ZListProjectsSchema>;

export const ENVIRONMENT_STATUSES = ["PENDING", "PROVISIONING", "READY", "FAILED"] as const;

/** A technical lead records an environment's state and address (docs/domain.md#kickoff environments). */
export const ZUpdateEnvironmentSchema = z.object({
  environmentId: ZIdSchema,
  status: z.enum(ENVIRONMENT_STATUSES, { message: "Choose pending, provisioning, ready or failed" }),
  url: z
    .string()
    .trim()
    .max(2000, "A URL is at most 2,000 characters")
    .url("Enter a full URL, like https://staging.example.com")
    .refine((u) => /^https?:\/\//i.test(u), "Use an http(s) URL")
    .nullable()
    .or(z.literal("").transform(() => null)),
});
