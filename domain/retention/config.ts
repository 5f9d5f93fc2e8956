/**
 * Customer retention configuration (docs/domain.md#retention CustomerRetentionEngine), stored per tenant as the
 * "retention" TenantConfig kind with the seed's values as defaults. Pure data + validation: no I/O.
 *
 * Seed: the strategy rule (health ≥ 85 and expansion ≥ 70 → high_satisfaction_expansion; 70 ≤ health <
 * 85 → moderate_satisfaction_improvement; else at_risk_recovery), the three strategies' trigger
 * conditions, offerings, tactics and actions, and the next touchpoint at +7 days.
 * Ours (the seed leaves _calculate_customer_health_score, _analyze_expansion_potential and the action
 * timelines undefined): the health components and their weights, the expansion factors and their
 * weights, how each is scored (health.ts, expansion.ts), which seed actions are immediate and which
 * follow up, their due days, the success metrics and the expected outcome of each strategy.
 */
import { z } from "zod";

export const HEALTH_COMPONENTS = [
  "milestoneSuccess",
  "csat",
  "nps",
  "signOffLatency",
  "escalations",
  "qualityGates",
  "education",
  "engagement",
] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];
export const EXPANSION_FACTORS = ["health", "guaranteeSuccess", "satisfaction", "advocacy", "relationship"] as const;
export type ExpansionFactor = (typeof EXPANSION_FACTORS)[number];
export const STRATEGIES = [
  "HIGH_SATISFACTION_EXPANSION",
  "MODERATE_SATISFACTION_IMPROVEMENT",
  "AT_RISK_RECOVERY",
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type PlaybookAction = { key: string; title: string; dueDays: number };
export type Playbook = {
  immediate: PlaybookAction[];
  followUp: PlaybookAction[];
  successMetrics: string[];
  expectedOutcome: string;
};

export type RetentionConfig = {
  health: {
    weights: Record<HealthComponent, number>;
    /** facts older than this many days do not count (milestones, surveys, escalations, gates) */
    windowDays: number;
    signOffLatency: { targetHours: number; maxHours: number };
    /** points off per escalation in the window */
    escalationPenalty: number;
    engagement: { windowDays: number; targetActiveDays: number };
  };
  expansion: { weights: Record<ExpansionFactor, number> };
  strategy: { healthHigh: number; healthModerate: number; expansionHigh: number };
  playbooks: Record<Strategy, Playbook>;
  nextTouchpointDays: number;
};

const action = (key: string, title: string, dueDays: number): PlaybookAction => ({ key, title, dueDays });

export const DEFAULT_RETENTION_CONFIG: RetentionConfig = {
  health: {
    weights: {
      milestoneSuccess: 0.25,
      csat: 0.2,
      nps: 0.1,
      signOffLatency: 0.1,
      escalations: 0.1,
      qualityGates: 0.1,
      education: 0.05,
      engagement: 0.1,
    },
    windowDays: 180,
    signOffLatency: { targetHours: 48, maxHours: 168 },
    escalationPenalty: 25,
    engagement: { windowDays: 30, targetActiveDays: 8 },
  },
  expansion: {
    weights: { health: 0.35, guaranteeSuccess: 0.25, satisfaction: 0.15, advocacy: 0.15, relationship: 0.1 },
  },
  strategy: { healthHigh: 85, healthModerate: 70, expansionHigh: 70 }, // docs/domain.md#retention _determine_retention_strategy
  playbooks: {
    HIGH_SATISFACTION_EXPANSION: {
      immediate: [
        action("dedicated_account_manager", "Introduce the dedicated account manager", 2),
        action("additional_mvp_features", "Present the additional MVP features roadmap", 7),
      ],
      followUp: [
        action("maintenance_contract", "Offer a maintenance contract", 14),
        action("enterprise_scaling", "Propose an enterprise scaling review", 30),
        action("early_access_programs", "Invite the sponsor to the early access programme", 45),
      ],
      successMetrics: ["Expansion proposal accepted within 90 days", "NPS ≥ 70", "Health score stays ≥ 85"],
      expectedOutcome: "A second project or a maintenance contract signed within 90 days",
    },
    MODERATE_SATISFACTION_IMPROVEMENT: {
      immediate: [
        action("enhanced_support", "Switch the account to enhanced support", 2),
        action("additional_training", "Schedule an additional training session", 7),
      ],
      followUp: [
        action("process_optimization", "Run a process optimisation review", 14),
        action("communication_enhancement", "Agree a communication plan with the sponsor", 21),
        action("consultation_sessions", "Offer two consultation sessions", 30),
      ],
      successMetrics: ["CSAT ≥ 8.5 on the next milestone", "Health score ≥ 85 within 60 days"],
      expectedOutcome: "Satisfaction back above target before the next project",
    },
    AT_RISK_RECOVERY: {
      immediate: [
        action("executive_intervention", "Executive intervention call with the sponsor", 1),
        action("project_audit", "Audit the delivery with the customer", 5),
      ],
      followUp: [
        action("compensation_package", "Prepare a compensation package (service credits or guarantee extension)", 10),
        action("relationship_reset", "Relationship reset workshop", 21),
      ],
      successMetrics: ["No new escalation for 60 days", "Health score back above 70"],
      expectedOutcome: "Relationship reset and a recovery offer accepted",
    },
  },
  nextTouchpointDays: 7, // docs/domain.md#retention: next_touchpoint = now + 7 days
};

export const WEIGHT_SUM_TOLERANCE = 1e-6;

const num = (what: string, min: number, max: number) =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(min, `The ${what} is at least ${min}`)
    .max(max, `The ${what} is at most ${max}`);
const wholeDays = (what: string, min: number, max: number) => num(what, min, max).int(`The ${what} is in whole days`);

function weightsSchema<K extends string>(keys: readonly K[], label: string) {
  return z
    .object(
      Object.fromEntries(keys.map((k) => [k, num(`weight of ${k}`, 0, 1)])) as Record<K, ReturnType<typeof num>>,
      { message: `${label} are given per key` },
    )
    .superRefine((w, ctx) => {
      const sum = Object.values<number>(w as Record<string, number>).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
        ctx.addIssue({
          code: "custom",
          message: `${label} must add up to 1 (they add up to ${Number(sum.toFixed(4))})`,
        });
    });
}

const ZActionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "An action key is 1–64 lower-case letters, digits or underscores"),
  title: z.string().trim().min(1, "Give the action a title").max(200, "An action title is at most 200 characters"),
  dueDays: wholeDays("action due date", 0, 365),
});
const ZPlaybookSchema = z.object({
  immediate: z
    .array(ZActionSchema)
    .min(1, "A strategy needs at least one immediate action")
    .max(10, "At most 10 immediate actions"),
  followUp: z.array(ZActionSchema).max(10, "At most 10 follow-up actions"),
  successMetrics: z.array(z.string().trim().min(1).max(200)).min(1, "Give at least one success metric").max(10),
  expectedOutcome: z.string().trim().min(1, "Describe the expected outcome").max(300),
});

