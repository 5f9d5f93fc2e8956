import { z } from "zod";
import { ZIdSchema } from "./common";

export const QUALITY_TYPES = ["CODE", "DELIVERY", "PROCESS", "COMPREHENSIVE"] as const;
export type QualityType = (typeof QUALITY_TYPES)[number];

/** The gates the technical lead measures by hand (no system records them), each a 0–100 percentage. */
export const MANUAL_QUALITY_FIELDS = [
  "requirementsTraceability",
  "acceptanceCriteriaCoverage",
  "documentationCompleteness",
  "communicationResponsiveness",
] as const;
export type ManualQualityField = (typeof MANUAL_QUALITY_FIELDS)[number];

export const MANUAL_QUALITY_LABELS: Record<ManualQualityField, string> = {
  requirementsTraceability: "Requirements traceability (%)",
  acceptanceCriteriaCoverage: "Acceptance criteria coverage (%)",
  documentationCompleteness: "Documentation completeness (%)",
  communicationResponsiveness: "Messages answered within 4 h (%)",
};

const percent = (label: string) =>
  z
    .number({ message: `${label} must be a number` })
    .min(0, `${label} is at least 0%`)
    .max(100, `${label} is at most 100%`);

export const ZManualQualitySchema = z.strictObject({
  requirementsTraceability: percent("Requirements traceability").optional(),
  acceptanceCriteriaCoverage: percent("Acceptance criteria coverage").optional(),
  documentationCompleteness: percent("Documentation completeness").optional(),
  communicationResponsiveness: percent("Communication responsiveness").optional(),
});
export type ManualQualityInput = z.infer<typeof ZManualQualitySchema>;

export const ZValidateQualitySchema = z.object({
  projectId: ZIdSchema,
  type: z.enum(QUALITY_TYPES, { message: "Choose code, delivery, process or comprehensive" }),
  manual: ZManualQualitySchema.optional(),
});
export type ValidateQualityInput = z.infer<typeof ZValidateQualitySchema>;

export const ZProjectRefSchema = z.object({ projectId: ZIdSchema });

export const ZCreateApiTokenSchema = z.object({
  projectId: ZIdSchema,
  name: z
    .string()
    .trim()
    .min(1, "Name the token after the pipeline that uses it")
    .max(80, "Token names are at most 80 characters"),
});
export type CreateApiTokenInput = z.infer<typeof ZCreateApiTokenSchema>;

export const ZRevokeApiTokenSchema = z.object({ tokenId: ZIdSchema });
