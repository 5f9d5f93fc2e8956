import type { LeadStage } from "../../generated/prisma/enums";
import { analyzeFeasibility } from "../../domain/feasibility/analyze";
import { DEFAULT_FEASIBILITY_CONFIG } from "../../domain/feasibility/config";
import { DEFAULT_TIER_CATALOGUE } from "../../domain/tiers/config";
import { guaranteeSentence } from "../../domain/tiers/recommend";
import type { TierKey } from "./catalogue";
import { addDays, addHours, iso, type LeadSpec, type SeedContext } from "./context";
import { answersInBand } from "./qualification";
import type { JourneyPhase, PhaseState } from "../../domain/journey/phases";
import { journeyPhasesJson } from "../../server/db/workflow-state";

export type LeadFacts = {
  spec: LeadSpec;
  createdAt: Date;
  assessedAt: Date;
  feasibilityAt: Date;
  tierAt: Date;
  score: number;
  feasibility: number;
};

/** Qualification score band per stage: UNQUALIFIED below the docs/domain.md#journey cut-off of 60, the rest above. */
const SCORE_BAND: Partial<Record<LeadStage, [number, number]>> = {
  QUALIFYING: [50, 80],
  QUALIFIED: [62, 80],
  UNQUALIFIED: [32, 58],
  FEASIBILITY: [65, 86],
  PROPOSAL: [68, 90],
  CONVERTED: [74, 95],
  LOST: [62, 78],
};
const PAST_FEASIBILITY: LeadStage[] = ["FEASIBILITY", "PROPOSAL", "CONVERTED", "LOST"];
const PAST_PROPOSAL: LeadStage[] = ["PROPOSAL", "CONVERTED", "LOST"];
/** Project requests the demo's leads bring (what the CSM enters on the feasibility form). */
const REQUIREMENTS = [
  "Customer sign-up and login",
  "Self-service dashboard",
  "Reporting and exports",
  "Single sign-on",
  "Notifications by email",
  "Admin console",
  "Audit log",
  "Mobile-friendly booking",
];
const STACKS = [
  ["TypeScript", "PostgreSQL"],
  ["Python", "Django"],
  ["Java", "Spring"],
  ["Flutter", "Firebase"],
];
const INTEGRATIONS = ["Stripe", "Salesforce", "SAP", "Twilio", "HubSpot"];

/** Leads at every stage with their assessments (docs/domain.md#qualification), feasibility (docs/domain.md#feasibility) and tier picks (docs/domain.md#tiers). */
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
        id: ctx.id(),
        tenantId,
        leadId: id,
        answers: { answers, context: {} },
        breakdown: result.categories,
        points: result.points,
        maxPoints: result.maxPoints,
        score: result.score,
        fit: result.fit,
        configVersion: 1,
        isDraft,
        authorId: ownerId,
        createdAt: assessedAt,
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
      id,
      tenantId,
      company: spec.company,
      contactName: spec.contact,
      contactEmail: spec.email,
      contactPhone: `+1-555-01${String(rng.int(10, 99))}`,
      source: spec.source,
      stage: spec.stage,
      serviceType: spec.serviceType,
      ownerId,
      customerAccountId: spec.account ? ctx.account(spec.account).id : null,
      estimatedValueCents: spec.valueUsd * 100,
      latestScore: score,
      notes: spec.notes ?? null,
      createdAt,
      updatedAt: convertedAt ?? updatedAt,
      qualifiedAt: score !== null && score >= 60 ? assessedAt : null,
      convertedAt,
    });
  }
  return facts;
}

/**
 * docs/domain.md#feasibility: a project request run through the feasibility engine itself, so the demo's numbers are the
 * ones the product would compute (and read back identically on the lead page). Leads stuck at the
 * feasibility stage bring tighter timelines.
 */
function pushFeasibility(
  ctx: SeedContext,
  leadId: string,
  authorId: string,
  spec: LeadSpec,
  qualification: number,
  at: Date,
): number {
  const { rng } = ctx;
  const requirements = REQUIREMENTS.slice(0, rng.int(3, 7));
  const request = {
    requirements,
    timelineWeeks: spec.stage === "FEASIBILITY" ? rng.int(3, 5) : rng.int(8, 14),
    budgetCents: spec.valueUsd * 100,
    teamSize: rng.int(2, 12),
    techStack: rng.pick(STACKS),
    integrations: INTEGRATIONS.slice(0, rng.int(0, 3)),
    compliance: spec.serviceType === "LEGACY_MODERNIZATION" ? ["SOC 2"] : [],
  };
  const result = analyzeFeasibility(request, qualification, DEFAULT_FEASIBILITY_CONFIG);
  ctx.rows.feasibility.push({
    id: ctx.id(),
    tenantId: ctx.tenantId,
    leadId,
    authorId,
    configVersion: 1,
    createdAt: at,
    input: { request, complexity: result.complexity, qualificationScore: qualification },
    technicalScore: result.technical.score,
    timelineScore: result.timeline.score,
    resourceScore: result.resource.score,
    feasibilityScore: result.feasibilityScore,
    successProbability: result.successProbability,
    risks: result.riskFactors,
    blockers: result.blockers,
    recommendation: result.decision,
  });
  return result.feasibilityScore;
}

