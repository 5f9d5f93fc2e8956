import { DEFAULT_RETENTION_CONFIG, type RetentionConfig } from "../../domain/retention/config";
import { expansionPotential, type ExpansionFacts } from "../../domain/retention/expansion";
import { healthScore, type HealthFacts } from "../../domain/retention/health";
import { planRetention, type TriggerFacts } from "../../domain/retention/strategy";
import type { StoredComponents } from "../../server/services/retention";
import { addDays, utcDay, type AccountRef, type SeedContext } from "./context";
import { Rng, clamp } from "./random";
import { retentionTaskDetail } from "@/lib/labels/retention-strategy";

export const HEALTH_DAYS = 95;

const CONFIG: RetentionConfig = DEFAULT_RETENTION_CONFIG;
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Facts that give each health component (health.ts) roughly the wanted 0–100 level: the demo's history is
 * a story (each account drifts from its start level to its current one), scored by the app's own engine.
 */
function factsFor(
  level: Record<
    "milestone" | "csat" | "nps" | "latency" | "escalations" | "gates" | "education" | "engagement",
    number
  >,
): HealthFacts {
  const { targetHours, maxHours } = CONFIG.health.signOffLatency;
  return {
    milestones: { validated: 8, met: Math.round((8 * level.milestone) / 100) },
    csat: { mean: round1(level.csat / 10), responses: 6 },
    nps: { score: round1(2 * level.nps - 100), responses: 4 },
    signOffLatencyHours: [round1(targetHours + ((100 - level.latency) / 100) * (maxHours - targetHours))],
    escalations: Math.round((100 - level.escalations) / CONFIG.health.escalationPenalty),
    qualityGates: { passed: Math.round((52 * level.gates) / 100), failed: 52 - Math.round((52 * level.gates) / 100) },
    education: { sent: 12, completed: Math.round((12 * level.education) / 100) },
    engagement: {
      activeDays: Math.round((CONFIG.health.engagement.targetActiveDays * level.engagement) / 100),
      portalDays: CONFIG.health.engagement.windowDays,
    },
  };
}

/** What the account's projects and guarantees said on `day` (expansion.ts ExpansionFacts without the scores). */
function accountAsOf(ctx: SeedContext, account: AccountRef, day: Date) {
  const projects = ctx.rows.project.filter((p) => p.customerAccountId === account.id && new Date(p.startDate) <= day);
  const guarantees = projects
    .map((p) => ({ p, g: ctx.rows.guarantee.find((g) => g.projectId === p.id) }))
    .filter((x) => x.g?.decidedAt && new Date(x.g.decidedAt) <= day)
    .sort((a, b) => new Date(b.g?.decidedAt ?? 0).getTime() - new Date(a.g?.decidedAt ?? 0).getTime());
  const latest = guarantees[0]?.g;
  const completed = projects.filter((p) => p.completedAt && new Date(p.completedAt) <= day);
  const score = (latest?.outcome as { successScore?: number } | undefined)?.successScore;
  return {
    latestGuarantee: latest
      ? { status: String(latest.status), successScore: typeof score === "number" ? score : null }
      : null,
    completedProjects: completed.length,
    activeProjects: projects.filter((p) => !completed.includes(p) && !guarantees.some((x) => x.p.id === p.id)).length,
    endedProjects: projects.filter((p) => !completed.includes(p) && guarantees.some((x) => x.p.id === p.id)).length,
    succeededServiceTypes: [
      ...new Set(guarantees.filter((x) => x.g?.status === "SUCCEEDED").map((x) => x.p.serviceType)),
    ],
    largestContractCents: projects.reduce((m, p) => Math.max(m, p.contractValueCents), 0),
    lastCompleted:
      completed.sort((a, b) => new Date(b.completedAt ?? 0).getTime() - new Date(a.completedAt ?? 0).getTime())[0] ??
      null,
  };
}

/**
 * One snapshot per account per UTC day, scored by the retention engine (docs/domain.md#retention; health.ts,
 * expansion.ts): each component drifts from the account's start level to its current level with smooth
 * (autoregressive) noise. Every account gets the retention plan the engine chooses for its latest scores
 * (as the daily run would have made it), its actions assigned to its CSM (the first one already done).
 */
