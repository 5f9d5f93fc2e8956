import type { Prisma } from "../../server/db/generated/client";
import type { LeadStage } from "../../server/db/generated/enums";
import { DEFAULT_TIER_CATALOGUE } from "../../server/engines/tiers/config";
import type { TierKey } from "./catalogue";
import { addDays, addHours, iso, type LeadSpec, type SeedContext } from "./context";
import { answersInBand } from "./qualification";
import { round1 } from "./random";

export type LeadFacts = { spec: LeadSpec; createdAt: Date; assessedAt: Date; feasibilityAt: Date; tierAt: Date; score: number; feasibility: number };

/** Qualification score band per stage: UNQUALIFIED below the seed §6 cut-off of 60, the rest above. */
const SCORE_BAND: Partial<Record<LeadStage, [number, number]>> = {
  QUALIFYING: [50, 80], QUALIFIED: [62, 80], UNQUALIFIED: [32, 58], FEASIBILITY: [65, 86],
  PROPOSAL: [68, 90], CONVERTED: [74, 95], LOST: [62, 78],
};
const PAST_FEASIBILITY: LeadStage[] = ["FEASIBILITY", "PROPOSAL", "CONVERTED", "LOST"];
const PAST_PROPOSAL: LeadStage[] = ["PROPOSAL", "CONVERTED", "LOST"];
const RISKS = [
  { factor: "integration_complexity", severity: "medium", reason: "Three third-party systems to integrate" },
  { factor: "data_migration", severity: "high", reason: "Legacy data needs cleansing before migration" },
  { factor: "stakeholder_availability", severity: "low", reason: "Product owner shared with another initiative" },
  { factor: "compliance_review", severity: "medium", reason: "Security review required before production" },
];

/** Leads at every stage with their assessments (seed §1.1), feasibility (§1.2) and tier picks (§2.1). */
export function buildLeads(ctx: SeedContext): Map<string, LeadFacts> {
  const { rows, tenantId, rng } = ctx;
  const facts = new Map<string, LeadFacts>();
  for (const spec of ctx.spec.leads) {
    const id = ctx.id();
    ctx.leads.set(spec.key, id);
    const ownerId = ctx.user(spec.owner);
    const createdAt = ctx.daysAgo(spec.daysAgo, rng.int(10, 16));
    const assessedAt = addDays(createdAt, spec.daysAgo > 3 ? 2 : 0);
    const feasibilityAt = addDays(createdAt, 5);
    const tierAt = addDays(createdAt, 7);
    const project = ctx.spec.projects.find((p) => p.lead === spec.key);
    const convertedAt = project ? ctx.daysAgo(project.startDaysAgo + 3, 15) : null;
    const band = SCORE_BAND[spec.stage];
    let score: number | null = null;
    let feasibility = 0;
    let updatedAt = createdAt;
    if (band) {
      const { answers, result } = answersInBand(rng, band[0], band[1]);
      const isDraft = spec.stage === "QUALIFYING";
      score = isDraft ? null : result.score;
      rows.assessment.push({
        id: ctx.id(), tenantId, leadId: id, answers: { answers, context: {} }, breakdown: result.categories as unknown as Prisma.InputJsonValue, points: result.points, maxPoints: result.maxPoints,
        score: result.score, fit: result.fit as unknown as Prisma.InputJsonValue, configVersion: 1, isDraft, authorId: ownerId, createdAt: assessedAt,
      });
      updatedAt = assessedAt;
      if (PAST_FEASIBILITY.includes(spec.stage)) {
        feasibility = pushFeasibility(ctx, id, ownerId, spec, result.score, feasibilityAt);
        updatedAt = feasibilityAt;
      }
      if (PAST_PROPOSAL.includes(spec.stage)) {
        pushTierRecommendations(ctx, id, spec, project?.tierKey, project?.contractUsd, tierAt);
        updatedAt = spec.stage === "LOST" ? addDays(tierAt, 12) : tierAt;
      }
      facts.set(spec.key, { spec, createdAt, assessedAt, feasibilityAt, tierAt, score: result.score, feasibility });
    }
    rows.lead.push({
      id, tenantId, company: spec.company, contactName: spec.contact, contactEmail: spec.email,
      contactPhone: `+1-555-01${String(rng.int(10, 99))}`, source: spec.source, stage: spec.stage, serviceType: spec.serviceType,
      ownerId, customerAccountId: spec.account ? ctx.account(spec.account).id : null, estimatedValueCents: spec.valueUsd * 100,
      latestScore: score, notes: spec.notes ?? null, createdAt, updatedAt: convertedAt ?? updatedAt,
      qualifiedAt: score !== null && score >= 60 ? assessedAt : null, convertedAt,
    });
  }
  return facts;
}

