/**
 * Human words for the docs/domain.md#qualification keys: a label for every criterion, category and service type, and the
 * action that would earn a criterion's points (used by the improvements list). Tenant-added keys fall
 * back to the key in words ("security_review" → "Security review").
 */
import type { ServiceType } from "@/generated/prisma/enums";

export const CRITERION_TEXT: Record<string, { label: string; action: string }> = {
  existing_codebase: { label: "Existing codebase", action: "Give access to the existing codebase" },
  development_team: { label: "Development team", action: "Involve the customer's development team" },
  project_documentation: { label: "Project documentation", action: "Write down the project documentation" },
  technical_stack_clarity: { label: "Tech stack decided", action: "Decide the technology stack" },
  clear_requirements: { label: "Clear requirements", action: "Clarify and write down the requirements" },
  defined_timeline: { label: "Defined timeline", action: "Agree a target timeline" },
  stakeholder_alignment: { label: "Stakeholder alignment", action: "Get the decision makers aligned on the project" },
  success_criteria: { label: "Success criteria", action: "Define measurable success criteria" },
  budget_defined: { label: "Budget defined", action: "Allocate a budget" },
  decision_authority: { label: "Decision authority", action: "Involve the person who can approve the spend" },
  contract_timeline: { label: "Contract timeline", action: "Agree when the contract can be signed" },
  change_management: { label: "Change management", action: "Plan how the organisation will adopt the change" },
  team_availability: { label: "Team availability", action: "Reserve time for the customer's team to take part" },
  communication_structure: { label: "Communication structure", action: "Name the contacts and set a meeting cadence" },
};

export const CATEGORY_LABELS: Record<string, string> = {
  technical_readiness: "Technical readiness",
  business_readiness: "Business readiness",
  financial_readiness: "Financial readiness",
  organizational_readiness: "Organizational readiness",
};

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  MVP_DEVELOPMENT: "MVP development",
  LEGACY_MODERNIZATION: "Legacy modernization",
  TEAM_AUGMENTATION: "Team augmentation",
};

/** What each answer means on the form (the partial-credit rule is in config.ts). */
export const ANSWER_MEANING = {
  full: "In place and confirmed: all of the criterion's points",
  partial: "Partly in place or in progress: partial credit (by default half the points, rounded down)",
  none: "Absent or unknown (also when left blank): no points",
} as const;

export function humanize(key: string): string {
  const words = key.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const criterionLabel = (key: string): string => CRITERION_TEXT[key]?.label ?? humanize(key);
export const categoryLabel = (key: string): string => CATEGORY_LABELS[key] ?? humanize(key);

/** The action sentence for a criterion ("Define measurable success criteria"). */
export const criterionAction = (key: string): string =>
  CRITERION_TEXT[key]?.action ?? `Improve ${humanize(key).toLowerCase()}`;
