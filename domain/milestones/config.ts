/**
 * Weekly milestone configuration (docs/domain.md#milestones WeeklyMilestoneFramework.MILESTONE_TEMPLATES), stored per
 * tenant with the seed's values as defaults. Pure data + validation: no I/O.
 *
 * Templates are keyed by the ServiceType enum the rest of the app uses (MVP_DEVELOPMENT for the seed's
 * "mvp_development"). The seed fixes the mvp template and the validation-method vocabulary; which
 * methods need a customer sign-off (docs/domain.md#milestones) and which can be scored from CI evidence are ours.
 */
import { z } from "zod";
import type { ServiceType } from "@/generated/prisma/enums";
import { SERVICE_TYPES } from "@/domain/qualification/config";
import { LEGACY_MODERNIZATION_MILESTONES, MVP_MILESTONES, TEAM_AUGMENTATION_MILESTONES } from "./templates";

export { LEGACY_MODERNIZATION_MILESTONES, MVP_MILESTONES, TEAM_AUGMENTATION_MILESTONES } from "./templates";

/** Every validation_method the seed's docs/domain.md#milestones templates use. */
export const VALIDATION_METHODS = [
  "stakeholder_sign_off",
  "stakeholder_demo",
  "user_testing",
  "stakeholder_feedback",
  "technical_review",
  "automated_verification",
  "automated_testing",
  "integration_testing",
  "security_audit",
  "automated_quality_checks",
  "performance_testing",
  "deployment_verification",
  "documentation_review",
  "training_completion",
  "satisfaction_survey",
] as const;
export type ValidationMethod = (typeof VALIDATION_METHODS)[number];

/**
 * Methods whose result is the customer's own approval: the criterion counts only once a customer
 * approver signs it off (docs/domain.md#milestones "UAT results with stakeholder approval").
 */
export const SIGN_OFF_METHODS: readonly ValidationMethod[] = [
  "stakeholder_sign_off",
  "stakeholder_demo",
  "user_testing",
];

/**
 * Methods a CI run can measure (evidence.ts suggests their score from the latest Evidence): tests, the
 * build itself, quality metrics, the p95 benchmark and the vulnerability scan. deployment_verification is
 * not among them: the Evidence row carries no deployment facts, a person checks the live system.
 */
export const AUTOMATED_METHODS: readonly ValidationMethod[] = [
  "automated_verification",
  "automated_testing",
  "integration_testing",
  "automated_quality_checks",
  "performance_testing",
  "security_audit",
];

export const requiresSignOff = (method: string): boolean => (SIGN_OFF_METHODS as readonly string[]).includes(method);
export const isAutomated = (method: string): boolean => (AUTOMATED_METHODS as readonly string[]).includes(method);

export type ServiceTypeKey = ServiceType;
export type CriterionTemplate = { name: string; weight: number; validationMethod: string; deliverable: string };
export type MilestoneTemplate = {
  /** 1-based; week n is due 7 × n days after the project start */
  week: number;
  title: string;
  /** docs/domain.md#milestones: score ≥ this → success */
  minimumSuccessThreshold: number;
  /** docs/domain.md#milestones: score ≥ this (and below success) → at risk; below → failed */
  escalationThreshold: number;
  criteria: CriterionTemplate[];
};
export type MilestonesConfig = { templates: Record<ServiceTypeKey, MilestoneTemplate[]> };

export const DEFAULT_MILESTONES_CONFIG: MilestonesConfig = {
  templates: {
    MVP_DEVELOPMENT: MVP_MILESTONES,
    LEGACY_MODERNIZATION: LEGACY_MODERNIZATION_MILESTONES,
    TEAM_AUGMENTATION: TEAM_AUGMENTATION_MILESTONES,
  },
};

// ---------------------------------------------------------------- validation (tenant edits)

/** Weights must add up to 1 so the weighted score stays on 0–100; float noise below this is ignored. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;
const MAX_WEEKS = 26;
const MAX_CRITERIA = 12;

const text = (what: string, max: number) =>
  z
    .string({ message: `The ${what} must be text` })
    .trim()
    .min(1, `The ${what} cannot be blank`)
    .max(max, `The ${what} is at most ${max} characters`);
const threshold = (what: string) =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(0, `The ${what} is a score from 0 to 100`)
    .max(100, `The ${what} is a score from 0 to 100`);

const ZCriterionSchema = z.object({
  name: text("criterion name", 120),
  weight: z
    .number({ message: "A criterion weight must be a number" })
    .gt(0, "A criterion weight is above 0 (remove the criterion instead)")
    .max(1, "A criterion weight is at most 1"),
  validationMethod: z.enum(VALIDATION_METHODS, {
    message: `The validation method is one of: ${VALIDATION_METHODS.join(", ")}`,
  }),
  deliverable: text("deliverable", 300),
});

const ZMilestoneSchema = z.object({
  week: z
    .number({ message: "The week must be a number" })
    .int("The week is a whole number")
    .min(1, "Weeks start at 1")
    .max(MAX_WEEKS, `At most ${MAX_WEEKS} weeks`),
  title: text("milestone title", 120),
  minimumSuccessThreshold: threshold("minimum success threshold"),
  escalationThreshold: threshold("escalation threshold"),
  criteria: z
    .array(ZCriterionSchema)
    .min(1, "A milestone needs at least one criterion")
    .max(MAX_CRITERIA, `A milestone has at most ${MAX_CRITERIA} criteria`),
});

const label = (serviceType: string) => serviceType.toLowerCase();

function checkTemplate(serviceType: string, weeks: MilestoneTemplate[], ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: "custom", path: ["templates", serviceType, ...path], message });
  const numbers = weeks.map((w) => w.week);
  const expected = Array.from({ length: weeks.length }, (_, i) => i + 1);
  if ([...numbers].sort((a, b) => a - b).join() !== expected.join()) {
    issue(
      [],
      `The ${label(serviceType)} weeks must be numbered 1 to ${weeks.length} without gaps or repeats (they are ${numbers.join(", ")})`,
    );
  }
  weeks.forEach((w, i) => {
    const where = `Week ${w.week} of ${label(serviceType)}`;
    const sum = w.criteria.reduce((s, c) => s + c.weight, 0);
    if (w.criteria.length > 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      issue([i, "criteria"], `${where}: criterion weights must add up to 1 (they add up to ${Number(sum.toFixed(4))})`);
    }
    if (w.escalationThreshold > w.minimumSuccessThreshold) {
      issue(
        [i, "escalationThreshold"],
        `${where}: the escalation threshold (${w.escalationThreshold}) must not be above the minimum success threshold (${w.minimumSuccessThreshold})`,
      );
    }
    const seen = new Set<string>();
    w.criteria.forEach((c, j) => {
      const key = c.name.trim().toLowerCase();
      if (seen.has(key))
        issue(
          [i, "criteria", j, "name"],
          `${where}: the criterion "${c.name}" appears twice; give each criterion its own name`,
        );
      seen.add(key);
    });
  });
}

export const ZMilestonesConfigSchema = z
  .object({
    templates: z.object(
      Object.fromEntries(
        SERVICE_TYPES.map((t) => [
          t,
          z.array(ZMilestoneSchema).min(1, `The ${label(t)} template needs at least one week`),
        ]),
      ) as Record<ServiceType, z.ZodArray<typeof ZMilestoneSchema>>,
      { message: "Milestone templates are given per service type" },
    ),
  })
  .superRefine((config, ctx) => {
    for (const serviceType of SERVICE_TYPES) checkTemplate(serviceType, config.templates[serviceType], ctx);
  }) satisfies z.ZodType<MilestonesConfig>;
