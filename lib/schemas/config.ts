import { z } from "zod";

export const CONFIG_KIND_VALUES = [
  "qualification",
  "feasibility",
  "tiers",
  "education",
  "milestones",
  "quality",
  "kickoff",
  "guarantee",
  "retention",
] as const;

export const ZConfigKindSchema = z.object({
  kind: z.enum(CONFIG_KIND_VALUES, { message: "Unknown configuration kind" }),
});

/** `data` is validated by the engine's own schema in the service (weights sum to 1, ranges ordered…). */
export const ZUpdateConfigSchema = ZConfigKindSchema.extend({
  data: z
    .unknown()
    .refine((v) => typeof v === "object" && v !== null && !Array.isArray(v), "The configuration must be an object"),
  expectedVersion: z.number().int().min(1, "Versions start at 1"),
});
