import { DEFAULT_QUALITY_CONFIG } from "../../domain/quality/config";
import type { QualityMetrics } from "../../domain/quality/gates";
import { validateQuality } from "../../domain/quality/validate";
import { addDays, addHours, type Scenario, type SeedContext } from "./context";
import type { ProjectRef } from "./projects";
import { clamp, round1 } from "./random";

/** Delivery and process figures per story (the tech lead's entries); `drift` worsens them week by week. */
const PROFILE: Record<
  Scenario,
  {
    traceability: number;
    acceptance: number;
    approval: number;
    documentation: number;
    adherence: number;
    responsiveness: number;
    resolutionHours: number;
    csat: number;
    drift: number;
  }
> = {
  active: {
    traceability: 100,
    acceptance: 100,
    approval: 92,
    documentation: 93,
    adherence: 100,
    responsiveness: 97,
    resolutionHours: 6,
    csat: 8.8,
    drift: 0,
  },
  completed: {
    traceability: 100,
    acceptance: 100,
    approval: 94,
    documentation: 95,
    adherence: 100,
    responsiveness: 98,
    resolutionHours: 5,
    csat: 9,
    drift: 0,
  },
  at_risk: {
    traceability: 98,
    acceptance: 96,
    approval: 86,
    documentation: 88,
    adherence: 90,
    responsiveness: 95,
    resolutionHours: 18,
    csat: 8,
    drift: 2,
  },
  failed_refunded: {
    traceability: 95,
    acceptance: 92,
    approval: 80,
    documentation: 85,
    adherence: 80,
    responsiveness: 92,
    resolutionHours: 22,
    csat: 7.2,
    drift: 3,
  },
  refund_review: {
    traceability: 97,
    acceptance: 95,
    approval: 84,
    documentation: 88,
    adherence: 85,
    responsiveness: 94,
    resolutionHours: 20,
    csat: 7.6,
    drift: 2.5,
  },
  kickoff: {
    traceability: 100,
    acceptance: 100,
    approval: 90,
    documentation: 90,
    adherence: 100,
    responsiveness: 97,
    resolutionHours: 6,
    csat: 8.5,
    drift: 0,
  },
};
/** Test coverage the project ends on: what the guarantee's coverage criterion reads (docs/domain.md#success-validation). */
const FINAL_COVERAGE: Record<Scenario, number> = {
  active: 94,
  completed: 96.5,
  at_risk: 87,
  failed_refunded: 84,
  refund_review: 88,
  kickoff: 80,
};
/** Evidence from CI twice a week and a weekly comprehensive quality validation (docs/domain.md#quality-gates). */
export function buildQuality(ctx: SeedContext, p: ProjectRef): { lastCoverage: number | null; escalations: Date[] } {
  const { rows, tenantId, rng, now } = ctx;
  const s = p.spec.scenario;
  const end = addDays(p.start, 28);
  const stop = end < now ? end : now;
  let lastCoverage: number | null = null;
  let build = rng.int(100, 400);
  for (let day = 2; addDays(p.start, day) <= stop; day += rng.int(3, 4)) {
    const at = addHours(addDays(p.start, day), rng.int(1, 8));
    if (at > now) break;
    const progress = clamp(day / 26, 0, 1);
    const failing = s === "failed_refunded" || s === "refund_review" || s === "at_risk";
    lastCoverage = round1(clamp(78 + (FINAL_COVERAGE[s] - 78) * progress + rng.float(-0.8, 0.8), 0, 100));
    build += rng.int(3, 12);
    rows.evidence.push({
      id: ctx.id(),
      tenantId,
      projectId: p.id,
      source: "API",
      coverage: lastCoverage,
      complexity: round1(rng.float(4, failing ? 13 : 9)),
      maintainability: round1(rng.float(failing ? 7.2 : 8.2, failing ? 8.8 : 9.5)),
      vulnerabilitiesHigh: failing && rng.chance(0.5) ? rng.int(1, 2) : 0,
      vulnerabilitiesCritical: 0,
      benchmarkP95Ms: round1(rng.float(140, failing ? 520 : 380)),
      testsPassed: 60 + day * rng.int(9, 14),
      testsFailed: failing ? rng.int(1, 9) : rng.int(0, 2),
      commitSha: rng.hex(40),
      buildUrl: `https://ci.${ctx.spec.domain}/${p.spec.slug}/builds/${build}`,
      metrics: { branch: "main", lintWarnings: rng.int(0, failing ? 40 : 8), buildDurationSec: rng.int(90, 420) },
      createdAt: at,
    });
  }
  // docs/domain.md#quality-gates: a weekly comprehensive validation by the engine itself, code gates from the latest CI
  // evidence, delivery and process figures from the scenario's profile (what the tech lead would enter)
  const escalations: Date[] = [];
  const evidence = rows.evidence.filter((e) => e.projectId === p.id);
  for (let week = 1; week <= 4; week++) {
    const at = addHours(addDays(p.start, 7 * week - 1), 16);
    if (at > now || s === "kickoff") break;
    const latest = [...evidence].reverse().find((e) => (e.createdAt as Date) <= at);
    const profile = PROFILE[s];
    const drift = (week - 1) * profile.drift;
    const metrics: QualityMetrics = {
      coverage: latest?.coverage ?? null,
      complexity: latest?.complexity ?? null,
      maintainability: latest?.maintainability ?? null,
      vulnerabilitiesHigh: latest?.vulnerabilitiesHigh ?? null,
      vulnerabilitiesCritical: latest?.vulnerabilitiesCritical ?? null,
      benchmarkP95Ms: latest?.benchmarkP95Ms ?? null,
      requirementsTraceability: round1(clamp(profile.traceability - drift + rng.float(-1, 1), 0, 100)),
      acceptanceCriteriaCoverage: round1(clamp(profile.acceptance - drift + rng.float(-1, 1), 0, 100)),
      stakeholderApproval: round1(clamp(profile.approval - drift + rng.float(-2, 2), 0, 100)),
      documentationCompleteness: round1(clamp(profile.documentation - drift + rng.float(-2, 2), 0, 100)),
      milestoneAdherence: round1(clamp(profile.adherence - drift * 2, 0, 100)),
      communicationResponsiveness: round1(clamp(profile.responsiveness - drift + rng.float(-1, 1), 0, 100)),
      escalationResolutionHours: round1(profile.resolutionHours + drift + rng.float(0, 4)),
      customerSatisfaction: round1(clamp(profile.csat - drift / 10 + rng.float(-0.2, 0.2), 0, 10)),
    };
    const result = validateQuality("comprehensive", metrics, DEFAULT_QUALITY_CONFIG);
    const ciSource = latest
      ? `from CI evidence of ${(latest.createdAt as Date).toISOString().slice(0, 10)} (commit ${String(latest.commitSha).slice(0, 7)})`
      : "no data";
    const gates = result.gates.map((g) => ({
      ...g,
      source: g.family === "code" ? ciSource : "entered by the technical lead",
    }));
    if (result.escalate) escalations.push(at);
    rows.quality.push({
      id: ctx.id(),
      tenantId,
      projectId: p.id,
      type: "COMPREHENSIVE",
      score: result.score,
      gatesPassed: result.gatesPassed,
      gatesFailed: result.gatesFailed,
      escalated: result.escalate,
      createdAt: at,
      results: {
        type: result.type,
        score: result.score,
        scoreReason: result.scoreReason,
        gates,
        families: result.families,
        escalationReasons: result.escalationReasons,
        metrics,
        manual: {},
        evidenceId: latest?.id ?? null,
        configVersion: 1,
        trigger: "manual",
        validatedBy: null,
      },
      recommendations: result.recommendations,
    });
  }
  return { lastCoverage, escalations };
}