function pushTierRecommendations(
  ctx: SeedContext,
  leadId: string,
  spec: LeadSpec,
  chosenTier: TierKey | undefined,
  contractUsd: number | undefined,
  at: Date,
): void {
  const { rng } = ctx;
  const primary: TierKey =
    chosenTier ??
    (spec.serviceType === "LEGACY_MODERNIZATION"
      ? "legacy_modernization_accelerated"
      : spec.valueUsd >= 200_000
        ? "enterprise_mvp"
        : "startup_mvp");
  const secondary: TierKey =
    primary === "startup_mvp" ? "enterprise_mvp" : primary === "enterprise_mvp" ? "startup_mvp" : "enterprise_mvp";
  for (const [tierKey, compatibility] of [
    [primary, rng.float(0.78, 0.93)],
    [secondary, rng.float(0.6, 0.7)],
  ] as const) {
    const tier = DEFAULT_TIER_CATALOGUE.tiers[tierKey];
    if (!tier) throw new Error(`seed: unknown tier ${tierKey}`);
    const [minPrice, maxPrice] = tier.priceRangeCents;
    const priceCents =
      tierKey === primary && contractUsd
        ? contractUsd * 100
        : Math.min(maxPrice, Math.max(minPrice, spec.valueUsd * 100));
    ctx.rows.tierRec.push({
      id: ctx.id(),
      tenantId: ctx.tenantId,
      leadId,
      tierKey,
      compatibility: Math.round(compatibility * 100) / 100,
      priceCents,
      timelineWeeks: tier.timelineWeeks[0] + rng.int(0, 2),
      configVersion: 1,
      createdAt: at,
      // a lead reaches the proposal stage by choosing a tier (services/acquisition.ts chooseTier)
      chosen: tierKey === primary && (spec.stage === "CONVERTED" || spec.stage === "PROPOSAL"),
      // the shape services/acquisition.ts stores: one run's rows share createdAt
      reasoning: {
        name: tier.name,
        valueProposition: `${tier.name} for ${tier.targetCustomers.join(", ").replaceAll("_", " ")}. ${guaranteeSentence(tier.guarantees, priceCents)}`,
        reasoning: [
          `${tier.name} targets ${tier.targetCustomers.join(", ").replaceAll("_", " ")}`,
          `Budget ${spec.valueUsd.toLocaleString("en-US")} USD fits the price range`,
        ],
      },
    });
  }
}

/** docs/domain.md#journey: one journey per converted lead, each phase with its real timestamps. */
export function buildJourneys(ctx: SeedContext, facts: Map<string, LeadFacts>): void {
  for (const [key, conversion] of ctx.conversions) {
    const lead = facts.get(key);
    const leadId = ctx.leads.get(key);
    if (!lead || !leadId) continue;
    const done = (phase: JourneyPhase, from: Date, to: Date, reasons: string[] = []): PhaseState => ({
      phase,
      status: "completed",
      startedAt: iso(from),
      finishedAt: iso(to),
      detail: null,
      reasons,
    });
    const kickoffAt = addDays(conversion.start, -1);
    const phases: PhaseState[] = [
      done("qualification", lead.createdAt, lead.assessedAt, [`score ${lead.score} ≥ 60`]),
      done("feasibility", lead.assessedAt, lead.feasibilityAt, [`feasibility ${lead.feasibility} ≥ 70`]),
      done("tier_recommendation", lead.feasibilityAt, lead.tierAt),
      done("education", lead.tierAt, addDays(conversion.start, -2)),
      done("kickoff", kickoffAt, addHours(kickoffAt, 3)),
      conversion.end
        ? done("monitoring", conversion.start, conversion.end)
        : {
            phase: "monitoring",
            status: "in_progress",
            startedAt: iso(conversion.start),
            finishedAt: null,
            detail: null,
            reasons: [],
          },
    ];
    ctx.rows.journey.push({
      id: ctx.id(),
      tenantId: ctx.tenantId,
      leadId,
      projectId: conversion.projectId,
      status: conversion.end ? "COMPLETED" : "MONITORING",
      currentPhase: "monitoring",
      phases: journeyPhasesJson(phases),
      startedAt: lead.createdAt,
      updatedAt: conversion.end ?? conversion.start,
      completedAt: conversion.end,
    });
  }
}
