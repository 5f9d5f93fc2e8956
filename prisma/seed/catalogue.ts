/**
 * The seed's delivery numbers come from the engines (server/engines/milestones, quality, kickoff), so the
 * demo data and the product agree on every threshold and weight.
 */
import { DEFAULT_KICKOFF_CONFIG } from "../../server/engines/kickoff/config";
import { DEFAULT_MILESTONES_CONFIG, SIGN_OFF_METHODS as ENGINE_SIGN_OFF_METHODS, type MilestoneTemplate } from "../../server/engines/milestones/config";
import { DEFAULT_QUALITY_GATES, DEFAULT_QUALITY_WEIGHTS } from "../../server/engines/quality/config";
import type { ServiceType } from "../../server/db/generated/enums";

export type TierKey = "startup_mvp" | "enterprise_mvp" | "legacy_modernization_accelerated";
export type { MilestoneTemplate };

/** seed §3.1 MILESTONE_TEMPLATES (ours for the two service types the seed leaves out). */
export const milestoneTemplates = (serviceType: ServiceType): MilestoneTemplate[] => DEFAULT_MILESTONES_CONFIG.templates[serviceType];

/** DESIGN "milestones": criteria validated by these methods need a customer sign-off. */
export const SIGN_OFF_METHODS: readonly string[] = ENGINE_SIGN_OFF_METHODS;

/** seed §4.2 QUALITY_GATES, by family; comprehensive score = code 0.4 + delivery 0.3 + process 0.3. */
export const QUALITY_GATES = DEFAULT_QUALITY_GATES;
export const QUALITY_WEIGHTS = DEFAULT_QUALITY_WEIGHTS;

/** seed §5.1 / §1.3: the guarantee's final success criteria. */
export const GUARANTEE_SUCCESS_THRESHOLD = DEFAULT_KICKOFF_CONFIG.guarantee.successThreshold;
export const GUARANTEE_DAYS = DEFAULT_KICKOFF_CONFIG.guarantee.days;
