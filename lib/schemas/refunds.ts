import { z } from "zod";
import { zMoneyCents } from "@/lib/money";
import { ZIdSchema, ZPaginationSchema } from "./common";

/** The refund workflow (docs/domain.md#guarantee): claimed → under review → approved → paid, or rejected. */

export const REFUND_STATUS_VALUES = ["CLAIMED", "UNDER_REVIEW", "APPROVED", "PAID", "REJECTED"] as const;

export const REFUND_FILTERS = ["OPEN", ...REFUND_STATUS_VALUES, "ALL"] as const;

export const ZListRefundsSchema = ZPaginationSchema.extend({
  status: z.enum(REFUND_FILTERS, { message: "Unknown refund filter" }).default("OPEN"),
});

/** Every transition names the version the caller saw: a refund changed meanwhile is a conflict, not a surprise. */
const ZRefundRefSchema = z.object({
  refundId: ZIdSchema,
  expectedVersion: z.number({ message: "The refund's version is required" }).int().min(0, "Versions start at 0"),
});

const reason = (what: string) =>
  z
    .string({ message: `Give the reason for the ${what}` })
    .trim()
    .min(5, `Give the reason for the ${what} (at least 5 characters)`)
    .max(1000, "The reason is at most 1000 characters");

export const ZStartReviewSchema = ZRefundRefSchema;
export const ZApproveRefundSchema = ZRefundRefSchema.extend({ reason: reason("approval") });
export const ZRejectRefundSchema = ZRefundRefSchema.extend({ reason: reason("rejection") });
export const ZMarkPaidSchema = ZRefundRefSchema.extend({
  amountCents: zMoneyCents("amount paid", { positive: true }),
  reference: z
    .string()
    .trim()
    .min(3, "Enter the payment reference (at least 3 characters)")
    .max(100, "The reference is at most 100 characters"),
  paidAt: z.coerce.date({ message: "Enter the payment date" }),
});

export type ListRefundsInput = z.infer<typeof ZListRefundsSchema>;
export type MarkPaidInput = z.infer<typeof ZMarkPaidSchema>;
