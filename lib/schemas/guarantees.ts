import { z } from "zod";
import { zMoneyCents } from "@/lib/money";
import { ZIdSchema } from "./common";

/** Guarantee clock, delays, final validation and remedy choice (docs/domain.md#guarantee, docs/domain.md#success-validation). */

export const ZProjectGuaranteeSchema = z.object({ projectId: ZIdSchema });

/** A technical lead records a customer-caused delay; the tenant's limits (30 days by default) are checked by the service. */
export const ZRecordDelaySchema = z.object({
  projectId: ZIdSchema,
  reason: z
    .string()
    .trim()
    .min(10, "Say what the customer's side delayed, in at least 10 characters")
    .max(1000, "The reason is at most 1000 characters"),
  evidence: z
    .string()
    .trim()
    .max(2000, "The evidence is at most 2000 characters")
    .optional()
    .transform((v) => (v ? v : null)),
  days: z
    .number({ message: "Enter the number of days" })
    .int("A delay is a whole number of days")
    .min(1, "A delay is at least 1 day")
    .max(365, "A delay is at most 365 days"),
});

export const DELAY_DECISIONS = ["ACKNOWLEDGE", "DISPUTE"] as const;
export const ZDecideDelaySchema = z
  .object({
    delayId: ZIdSchema,
    decision: z.enum(DELAY_DECISIONS, { message: "Acknowledge or dispute the delay" }),
    note: z
      .string()
      .trim()
      .max(1000, "The note is at most 1000 characters")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.decision !== "DISPUTE" || (v.note?.length ?? 0) >= 5, {
    path: ["note"],
    message: "Say why you dispute the delay (at least 5 characters)",
  });

export const ZCloseEarlySchema = z.object({
  projectId: ZIdSchema,
  reason: z
    .string()
    .trim()
    .min(10, "Say why the guarantee ends early, in at least 10 characters")
    .max(1000, "The reason is at most 1000 characters"),
});

export const REMEDY_VALUES = ["REFUND", "CONTINUED_DEVELOPMENT", "MIGRATION_ASSISTANCE"] as const;
export const ZChooseRemedySchema = z.object({
  projectId: ZIdSchema,
  remedy: z.enum(REMEDY_VALUES, { message: "Choose a refund, continued development or migration assistance" }),
  /** a refund of less than the full amount; the full amount left when absent */
  amountCents: zMoneyCents("refund amount", { positive: true }).optional(),
  note: z
    .string()
    .trim()
    .max(1000, "The note is at most 1000 characters")
    .optional()
    .transform((v) => (v ? v : null)),
});

export type RecordDelayInput = z.infer<typeof ZRecordDelaySchema>;
export type DecideDelayInput = z.infer<typeof ZDecideDelaySchema>;
export type ChooseRemedyInput = z.infer<typeof ZChooseRemedySchema>;