/** seed §1.2: feasibility = technical 0.4 + timeline 0.3 + resource 0.3. */
function pushFeasibility(ctx: SeedContext, leadId: string, authorId: string, spec: LeadSpec, qualification: number, at: Date): number {
  const { rng } = ctx;
  const low = spec.stage === "FEASIBILITY" ? 58 : 72;
  const [technicalScore, timelineScore, resourceScore] = [rng.int(low, 96), rng.int(low, 94), rng.int(low, 95)];
  const feasibilityScore = round1(technicalScore * 0.4 + timelineScore * 0.3 + resourceScore * 0.3);
  const risks = [rng.pick(RISKS)];
  ctx.rows.feasibility.push({
    id: ctx.id(), tenantId: ctx.tenantId, leadId, authorId, configVersion: 1, createdAt: at,
    input: { timelineWeeks: rng.int(4, 12), budgetCents: spec.valueUsd * 100, teamSize: rng.int(3, 40), requirements: ["web application", "reporting", "SSO"] },
    technicalScore, timelineScore, resourceScore, feasibilityScore,
    successProbability: Math.round(((feasibilityScore * 0.6 + qualification * 0.4) / 100) * 0.97 * 100) / 100,
    risks, blockers: feasibilityScore < 70 ? ["timeline_too_aggressive"] : [],
    recommendation: feasibilityScore >= 85 ? "proceed" : feasibilityScore >= 70 ? "proceed_with_conditions" : "stop",
  });
  return feasibilityScore;
}

function pushTierRecommendations(ctx: SeedContext, leadId: string, spec: LeadSpec, chosenTier: TierKey | undefined, contractUsd: number | undefined, at: Date): void {
  const { rng } = ctx;
  const primary: TierKey = chosenTier ?? (spec.serviceType === "LEGACY_MODERNIZATION"
    ? "legacy_modernization_accelerated" : spec.valueUsd >= 200_000 ? "enterprise_mvp" : "startup_mvp");
  const secondary: TierKey = primary === "startup_mvp" ? "enterprise_mvp" : primary === "enterprise_mvp" ? "startup_mvp" : "enterprise_mvp";
  for (const [tierKey, compatibility] of [[primary, rng.float(0.78, 0.93)], [secondary, rng.float(0.6, 0.7)]] as const) {
    const tier = DEFAULT_TIER_CATALOGUE.tiers[tierKey];
    if (!tier) throw new Error(`seed: unknown tier ${tierKey}`);
    const [minPrice, maxPrice] = tier.priceRangeCents;
    const priceCents = tierKey === primary && contractUsd ? contractUsd * 100 : Math.min(maxPrice, Math.max(minPrice, spec.valueUsd * 100));
    ctx.rows.tierRec.push({
      id: ctx.id(), tenantId: ctx.tenantId, leadId, tierKey, compatibility: Math.round(compatibility * 100) / 100, priceCents,
      timelineWeeks: tier.timelineWeeks[0] + rng.int(0, 2), configVersion: 1, createdAt: addHours(at, tierKey === primary ? 0 : 1),
      chosen: tierKey === primary && spec.stage === "CONVERTED",
      reasoning: [`${tier.name} targets ${tier.targetCustomers.join(", ")}`, `Budget ${spec.valueUsd.toLocaleString("en-US")} USD fits the price range`],
    });
  }
}

/** seed §6: one journey per converted lead, each phase with its real timestamps. */
export function buildJourneys(ctx: SeedContext, facts: Map<string, LeadFacts>): void {
  for (const [key, conversion] of ctx.conversions) {
    const lead = facts.get(key);
    const leadId = ctx.leads.get(key);
    if (!lead || !leadId) continue;
    const done = (phase: string, from: Date, to: Date, reasons: string[] = []) => ({ phase, status: "completed", startedAt: iso(from), finishedAt: iso(to), reasons });
    const kickoffAt = addDays(conversion.start, -1);
    const phases = [
      done("qualification", lead.createdAt, lead.assessedAt, [`score ${lead.score} ≥ 60`]),
      done("feasibility", lead.assessedAt, lead.feasibilityAt, [`feasibility ${lead.feasibility} ≥ 70`]),
      done("tier", lead.feasibilityAt, lead.tierAt),
      done("education", lead.tierAt, addDays(conversion.start, -2)),
      done("kickoff", kickoffAt, addHours(kickoffAt, 3)),
      conversion.end ? done("monitoring", conversion.start, conversion.end)
        : { phase: "monitoring", status: "in_progress", startedAt: iso(conversion.start), finishedAt: null, reasons: [] },
    ];
    ctx.rows.journey.push({
      id: ctx.id(), tenantId: ctx.tenantId, leadId, projectId: conversion.projectId, status: conversion.end ? "COMPLETED" : "MONITORING",
      currentPhase: "monitoring", phases, startedAt: lead.createdAt, updatedAt: conversion.end ?? conversion.start, completedAt: conversion.end,
    });
  }
}