export function buildHealth(ctx: SeedContext): void {
  const { rows, tenantId, rng, now } = ctx;
  for (const account of ctx.accounts.values()) {
    const [from, to] = account.spec.health;
    // the four draws per day from the shared stream are kept as before, so later builders see the same numbers
    const local = new Rng(
      ctx.spec.seed ^ [...account.spec.key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7),
    );
    let noise = 0;
    let last: { score: number; expansion: number; facts: HealthFacts; trigger: TriggerFacts } | null = null;
    for (let i = HEALTH_DAYS - 1; i >= 0; i -= 1) {
      const trend = from + (to - from) * ((HEALTH_DAYS - 1 - i) / (HEALTH_DAYS - 1));
      noise = 0.85 * noise + rng.float(-1.2, 1.2);
      // the noise fades over the last two weeks, so today's scores tell the account's story whatever the date
      const settle = Math.min(1, i / 14);
      const c = (offset: number, spread: number) =>
        clamp(trend + offset + settle * noise * spread + rng.float(-1, 1), 0, 100);
      const x = (offset: number) => clamp(trend + offset + settle * noise + local.float(-1.5, 1.5), 0, 100);
      const level = {
        milestone: c(1, 1.5),
        csat: c(0, 1),
        nps: c(-4, 2),
        engagement: c(0, 1.2),
        latency: x(0),
        escalations: x(0),
        gates: x(-1),
        education: x(0),
      };
      const facts = factsFor(level);
      const scored = healthScore(facts, CONFIG.health);
      if (scored.score === null) throw new Error(`seed: ${account.spec.key} has no health data`);
      const health = { ...scored, score: scored.score };
      const day = utcDay(addDays(now, -i));
      const asOf = accountAsOf(ctx, account, day);
      const expansionFacts: ExpansionFacts = {
        ...asOf,
        health: health.score,
        csatMean: facts.csat.mean,
        npsScore: facts.nps.score,
      };
      const { opportunities: _o, ...expansion } = expansionPotential(expansionFacts, CONFIG.expansion);
      const trigger: TriggerFacts = {
        satisfaction: facts.csat.mean,
        successScore: asOf.latestGuarantee?.successScore ?? null,
        openIssues: 0,
        escalations: facts.escalations,
        onTime: asOf.lastCompleted?.completedAt
          ? new Date(asOf.lastCompleted.completedAt) <= new Date(asOf.lastCompleted.targetEndDate)
          : null,
      };
      const components: StoredComponents = {
        version: 1,
        configVersion: 1,
        health,
        expansion,
        facts,
        triggerFacts: trigger,
      };
      last = { score: health.score, expansion: expansion.score, facts, trigger };
      const computedAt = addDays(day, 0.1); // the nightly job runs at 02:24 UTC
      rows.health.push({
        id: ctx.id(),
        tenantId,
        customerAccountId: account.id,
        day,
        score: health.score,
        expansionScore: expansion.score,
        components: components,
        createdAt: computedAt < now ? computedAt : now,
      });
    }
    if (!last) continue;
    const createdAt = addDays(now, -5);
    const plan = planRetention(
      { health: last.score, expansion: last.expansion, facts: last.trigger, now: createdAt },
      CONFIG,
    );
    // every scored account is on the plan the engine picks (docs/health.md#plans); a spec names the one its story needs
    if (account.spec.retention && plan.strategy !== account.spec.retention)
      throw new Error(
        `seed: ${account.spec.key} scores ${last.score}/${last.expansion} give ${plan.strategy}, not ${account.spec.retention}`,
      );
    const planId = ctx.id();
    rows.retentionPlan.push({
      id: planId,
      tenantId,
      customerAccountId: account.id,
      strategy: plan.strategy,
      healthScore: plan.healthScore,
      expansionScore: plan.expansionScore,
      triggers: { reason: plan.reason, conditions: plan.triggers },
      successMetrics: plan.successMetrics,
      expectedOutcome: plan.expectedOutcome,
      nextTouchpointAt: plan.nextTouchpointAt,
      createdAt, // docs/domain.md#retention: next touchpoint 7 days after the plan
    });
    plan.actions.forEach((a, i) => {
      const done = i === 0;
      rows.action.push({
        id: ctx.id(),
        tenantId,
        customerAccountId: account.id,
        retentionPlanId: planId,
        kind: "RETENTION",
        title: a.title,
        detail: retentionTaskDetail(a.phase, plan.strategy),
        assigneeId: account.csmId,
        dueAt: a.dueAt,
        status: done ? "DONE" : "OPEN",
        createdAt,
        completedAt: done ? addDays(now, -3) : null,
      });
    });
  }
}
