import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";

/** Customer health, retention plans and their tasks (docs/domain.md#retention). */

/** Health bands of the account list: the retention strategy lines (docs/health.md#bands); "unscored" has no score yet. */
export const HEALTH_BANDS = ["at_risk", "moderate", "healthy", "unscored"] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export const ZListAccountsSchema = ZPaginationSchema.extend({
  sort: z
    .enum(["health_asc", "health_desc", "name"], { message: "Sort by health (ascending or descending) or name" })
    .default("health_asc"),
  band: z.enum(HEALTH_BANDS, { message: "Filter by at risk, moderate, healthy or not scored yet" }).optional(),
});

export const ZAccountRefSchema = z.object({ accountId: ZIdSchema });

export const ZRecomputeSchema = z.object({
  accountId: ZIdSchema,
  /** start a new plan even when the strategy has not changed (the open tasks of the current one are cancelled) */
  newPlan: z.boolean().default(false),
});

/** Snoozing moves a task's due date at most this far ahead. */
export const MAX_SNOOZE_DAYS = 90;

export const ZUpdateTaskSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("complete"), actionId: ZIdSchema }),
    z.object({ op: z.literal("reopen"), actionId: ZIdSchema }),
    z.object({
      op: z.literal("snooze"),
      actionId: ZIdSchema,
      until: z.coerce.date({ message: "Choose the date to snooze until" }),
    }),
    z.object({ op: z.literal("reassign"), actionId: ZIdSchema, assigneeId: ZIdSchema }),
  ],
  { message: "Complete, reopen, snooze or reassign the task" },
);

export type ListAccountsInput = z.infer<typeof ZListAccountsSchema>;
export type UpdateTaskInput = z.infer<typeof ZUpdateTaskSchema>;
