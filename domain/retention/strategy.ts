/**
 * Retention strategy and plan (docs/domain.md#retention _determine_retention_strategy, RETENTION_STRATEGIES,
 * execute_retention_strategy). Pure: scores and facts in, the strategy with its reason, the seed's
 * trigger conditions evaluated on the account's facts, the dated actions, the success metrics, the
 * expected outcome and the next touchpoint out.
 *
 * Seed, literally: health ≥ 85 and expansion ≥ 70 → high_satisfaction_expansion; else 70 ≤ health < 85 →
 * moderate_satisfaction_improvement; else at_risk_recovery. So a healthy account (≥ 85) with expansion
 * potential below 70 falls through to at-risk recovery; the reason says so.
 * Ours: immediate actions and follow-ups are dated `dueDays` after the plan; the trigger conditions are
 * shown next to the account's actual values (met / not met / no data) — they explain the plan, they do
 * not choose it (the rule above does).
 */
import { DAY_MS } from "@/domain/guarantee/clock";
import type { PlaybookAction, RetentionConfig, Strategy } from "./config";

export type StrategyChoice = { strategy: Strategy; reason: string };

export function retentionStrategy(health: number, expansion: number, t: RetentionConfig["strategy"]): StrategyChoice {
  if (health >= t.healthHigh && expansion >= t.expansionHigh) {
    return {
      strategy: "HIGH_SATISFACTION_EXPANSION",
      reason: `Health ${health} ≥ ${t.healthHigh} and expansion potential ${expansion} ≥ ${t.expansionHigh}.`,
    };
  }
  if (health >= t.healthModerate && health < t.healthHigh) {
    return {
      strategy: "MODERATE_SATISFACTION_IMPROVEMENT",
      reason: `Health ${health} is between ${t.healthModerate} and ${t.healthHigh}.`,
    };
  }
  if (health >= t.healthHigh) {
    return {
      strategy: "AT_RISK_RECOVERY",
      reason: `Health ${health} ≥ ${t.healthHigh} but expansion potential ${expansion} < ${t.expansionHigh}: high health without expansion potential calls for at-risk recovery.`,
    };
  }
  return { strategy: "AT_RISK_RECOVERY", reason: `Health ${health} < ${t.healthModerate}.` };
}

export type TriggerFacts = {
  /** mean CSAT 0–10 */
  satisfaction: number | null;
  /** the latest decided guarantee's success score */
  successScore: number | null;
  /** the latest delivered project finished by its target date */
  onTime: boolean | null;
  /** open recovery / escalation / quality actions */
  openIssues: number;
  escalations: number;
};

type Condition = {
  condition: string;
  comparator: "≥" | "≤" | "=";
  threshold: number | string | boolean;
  actual: (f: TriggerFacts) => number | string | boolean | null;
};

/** docs/domain.md#retention RETENTION_STRATEGIES[*].trigger_conditions */
export const TRIGGER_CONDITIONS: Record<Strategy, Condition[]> = {
  HIGH_SATISFACTION_EXPANSION: [
    { condition: "satisfaction_score", comparator: "≥", threshold: 9.0, actual: (f) => f.satisfaction },
    { condition: "success_score", comparator: "≥", threshold: 95.0, actual: (f) => f.successScore },
    {
      condition: "project_completion",
      comparator: "=",
      threshold: "on_time",
      actual: (f) => (f.onTime === null ? null : f.onTime ? "on_time" : "late"),
    },
  ],
  MODERATE_SATISFACTION_IMPROVEMENT: [
    { condition: "satisfaction_score", comparator: "≥", threshold: 7.0, actual: (f) => f.satisfaction },
    { condition: "success_score", comparator: "≥", threshold: 80.0, actual: (f) => f.successScore },
    { condition: "minor_issues_resolved", comparator: "=", threshold: true, actual: (f) => f.openIssues === 0 },
  ],
  AT_RISK_RECOVERY: [
    { condition: "satisfaction_score", comparator: "≤", threshold: 6.0, actual: (f) => f.satisfaction },
    { condition: "success_score", comparator: "≤", threshold: 70.0, actual: (f) => f.successScore },
    { condition: "escalations_count", comparator: "≥", threshold: 2, actual: (f) => f.escalations },
  ],
};

export type TriggerResult = {
  condition: string;
  comparator: string;
  threshold: number | string | boolean;
  actual: number | string | boolean | null;
  met: boolean | null;
  text: string;
};

/** The trigger conditions and their values as the account page says them (the keys stay in stored plans). */
const CONDITION_LABEL: Record<string, string> = {
  satisfaction_score: "Satisfaction",
  success_score: "Success score",
  project_completion: "Project completion",
  minor_issues_resolved: "Minor issues resolved",
  escalations_count: "Escalations",
};
const VALUE_WORDS: Record<string, string> = { on_time: "on time", late: "late", true: "yes", false: "no" };
const valueWords = (v: number | string | boolean): string => VALUE_WORDS[String(v)] ?? String(v);

export function evaluateTriggers(strategy: Strategy, f: TriggerFacts): TriggerResult[] {
  return TRIGGER_CONDITIONS[strategy].map((c) => {
    const actual = c.actual(f);
    let met: boolean | null = null;
    if (actual !== null) {
      if (c.comparator === "=") met = actual === c.threshold;
      else if (typeof actual === "number" && typeof c.threshold === "number")
        met = c.comparator === "≥" ? actual >= c.threshold : actual <= c.threshold;
    }
    const label = CONDITION_LABEL[c.condition] ?? c.condition.replaceAll("_", " ");
    const text =
      actual === null
        ? `${label} ${c.comparator} ${valueWords(c.threshold)}: no data`
        : `${label} ${c.comparator} ${valueWords(c.threshold)}: actual ${valueWords(actual)} — ${met ? "met" : "not met"}`;
    return { condition: c.condition, comparator: c.comparator, threshold: c.threshold, actual, met, text };
  });
}

export type PlannedAction = { key: string; title: string; phase: "immediate" | "follow_up"; dueAt: Date };
export type RetentionPlanDraft = StrategyChoice & {
  healthScore: number;
  expansionScore: number;
  triggers: TriggerResult[];
  actions: PlannedAction[];
  successMetrics: string[];
  expectedOutcome: string;
  nextTouchpointAt: Date;
};

const dated = (a: PlaybookAction, phase: PlannedAction["phase"], now: Date): PlannedAction => ({
  key: a.key,
  title: a.title,
  phase,
  dueAt: new Date(now.getTime() + a.dueDays * DAY_MS),
});

export function planRetention(
  input: { health: number; expansion: number; facts: TriggerFacts; now: Date },
  config: RetentionConfig,
): RetentionPlanDraft {
  const choice = retentionStrategy(input.health, input.expansion, config.strategy);
  const playbook = config.playbooks[choice.strategy];
  return {
    ...choice,
    healthScore: input.health,
    expansionScore: input.expansion,
    triggers: evaluateTriggers(choice.strategy, input.facts),
    actions: [
      ...playbook.immediate.map((a) => dated(a, "immediate", input.now)),
      ...playbook.followUp.map((a) => dated(a, "follow_up", input.now)),
    ],
    successMetrics: [...playbook.successMetrics],
    expectedOutcome: playbook.expectedOutcome,
    nextTouchpointAt: new Date(input.now.getTime() + config.nextTouchpointDays * DAY_MS),
  };
}
