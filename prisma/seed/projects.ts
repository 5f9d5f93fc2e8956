import type { EnvironmentStatus, ProjectStatus } from "../../generated/prisma/enums";
import { DEFAULT_GUARANTEE_CONFIG } from "../../domain/guarantee/config";
import { finalValidation, type ValidationFacts } from "../../domain/guarantee/validation";
import { DEFAULT_TIER_CATALOGUE } from "../../domain/tiers/config";
import { guaranteeAmount } from "../../domain/tiers/guarantee";
import { GUARANTEE_DAYS, GUARANTEE_SUCCESS_THRESHOLD } from "./catalogue";
import { addDays, addHours, iso, type AccountRef, type ProjectSpec, type Scenario, type SeedContext } from "./context";
import { buildMilestones, type MilestoneFacts } from "./milestones";
import { buildQuality } from "./quality";
import type { KickoffStep } from "../../domain/journey/phases";
import { KICKOFF_PHASES } from "../../domain/kickoff/config";
import { kickoffStepsJson } from "../../server/db/workflow-state";
import { buildProjectSurveys } from "./surveys";

export type ProjectRef = {
  id: string;
  spec: ProjectSpec;
  account: AccountRef;
  techLeadId: string;
  start: Date;
  createdAt: Date;
  guaranteeEnd: Date;
};
export type ProjectFacts = ProjectRef & {
  milestones: MilestoneFacts[];
  escalations: Date[];
  guaranteeId: string;
  refundId: string | null;
  closedAt: Date | null;
  successScore: number | null;
};

const STATUS: Record<Scenario, ProjectStatus> = {
  active: "ACTIVE",
  at_risk: "AT_RISK",
  failed_refunded: "FAILED",
  refund_review: "FAILED",
  completed: "COMPLETED",
  kickoff: "KICKOFF",
};
const PEOPLE = [
  "Maya Singh",
  "Jonah Reed",
  "Elena Costa",
  "Kofi Mensah",
  "Ines Duarte",
  "Arjun Rao",
  "Hugo Laurent",
  "Yuki Tanaka",
  "Sara Novak",
  "Liam Byrne",
];

/** A project and everything hanging off it: kickoff (docs/domain.md#kickoff), milestones (docs/domain.md#milestones), guarantee (docs/domain.md#success-validation). */
export function buildProject(ctx: SeedContext, spec: ProjectSpec): ProjectFacts {
  const { rows, tenantId, now } = ctx;
  const start = ctx.daysAgo(spec.startDaysAgo, 9);
  // a kickoff in progress started three hours ago; older projects were kicked off the day before their start
  const kickoffAt = spec.scenario === "kickoff" ? addHours(now, -3) : addDays(start, -1);
  const ref: ProjectRef = {
    id: ctx.id(),
    spec,
    account: ctx.account(spec.account),
    techLeadId: ctx.user(spec.techLead),
    start,
    createdAt: kickoffAt,
    guaranteeEnd: addDays(start, GUARANTEE_DAYS),
  };
  const milestones = buildMilestones(ctx, ref);
  buildProjectSurveys(ctx, ref, milestones);
  const quality = buildQuality(ctx, ref);
  const last = milestones[milestones.length - 1];
  const ended = ["completed", "failed_refunded", "refund_review"].includes(spec.scenario);
  const closedAt = ended && last?.validatedAt ? last.validatedAt : null;
  const leadId = spec.lead ? (ctx.leads.get(spec.lead) ?? null) : null;
  if (spec.lead && leadId) {
    ctx.conversions.set(spec.lead, {
      projectId: ref.id,
      start,
      end: spec.scenario === "completed" ? addDays(start, GUARANTEE_DAYS) : null,
    });
  }
  const kickoff: KickoffStep[] = KICKOFF_PHASES.map((phase, i) => {
    const pending = spec.scenario === "kickoff" && phase === "launch";
    return {
      phase,
      status: pending ? "pending" : "completed",
      startedAt: pending ? null : iso(addHours(kickoffAt, i / 2)),
      finishedAt: pending ? null : iso(addHours(kickoffAt, (i + 1) / 2)),
      detail: null,
    };
  });
  const launch = kickoff.find((step) => step.phase === "launch");
  const lastEvent = milestones.reduce((t, m) => (m.validatedAt && m.validatedAt > t ? m.validatedAt : t), kickoffAt);
  rows.project.push({
    id: ref.id,
    tenantId,
    customerAccountId: ref.account.id,
    leadId,
    name: spec.name,
    serviceType: spec.serviceType,
    tierKey: spec.tierKey,
    contractValueCents: spec.contractUsd * 100,
    status: STATUS[spec.scenario],
    techLeadId: ref.techLeadId,
    kickoff: kickoffStepsJson(kickoff),
    // onboarded when the launch step finished (docs/architecture.md#workflow-state)
    onboardedAt: launch?.status === "completed" && launch.finishedAt ? new Date(launch.finishedAt) : null,
    startDate: start,
    targetEndDate: addDays(start, 28),
    completedAt: spec.scenario === "completed" ? closedAt : null,
    createdAt: kickoffAt,
    updatedAt: lastEvent,
  });
  buildTeam(ctx, ref);
  buildEnvironments(ctx, ref);
  const { guaranteeId, refundId, successScore } = buildGuarantee(ctx, ref);
  return { ...ref, milestones, escalations: quality.escalations, guaranteeId, refundId, closedAt, successScore };
}

