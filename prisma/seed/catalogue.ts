/**
 * The seed's delivery numbers come from the engines (domain/milestones, quality, kickoff), so the
 * demo data and the product agree on every threshold and weight.
 */
import { DEFAULT_KICKOFF_CONFIG } from "../../domain/kickoff/config";
import {
  DEFAULT_MILESTONES_CONFIG,
  SIGN_OFF_METHODS as ENGINE_SIGN_OFF_METHODS,
  type MilestoneTemplate,
} from "../../domain/milestones/config";
import { DEFAULT_QUALITY_GATES, DEFAULT_QUALITY_WEIGHTS } from "../../domain/quality/config";
import type { ServiceType } from "../../generated/prisma/enums";

export type TierKey = "startup_mvp" | "enterprise_mvp" | "legacy_modernization_accelerated";
export type { MilestoneTemplate };

/** docs/domain.md#milestones MILESTONE_TEMPLATES (ours for the two service types the seed leaves out). */
export const milestoneTemplates = (serviceType: ServiceType): MilestoneTemplate[] =>
  DEFAULT_MILESTONES_CONFIG.templates[serviceType];

/** docs/domain.md#milestones: criteria validated by these methods need a customer sign-off. */
export const SIGN_OFF_METHODS: readonly string[] = ENGINE_SIGN_OFF_METHODS;

/** docs/domain.md#quality-gates QUALITY_GATES, by family; comprehensive score = code 0.4 + delivery 0.3 + process 0.3. */
export const QUALITY_GATES = DEFAULT_QUALITY_GATES;
export const QUALITY_WEIGHTS = DEFAULT_QUALITY_WEIGHTS;

/** docs/domain.md#success-validation, docs/domain.md#guarantee: the guarantee's final success criteria. */
export const GUARANTEE_SUCCESS_THRESHOLD = DEFAULT_KICKOFF_CONFIG.guarantee.successThreshold;
export const GUARANTEE_DAYS = DEFAULT_KICKOFF_CONFIG.guarantee.days;
