import { z } from "zod";
import { zMoneyCents } from "@/lib/money";
import { ZEmailSchema, ZIdSchema, ZPaginationSchema, ZPersonNameSchema } from "./common";

export const LEAD_STAGES = [
  "NEW",
  "QUALIFYING",
  "QUALIFIED",
  "UNQUALIFIED",
  "FEASIBILITY",
  "PROPOSAL",
  "CONVERTED",
  "LOST",
] as const;
export const LEAD_SOURCES = ["CSM", "SELF_SERVICE"] as const;
export const SERVICE_TYPES = ["MVP_DEVELOPMENT", "LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"] as const;
export const LEAD_SORTS = ["score", "created", "company", "stage"] as const;

export const ZListLeadsSchema = ZPaginationSchema.extend({
  search: z.string().trim().max(100, "Search is at most 100 characters").optional(),
  stages: z.array(z.enum(LEAD_STAGES)).max(LEAD_STAGES.length).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  minScore: z.number().min(0, "Scores run from 0 to 100").max(100, "Scores run from 0 to 100").optional(),
  maxScore: z.number().min(0, "Scores run from 0 to 100").max(100, "Scores run from 0 to 100").optional(),
  sort: z.enum(LEAD_SORTS).default("created"),
  direction: z.enum(["asc", "desc"]).default("desc"),
}).refine((v) => v.minScore === undefined || v.maxScore === undefined || v.minScore <= v.maxScore, {
  path: ["minScore"],
  message: "The minimum score must not be above the maximum",
});

export const ZCreateLeadSchema = z.object({
  company: z.string().trim().min(1, "Enter the company name").max(160, "At most 160 characters"),
  contactName: ZPersonNameSchema,
  contactEmail: ZEmailSchema,
  contactPhone: z
    .string()
    .trim()
    .max(40, "At most 40 characters")
    .regex(/^[+()\d\s.-]*$/, "Use digits, spaces and + ( ) . - only")
    .optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  estimatedValueCents: zMoneyCents("estimated value").optional(),
  notes: z.string().trim().max(5_000, "Notes are at most 5,000 characters").optional(),
});

export const ZLeadIdSchema = z.object({ leadId: ZIdSchema });

export const ZUpdateLeadStageSchema = z.object({
  leadId: ZIdSchema,
  stage: z.enum(LEAD_STAGES, { message: "Choose a stage" }),
});

export type ListLeadsInput = z.infer<typeof ZListLeadsSchema>;
export type CreateLeadInput = z.infer<typeof ZCreateLeadSchema>;