/** docs/domain.md#kickoff team by service type, plus the tier's extra specialists (docs/domain.md#tiers team_composition). */
function buildTeam(ctx: SeedContext, p: ProjectRef): void {
  const team: [string, string, number, boolean][] = [
    ["Requirements Analyst", "business_requirements", 0.5, true],
    ["Solution Architect", p.spec.stack, 1, true],
    ["Senior Developer", "frontend_backend", 1, true],
    ["Senior Developer", "frontend_backend", 1, true],
    ["QA Engineer", "automated_testing", 1, true],
    ["DevOps Engineer", "ci_cd_deployment", 0.5, true],
    ["UI/UX Specialist", "has_ui_requirements", 0.5, false],
  ];
  if (p.spec.tierKey === "enterprise_mvp") team.push(["Enterprise Architect", "compliance", 0.5, true]);
  if (p.spec.tierKey === "legacy_modernization_accelerated")
    team.push(
      ["Legacy Systems Specialist", "legacy_migration", 1, true],
      ["Security Specialist", "vulnerability_reduction", 0.5, true],
    );
  const offset = ctx.rng.int(0, PEOPLE.length - 1);
  team.forEach(([role, specialization, capacity, required], i) => {
    ctx.rows.team.push({
      id: ctx.id(),
      tenantId: ctx.tenantId,
      projectId: p.id,
      role,
      specialization,
      capacity,
      required,
      memberName: PEOPLE[(offset + i) % PEOPLE.length] ?? null,
      createdAt: addHours(p.createdAt, 0.5),
    });
  });
}

function buildEnvironments(ctx: SeedContext, p: ProjectRef): void {
  const s = p.spec.scenario;
  const status: Record<"DEVELOPMENT" | "STAGING" | "PRODUCTION", EnvironmentStatus> = {
    DEVELOPMENT: "READY",
    STAGING: s === "kickoff" ? "PROVISIONING" : "READY",
    PRODUCTION: s === "completed" || s === "refund_review" ? "READY" : s === "failed_refunded" ? "FAILED" : "PENDING",
  };
  for (const kind of ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const) {
    const host =
      kind === "PRODUCTION"
        ? `${p.spec.slug}.${ctx.spec.domain}`
        : `${p.spec.slug}.${kind === "DEVELOPMENT" ? "dev" : "staging"}.${ctx.spec.domain}`;
    ctx.rows.environment.push({
      id: ctx.id(),
      tenantId: ctx.tenantId,
      projectId: p.id,
      kind,
      status: status[kind],
      url: status[kind] === "PENDING" ? null : `https://${host}`,
      updatedAt: addHours(p.createdAt, 1),
    });
  }
}

/**
 * docs/domain.md#success-validation final validation by the app's own engine (domain/guarantee), on the facts this seed
 * wrote for the project (weeks, sign-offs, CI coverage, survey answers), stored with the outcome exactly as
 * the enforcement job stores it — so "reproduce" gives the same result. Only ended projects have an
 * outcome; a failed one carries remedy REFUND and its refund claim (REMEDIED once the refund was paid).
 */
