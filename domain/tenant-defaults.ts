import type { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { DEFAULT_EDUCATION_CONFIG } from "./education/plan";
import { DEFAULT_FEASIBILITY_CONFIG } from "./feasibility/config";
import { DEFAULT_GUARANTEE_CONFIG } from "./guarantee/config";
import { DEFAULT_KICKOFF_CONFIG } from "./kickoff/config";
import { DEFAULT_MILESTONES_CONFIG } from "./milestones/config";
import { DEFAULT_QUALIFICATION_CONFIG } from "./qualification/config";
import { DEFAULT_QUALITY_CONFIG } from "./quality/config";
import { DEFAULT_RETENTION_CONFIG } from "./retention/config";
import { DEFAULT_TIER_CATALOGUE } from "./tiers/config";

/**
 * The configuration every new workspace starts from: version 1 of each kind is the engine's own
 * default (the specification's numbers). One map, used by the demo seed, the workspace provisioning
 * service (docs/signup.md) and the configuration service's "first use" fallback, so they never drift.
 */
export const TENANT_CONFIG_DEFAULTS = {
  qualification: DEFAULT_QUALIFICATION_CONFIG,
  feasibility: DEFAULT_FEASIBILITY_CONFIG,
  tiers: DEFAULT_TIER_CATALOGUE,
  education: DEFAULT_EDUCATION_CONFIG,
  milestones: DEFAULT_MILESTONES_CONFIG,
  quality: DEFAULT_QUALITY_CONFIG,
  kickoff: DEFAULT_KICKOFF_CONFIG,
  guarantee: DEFAULT_GUARANTEE_CONFIG,
  retention: DEFAULT_RETENTION_CONFIG,
} as const satisfies Record<(typeof CONFIG_KIND_VALUES)[number], unknown>;