export const ZRetentionConfigSchema = z
  .object({
    health: z.object({
      weights: weightsSchema(HEALTH_COMPONENTS, "Health weights"),
      windowDays: wholeDays("health window", 7, 730),
      signOffLatency: z.object({
        targetHours: num("target sign-off latency", 0, 720),
        maxHours: num("longest sign-off latency", 1, 2160),
      }),
      escalationPenalty: num("escalation penalty", 0, 100),
      engagement: z.object({
        windowDays: wholeDays("engagement window", 1, 365),
        targetActiveDays: wholeDays("target active days", 1, 365),
      }),
    }),
    expansion: z.object({ weights: weightsSchema(EXPANSION_FACTORS, "Expansion weights") }),
    strategy: z.object({
      healthHigh: num("high health line", 0, 100),
      healthModerate: num("moderate health line", 0, 100),
      expansionHigh: num("expansion line", 0, 100),
    }),
    playbooks: z.object(
      Object.fromEntries(STRATEGIES.map((s) => [s, ZPlaybookSchema])) as Record<Strategy, typeof ZPlaybookSchema>,
    ),
    nextTouchpointDays: wholeDays("next touchpoint", 1, 90),
  })
  .superRefine((c, ctx) => {
    if (c.strategy.healthModerate > c.strategy.healthHigh) {
      ctx.addIssue({
        code: "custom",
        path: ["strategy", "healthModerate"],
        message: "The moderate health line cannot be above the high one",
      });
    }
    if (c.health.signOffLatency.maxHours <= c.health.signOffLatency.targetHours) {
      ctx.addIssue({
        code: "custom",
        path: ["health", "signOffLatency", "maxHours"],
        message: "The longest sign-off latency must be above the target",
      });
    }
    if (c.health.engagement.targetActiveDays > c.health.engagement.windowDays) {
      ctx.addIssue({
        code: "custom",
        path: ["health", "engagement", "targetActiveDays"],
        message: "The target active days cannot exceed the engagement window",
      });
    }
  }) satisfies z.ZodType<RetentionConfig>;