function validationFacts(ctx: SeedContext, p: ProjectRef): ValidationFacts {
  const { rows } = ctx;
  const names = new Map([...rows.staff, ...rows.customer].map((u) => [u.id, u.name]));
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
  const surveys = new Map(rows.survey.filter((x) => x.projectId === p.id).map((x) => [x.id, x.kind]));
  return {
    endsAt: p.guaranteeEnd.toISOString(),
    weeks: rows.milestone
      .filter((m) => m.projectId === p.id)
      .map((m) => ({
        weekNumber: m.weekNumber,
        title: m.title,
        status: m.status ?? "PENDING",
        score: m.score ?? null,
        validatedAt: m.validatedAt ? iso(m.validatedAt) : null,
      })),
    signOffs: rows.signOff
      .filter((x) => x.projectId === p.id)
      .map((x) => ({ decision: x.decision, by: names.get(x.userId) ?? "", at: iso(x.createdAt) })),
    coverage: rows.evidence
      .filter((e) => e.projectId === p.id && typeof e.coverage === "number")
      .map((e) => ({
        value: e.coverage ?? 0,
        at: iso(e.createdAt),
        commitSha: e.commitSha ?? null,
        buildUrl: e.buildUrl ?? null,
      })),
    responses: rows.surveyResponse
      .filter((r) => surveys.has(r.surveyId))
      .map((r) => ({
        kind: surveys.get(r.surveyId) ?? "CSAT",
        score: r.score,
        comment: r.comment ?? null,
        by: r.userId ? (names.get(r.userId) ?? null) : null,
        at: iso(r.createdAt),
      })),
  };
}

function buildGuarantee(ctx: SeedContext, p: ProjectRef) {
  const { rows, tenantId } = ctx;
  const s = p.spec.scenario;
  const id = ctx.id();
  // the demo tenants keep the default catalogue: the rule of docs/tiers-and-guarantees.md#guarantee-amount
  const { amountCents } = guaranteeAmount(
    DEFAULT_TIER_CATALOGUE.tiers[p.spec.tierKey]?.guarantees,
    p.spec.contractUsd * 100,
  );
  const ended = s === "completed" || s === "failed_refunded" || s === "refund_review";
  const facts = validationFacts(ctx, p);
  const result = finalValidation(facts, GUARANTEE_SUCCESS_THRESHOLD, DEFAULT_GUARANTEE_CONFIG);
  const successScore = result.successScore;
  const succeeded = result.overallSuccess;
  if (ended && succeeded !== (s === "completed"))
    throw new Error(`seed: ${p.spec.key} guarantee score ${successScore} contradicts its story`);
  const decidedAt = ended ? p.guaranteeEnd : null;
  rows.guarantee.push({
    id,
    tenantId,
    projectId: p.id,
    amountCents,
    successThreshold: GUARANTEE_SUCCESS_THRESHOLD,
    startsAt: p.start,
    endsAt: p.guaranteeEnd,
    status: !ended ? "ACTIVE" : succeeded ? "SUCCEEDED" : s === "failed_refunded" ? "REMEDIED" : "FAILED",
    remedy: ended && !succeeded ? "REFUND" : null,
    decidedAt,
    outcome: ended
      ? {
          ...result,
          evaluatedAt: iso(p.guaranteeEnd),
          configVersion: 1,
          trigger: "clock_end",
          closedReason: null,
          facts,
        }
      : undefined,
    createdAt: addHours(p.createdAt, 2),
  });
  if (!ended || succeeded || !decidedAt)
    return { guaranteeId: id, refundId: null, successScore: ended ? successScore : null };
  const refundId = ctx.id();
  const claimedAt = addDays(decidedAt, 1);
  const paid = s === "failed_refunded";
  const customer = p.account.approvers[0] ?? null;
  rows.refund.push({
    id: refundId,
    tenantId,
    guaranteeId: id,
    amountCents,
    status: paid ? "PAID" : "UNDER_REVIEW",
    reason: `Guarantee success score ${successScore} below the ${GUARANTEE_SUCCESS_THRESHOLD} threshold`,
    decisionNote: paid ? "Approved: weeks 3 and 4 failed validation; full guarantee amount refunded." : null,
    reference: paid ? `RF-${decidedAt.getUTCFullYear()}-0001` : null,
    version: paid ? 3 : 1,
    claimedById: customer,
    reviewedById: p.account.csmId,
    decidedById: paid ? ctx.userByRole("EXECUTIVE") : null,
    paidById: paid ? ctx.userByRole("ADMIN") : null,
    createdAt: claimedAt,
    updatedAt: paid ? addDays(claimedAt, 6) : addDays(claimedAt, 1),
    decidedAt: paid ? addDays(claimedAt, 3) : null,
    paidAt: paid ? addDays(claimedAt, 6) : null,
  });
  return { guaranteeId: id, refundId, successScore };
}
