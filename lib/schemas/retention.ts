import { z } from "zod";
import { ZIdSchema } from "./common";

/** Customer health, retention plans and their tasks (issue 7; seed §5.2). */

export const ZListAccountsSchema = z.object({
  sort: z.enum(["health_asc", "health_desc", "name"], { message: "Sort by health (ascending or descending) or name" }).default("health_asc"),
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
    z.object({ op: z.literal("snooze"), actionId: ZIdSchema, until: z.coerce.date({ message: "Choose the date to snooze until" }) }),
    z.object({ op: z.literal("reassign"), actionId: ZIdSchema, assigneeId: ZIdSchema }),
  ],
  { message: "Complete, reopen, snooze or reassign the task" },
);

export type ListAccountsInput = z.infer<typeof ZListAccountsSchema>;
export type UpdateTaskInput = z.infer<typeof ZUpdateTaskSchema>;
