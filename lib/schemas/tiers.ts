import { z } from "zod";
import { zMoneyCents } from "@/lib/money";
import { COMPANY_SIZES, COMPLEXITY_LEVELS, TIER_SERVICE_TYPES } from "@/domain/tiers/config";
import { ZIdSchema } from "./common";

/** Recommend tiers for a lead: the profile comes from its qualification and feasibility records. */
export const ZRecommendTiersSchema = z.object({ leadId: ZIdSchema });

export const ZChooseTierSchema = z.object({
  leadId: ZIdSchema,
  tierKey: z.string().trim().min(1, "Choose a tier").max(64, "Tier keys are at most 64 characters"),
});

const wholeNumber = (what: string, min: number, max: number, maxMessage: string) =>
  z
    .number({ message: `Enter the ${what} as a number` })
    .int(`Use a whole number for the ${what}`)
    .min(min, min === 0 ? `The ${what} cannot be negative` : `The ${what} is at least ${min}`)
    .max(max, maxMessage);

/** A manual what-if profile (the CSM tries other numbers); bounds keep the maths meaningful. */
export const ZTierProfileSchema = z.object({
  serviceType: z.enum(TIER_SERVICE_TYPES, { message: "Choose a service type" }),
  teamSize: wholeNumber("team size", 0, 10_000, "Team size is at most 10,000 people"),
  budgetCents: zMoneyCents("budget"),
  timelineWeeks: wholeNumber("timeline", 1, 104, "A timeline is at most 104 weeks"),
  complexity: z.enum(COMPLEXITY_LEVELS, { message: "Choose low, medium or high complexity" }),
  complianceRequired: z.boolean({ message: "Say whether compliance is required" }),
  requirementsCount: wholeNumber("number of requirements", 0, 1_000, "At most 1,000 requirements"),
  integrationsCount: wholeNumber("number of integrations", 0, 200, "At most 200 integrations"),
  companySize: z.enum(COMPANY_SIZES, { message: "Choose startup, smb or enterprise" }).optional(),
});

export type RecommendTiersInput = z.infer<typeof ZRecommendTiersSchema>;
export type ChooseTierInput = z.infer<typeof ZChooseTierSchema>;
export type TierProfileInput = z.infer<typeof ZTierProfileSchema>;
