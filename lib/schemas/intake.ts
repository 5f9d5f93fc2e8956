import { z } from "zod";
import { ANSWER_LEVELS } from "@/domain/qualification/config";
import { ZEmailSchema, ZPersonNameSchema } from "./common";
import { ZProjectRequestSchema } from "./feasibility";

/**
 * The public self-service assessment (docs/domain.md#self-service-assessment). Every answer goes through the same schemas as the
 * CSM's forms: the criteria answers are checked against the tenant's configuration in the service
 * with answersSchemaFor, the project basics reuse ZProjectRequestSchema's fields. What is public is
 * bounded more tightly: at most MAX_FEATURES features, and the whole payload stays under ~40 KB.
 */
export const MAX_FEATURES = 30;
export const MAX_ANSWERS = 100;

/**
 * A prospect picks a band instead of typing a figure; the engines get the band's representative
 * amount (its middle; the open-ended top band: 1.25 × its lower bound). "Absurd" budgets cannot
 * be entered at all.
 */
export const BUDGET_BANDS = {
  under_50k: { label: "Under $50,000", cents: 3_500_000 },
  "50k_100k": { label: "$50,000 – $100,000", cents: 7_500_000 },
  "100k_250k": { label: "$100,000 – $250,000", cents: 17_500_000 },
  "250k_500k": { label: "$250,000 – $500,000", cents: 37_500_000 },
  "500k_1m": { label: "$500,000 – $1,000,000", cents: 75_000_000 },
  over_1m: { label: "Over $1,000,000", cents: 125_000_000 },
} as const;
export type BudgetBand = keyof typeof BUDGET_BANDS;
export const BUDGET_BAND_KEYS = Object.keys(BUDGET_BANDS) as [BudgetBand, ...BudgetBand[]];

/**
 * Throw-away inboxes: the result and the CSM's follow-up go to this address, so it must last. A
 * small built-in list (a domain or any subdomain of it); a full list would need updating weekly.
 */
export const DISPOSABLE_EMAIL_DOMAINS = [
  "mailinator.com",
  "10minutemail.com",
  "10minutemail.net",
  "guerrillamail.com",
  "guerrillamail.net",
  "guerrillamail.org",
  "sharklasers.com",
  "grr.la",
  "tempmail.com",
  "tempmail.net",
  "temp-mail.org",
  "temp-mail.io",
  "tempmailo.com",
  "tempr.email",
  "yopmail.com",
  "yopmail.net",
  "trashmail.com",
  "trashmail.de",
  "getnada.com",
  "nada.email",
  "dispostable.com",
  "throwawaymail.com",
  "maildrop.cc",
  "fakeinbox.com",
  "mintemail.com",
  "mohmal.com",
  "emailondeck.com",
  "discard.email",
  "mailnesia.com",
  "mytemp.email",
  "burnermail.io",
  "getairmail.com",
  "moakt.com",
  "tempinbox.com",
  "spambox.us",
] as const;

export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return DISPOSABLE_EMAIL_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export const ZIntakeEmailSchema = ZEmailSchema.refine((email) => !isDisposableEmail(email), {
  message: "Use an address you will keep: disposable inboxes cannot receive your result or our reply",
});

/** Unknown or malformed slugs are simply "not found", so the slug itself is only bounded here. */
export const ZTenantSlugSchema = z
  .string({ message: "The assessment link is incomplete" })
  .trim()
  .toLowerCase()
  .min(1, "The assessment link is incomplete")
  .max(64, "The assessment link is not valid");

const ZIntakeAnswersSchema = z
  .record(
    z.string().max(64, "Question keys are at most 64 characters"),
    z.enum(ANSWER_LEVELS, { message: "Choose one of the answers" }),
    { message: "Answers are a list of question → answer" },
  )
  .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, `At most ${MAX_ANSWERS} answers`);

const request = ZProjectRequestSchema.shape;

export const ZIntakeProjectSchema = z.object({
  /** what the product must do, one entry per feature: the feasibility engine's requirements */
  features: z
    .array(request.requirements.element, { message: "List the features as text entries" })
    .min(1, "List at least one feature, one per line")
    .max(MAX_FEATURES, `List at most ${MAX_FEATURES} main features; we refine the details together`),
  timelineWeeks: request.timelineWeeks,
  budgetBand: z.enum(BUDGET_BAND_KEYS, { message: "Choose one of the budget ranges" }),
  teamSize: request.teamSize,
  techStack: request.techStack,
  integrations: request.integrations,
  compliance: request.compliance,
  businessCritical: z.boolean({ message: "Say whether your business depends on this system (yes or no)" }),
  hasFallbackPlan: z.boolean({ message: "Say whether you could fall back on another way of working (yes or no)" }),
});

export const ZIntakeContactSchema = z.object({
  name: ZPersonNameSchema,
  email: ZIntakeEmailSchema,
  company: z
    .string({ message: "Enter your company's name" })
    .trim()
    .min(1, "Enter your company's name")
    .max(160, "At most 160 characters"),
  phone: z
    .string()
    .trim()
    .max(40, "At most 40 characters")
    .regex(/^[+()\d\s.-]*$/, "Use digits, spaces and + ( ) . - only")
    .optional(),
});

export const ZIntakeSubmissionSchema = z.object({
  tenantSlug: ZTenantSlugSchema,
  answers: ZIntakeAnswersSchema,
  project: ZIntakeProjectSchema,
  contact: ZIntakeContactSchema,
  /** honeypot: hidden from people, filled by form-filling bots */
  website: z.string().max(0, "This field must stay empty").optional(),
});

/** A result link's token: 32 random bytes, base64url (43 characters). */
export const ZResultTokenSchema = z
  .string()
  .trim()
  .min(20, "This result link is not valid")
  .max(100, "This result link is not valid");

export const ZIntakeFormSchema = z.object({ tenantSlug: ZTenantSlugSchema });
export const ZIntakeResultSchema = z.object({ tenantSlug: ZTenantSlugSchema, token: ZResultTokenSchema });
export const ZIntakeCallRequestSchema = ZIntakeResultSchema.extend({
  preference: z.string().trim().max(200, "At most 200 characters").optional(),
});

export type IntakeSubmission = z.infer<typeof ZIntakeSubmissionSchema>;
export type IntakeProject = z.infer<typeof ZIntakeProjectSchema>;
export type IntakeContact = z.infer<typeof ZIntakeContactSchema>;
