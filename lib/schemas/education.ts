import { z } from "zod";
import { TIER_SERVICE_TYPES } from "@/domain/tiers/config";
import { ZIdSchema } from "./common";

export const EDUCATION_BACKGROUNDS = ["technical", "business"] as const;

/** A plan belongs to a lead (before kickoff) or to a customer account (after) — exactly one of them. */
export const ZCreateEducationPlanSchema = z
  .object({
    leadId: ZIdSchema.optional(),
    customerAccountId: ZIdSchema.optional(),
    serviceType: z.enum(TIER_SERVICE_TYPES, { message: "Choose a service type" }),
    background: z.enum(EDUCATION_BACKGROUNDS, { message: "Choose a technical or business background" }),
  })
  .superRefine((v, ctx) => {
    if (v.leadId === undefined && v.customerAccountId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["leadId"],
        message: "Choose the lead or the customer account the plan is for",
      });
    } else if (v.leadId !== undefined && v.customerAccountId !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["customerAccountId"],
        message: "A plan is for a lead or a customer account, not both",
      });
    }
  });

export const ZCompleteEducationSchema = z.object({ deliveryId: ZIdSchema });

export type CreateEducationPlanInput = z.infer<typeof ZCreateEducationPlanSchema>;
export type CompleteEducationInput = z.infer<typeof ZCompleteEducationSchema>;

/** Plans of one lead or one customer account. */
export const ZEducationPlansSchema = z
  .object({ leadId: ZIdSchema.optional(), customerAccountId: ZIdSchema.optional() })
  .refine((v) => (v.leadId === undefined) !== (v.customerAccountId === undefined), {
    message: "Name a lead or a customer account",
    path: ["leadId"],
  });
