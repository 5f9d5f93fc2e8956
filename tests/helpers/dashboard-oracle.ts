import type { Db } from "@/server/db/client";
import { CASE_STUDY_MIN_SUCCESS_SCORE, TIMELINE_GRACE_HOURS } from "@/domain/dashboard/definitions";
import type { KpiFacts, ScoreCount } from "@/domain/dashboard/kpis";
import { readKickoffSteps } from "@/server/db/workflow-state";

/**
 * The KPI facts recomputed the slow, obvious way — read one tenant's rows with plain Prisma queries and
 * count them in JavaScript — to check the SQL aggregates against. Test-only: it loops over rows.
 */
const HOUR = 3_600_000;
const DECIDED = ["SUCCEEDED", "FAILED", "REMEDIED"] as const;
const RUNNING = ["KICKOFF", "ACTIVE", "AT_RISK"];

export async function oracleFacts(
  db: Db,
  tenantId: string,
  w: { from: Date; to: Date; previousFrom: Date },
  rules: { timelineGraceHours: number; caseStudyMinSuccessScore: number } = {
    timelineGraceHours: TIMELINE_GRACE_HOURS,
    caseStudyMinSuccessScore: CASE_STUDY_MIN_SUCCESS_SCORE,
  },
): Promise<KpiFacts> {
  const inRange = (d: Date | null | undefined) => !!d && d >= w.from && d < w.to;
  const [leads, guarantees, projects, milestones, quality, answers] = await Promise.all([
    db.lead.findMany({ where: { tenantId }, select: { createdAt: true, convertedAt: true } }),
    db.guarantee.findMany({
      where: { tenantId, status: { in: [...DECIDED] } },
      select: {
        status: true,
        decidedAt: true,
        endsAt: true,
        outcome: true,
        refunds: { select: { id: true } },
        project: { select: { lead: { select: { qualifiedAt: true } } } },
      },
    }),
    db.project.findMany({
      where: { tenantId },
      select: {
        id: true,
        customerAccountId: true,
        status: true,
        createdAt: true,
        completedAt: true,
        updatedAt: true,
        kickoff: true,
        contractValueCents: true,
        guarantee: { select: { decidedAt: true } },
        lead: { select: { qualifiedAt: true } },
      },
    }),
    db.milestone.findMany({
      where: { tenantId, status: { in: ["SUCCESS", "AT_RISK", "FAILED"] } },
      select: { status: true, validatedAt: true, dueDate: true },
    }),
    db.qualityValidation.findMany({
      where: { tenantId },
      select: { gatesPassed: true, gatesFailed: true, createdAt: true },
    }),
    db.surveyResponse.findMany({
      where: { tenantId },
      select: { score: true, createdAt: true, survey: { select: { kind: true } } },
    }),
  ]);

  const created = leads.filter((l) => inRange(l.createdAt));
  const decided = guarantees.filter((g) => inRange(g.decidedAt ?? g.endsAt));
  const isCaseStudy = (g: (typeof decided)[number]) => {
    const outcome = (g.outcome ?? {}) as { caseStudyPotential?: unknown; successScore?: unknown };
    if (typeof outcome.caseStudyPotential === "boolean") return outcome.caseStudyPotential;
    return typeof outcome.successScore === "number" && outcome.successScore >= rules.caseStudyMinSuccessScore;
  };
  const qualified = decided.filter((g) => g.project.lead?.qualifiedAt);

  const onboarded = projects.flatMap((p) => {
    const qualifiedAt = p.lead?.qualifiedAt;
    if (!qualifiedAt) return [];
    // onboarded when the launch step finished (docs/architecture.md#workflow-state)
    const launch = readKickoffSteps(p.kickoff).find((x) => x.phase === "launch");
    const at = launch?.status === "completed" && launch.finishedAt ? new Date(launch.finishedAt) : null;
    return at && inRange(at) ? [Math.max(0, (at.getTime() - qualifiedAt.getTime()) / HOUR)] : [];
  });

  const histogram = (kind: string): ScoreCount[] => {
    const counts = new Map<number, number>();
    for (const a of answers)
      if (a.survey.kind === kind && inRange(a.createdAt)) counts.set(a.score, (counts.get(a.score) ?? 0) + 1);
    return [...counts].map(([score, count]) => ({ score, count }));
  };

  const accounts = new Map<string, { previous: boolean; current: boolean }>();
  for (const p of projects) {
    const ended = RUNNING.includes(p.status) ? null : (p.completedAt ?? p.guarantee?.decidedAt ?? p.updatedAt);
    const a = accounts.get(p.customerAccountId) ?? { previous: false, current: false };
    a.previous ||= p.createdAt < w.from && (!ended || ended >= w.previousFrom);
    a.current ||= p.createdAt < w.to && (!ended || ended >= w.from);
    accounts.set(p.customerAccountId, a);
  }

  const seen = new Set<string>();
  let bookedCents = 0;
  let expansionCents = 0;
  const booked = projects
    .filter((p) => p.status !== "CANCELLED")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const p of booked) {
    const returning = seen.has(p.customerAccountId);
    seen.add(p.customerAccountId);
    if (!inRange(p.createdAt)) continue;
    bookedCents += p.contractValueCents;
    if (returning) expansionCents += p.contractValueCents;
  }

  const validated = milestones.filter((m) => inRange(m.validatedAt));
  const gates = quality.filter((q) => inRange(q.createdAt));
  return {
    leads: { created: created.length, converted: created.filter((l) => l.convertedAt).length },
    qualification: { decided: qualified.length, succeeded: qualified.filter((g) => g.status === "SUCCEEDED").length },
    onboarding: {
      customers: onboarded.length,
      totalHours: onboarded.reduce((s, h) => s + h, 0),
      withinTarget: onboarded.filter((h) => h <= 48).length,
    },
    guarantees: {
      decided: decided.length,
      succeeded: decided.filter((g) => g.status === "SUCCEEDED").length,
      claimed: decided.filter((g) => g.refunds.length > 0).length,
      caseStudies: decided.filter((g) => g.status === "SUCCEEDED" && isCaseStudy(g)).length,
    },
    milestones: {
      validated: validated.length,
      onTime: validated.filter(
        (m) =>
          m.status === "SUCCESS" &&
          m.validatedAt &&
          m.validatedAt.getTime() <= m.dueDate.getTime() + rules.timelineGraceHours * HOUR,
      ).length,
    },
    gates: {
      passed: gates.reduce((s, q) => s + q.gatesPassed, 0),
      failed: gates.reduce((s, q) => s + q.gatesFailed, 0),
    },
    csat: histogram("CSAT"),
    nps: histogram("NPS"),
    retention: {
      previous: [...accounts.values()].filter((a) => a.previous).length,
      retained: [...accounts.values()].filter((a) => a.previous && a.current).length,
    },
    expansion: { bookedCents, expansionCents },
  };
}
