import type { RetentionStrategy } from "../../server/db/generated/enums";
import { addDays, utcDay, type SeedContext } from "./context";
import { clamp, round1 } from "./random";

export const HEALTH_DAYS = 95;

/** seed §5.2 RETENTION_STRATEGIES: trigger conditions and the first actions each strategy plans. */
const STRATEGIES: Record<RetentionStrategy, { triggers: Record<string, number | string | boolean>; metrics: string[]; outcome: string; actions: string[] }> = {
  HIGH_SATISFACTION_EXPANSION: {
    triggers: { satisfactionScore: 9, successScore: 95, projectCompletion: "on_time" },
    metrics: ["Expansion proposal accepted within 90 days", "NPS ≥ 70"],
    outcome: "Second project signed and a maintenance contract in place",
    actions: ["Present the additional MVP features roadmap", "Introduce the dedicated account manager", "Offer a maintenance contract"],
  },
  MODERATE_SATISFACTION_IMPROVEMENT: {
    triggers: { satisfactionScore: 7, successScore: 80, minorIssuesResolved: true },
    metrics: ["CSAT ≥ 8.5 on the next milestone", "Health score ≥ 85 within 60 days"],
    outcome: "Satisfaction back above target before the next project",
    actions: ["Schedule an additional training session", "Run a process optimisation review", "Offer two consultation sessions"],
  },
  AT_RISK_RECOVERY: {
    triggers: { satisfactionScore: 6, successScore: 70, escalationsCount: 2 },
    metrics: ["No new escalation for 60 days", "Health score back above 70"],
    outcome: "Relationship reset and a recovery offer accepted",
    actions: ["Executive intervention call with the sponsor", "Audit the failed delivery with the customer", "Relationship reset workshop"],
  },
};

/**
 * One snapshot per account per UTC day: each component drifts from the account's start level to its
 * current level with smooth (autoregressive) noise; the score is their weighted mean.
 */
export function buildHealth(ctx: SeedContext): void {
  const { rows, tenantId, rng, now } = ctx;
  for (const account of ctx.accounts.values()) {
    const [from, to] = account.spec.health;
    let noise = 0;
    let last = { score: to, expansion: to - 10 };
    for (let i = HEALTH_DAYS - 1; i >= 0; i -= 1) {
      const trend = from + (to - from) * ((HEALTH_DAYS - 1 - i) / (HEALTH_DAYS - 1));
      noise = 0.85 * noise + rng.float(-1.2, 1.2);
      const c = (offset: number, spread: number) => round1(clamp(trend + offset + noise * spread + rng.float(-1, 1), 0, 100));
      const components = { milestoneSuccess: c(4, 1.5), csat: c(2, 1), nps: c(-6, 2), engagement: c(0, 1.2) };
      const score = round1(clamp(0.35 * components.milestoneSuccess + 0.25 * components.csat + 0.2 * components.nps + 0.2 * components.engagement, 50, 95));
      last = { score, expansion: round1(clamp(trend - 8 + noise * 2, 0, 100)) };
      const day = utcDay(addDays(now, -i));
      const computedAt = addDays(day, 0.1); // the nightly job runs at 02:24 UTC
      rows.health.push({
        id: ctx.id(), tenantId, customerAccountId: account.id, day, score, expansionScore: last.expansion,
        components, createdAt: computedAt < now ? computedAt : now,
      });
    }
    const strategy = account.spec.retention;
    if (!strategy) continue;
    const config = STRATEGIES[strategy];
    const planId = ctx.id();
    const createdAt = addDays(now, -5);
    rows.retentionPlan.push({
      id: planId, tenantId, customerAccountId: account.id, strategy, healthScore: last.score, expansionScore: last.expansion,
      triggers: config.triggers, successMetrics: config.metrics, expectedOutcome: config.outcome,
      nextTouchpointAt: addDays(now, 7), createdAt, // seed §5.2: next touchpoint in 7 days
    });
    config.actions.forEach((title, i) => {
      const done = i === 0;
      rows.action.push({
        id: ctx.id(), tenantId, customerAccountId: account.id, retentionPlanId: planId, kind: "RETENTION", title, assigneeId: account.csmId,
        dueAt: addDays(now, done ? -2 : 3 + i * 7), status: done ? "DONE" : "OPEN", createdAt, completedAt: done ? addDays(now, -3) : null,
      });
    });
  }
}
