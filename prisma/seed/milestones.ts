import type { MilestoneStatus, SignOffDecision } from "../../generated/prisma/enums";
import { SIGN_OFF_AUDIT_ACTION } from "../../server/db/signoffs";
import { SIGN_OFF_METHODS, milestoneTemplates, type MilestoneTemplate } from "./catalogue";
import { addDays, addHours, type Scenario, type SeedContext } from "./context";
import { nextEntry, type SignedContent } from "../../domain/signoff/chain";
import { signedContent } from "../../domain/signoff/state";
import type { ProjectRef } from "./projects";
import { clamp, round1, type Rng } from "./random";

export type MilestoneFacts = {
  id: string;
  week: number;
  title: string;
  status: MilestoneStatus;
  score: number | null;
  dueDate: Date;
  validatedAt: Date | null;
  minimum: number;
};

/** How each story's validated weeks end (docs/domain.md#milestones statuses); weeks not yet due stay open. */
const PLAN: Record<Scenario, MilestoneStatus[]> = {
  active: ["SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS"],
  at_risk: ["SUCCESS", "AT_RISK", "AT_RISK", "AT_RISK"],
  failed_refunded: ["SUCCESS", "AT_RISK", "FAILED", "FAILED"],
  refund_review: ["SUCCESS", "SUCCESS", "AT_RISK", "FAILED"],
  completed: ["SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS"],
  kickoff: [],
};
const RECOVERY = [
  "Add developer capacity to the lagging criteria",
  "Daily check-in with the product owner until re-validation",
  "Re-run the failed checks within 48 hours",
];
const ESCALATION = [
  "Escalate to the delivery director",
  "Executive call with the customer sponsor",
  "Review guarantee exposure and remedy options",
];

/** docs/domain.md#milestones: status from the weighted score against the milestone's own thresholds. */
export function milestoneStatus(score: number, t: MilestoneTemplate): MilestoneStatus {
  if (score >= t.minimumSuccessThreshold) return "SUCCESS";
  if (score >= t.escalationThreshold) return "AT_RISK";
  return "FAILED";
}

export function weightedScore(scores: number[], t: MilestoneTemplate): number {
  return round1(t.criteria.reduce((sum, c, i) => sum + c.weight * (scores[i] ?? 0), 0));
}

/** Criterion scores (0–100) whose weighted total lands on the wanted status; redrawn until it does. */
function scoresFor(rng: Rng, t: MilestoneTemplate, want: MilestoneStatus): number[] {
  const [low, high] =
    want === "SUCCESS"
      ? [t.minimumSuccessThreshold + 1, 99]
      : want === "AT_RISK"
        ? [t.escalationThreshold + 1, t.minimumSuccessThreshold - 1]
        : [t.escalationThreshold - 22, t.escalationThreshold - 4];
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const base = rng.float(low, high);
    const scores = t.criteria.map(() => clamp(Math.round(base + rng.float(-7, 7)), 0, 100));
    if (milestoneStatus(weightedScore(scores, t), t) === want) return scores;
  }
  throw new Error(`seed: no ${want} scores for ${t.title}`);
}

type PendingSignOff = {
  milestoneId: string;
  criterionId: string;
  content: SignedContent;
  userId: string;
  decision: SignOffDecision;
  comment: string | null;
  createdAt: Date;
};

/** Weeks 1–4 from the template for the project's service type, their criteria, validation history and chained sign-offs. */
export function buildMilestones(ctx: SeedContext, project: ProjectRef): MilestoneFacts[] {
  const { rows, tenantId, rng, now } = ctx;
  const { scenario } = project.spec;
  const facts: MilestoneFacts[] = [];
  const signOffs: PendingSignOff[] = [];
  for (const t of milestoneTemplates(project.spec.serviceType)) {
    const id = ctx.id();
    const dueDate = addDays(project.start, 7 * t.week);
    const due = addHours(dueDate, 6);
    const want = PLAN[scenario][t.week - 1];
    const validated = want !== undefined && due <= now;
    const begun = scenario !== "kickoff" && addDays(dueDate, -7) <= now;
    const scores = validated ? scoresFor(rng, t, want) : null;
    const score = scores ? weightedScore(scores, t) : null;
    const status: MilestoneStatus = validated ? want : begun ? "IN_PROGRESS" : "PENDING";
    const criteria = t.criteria.map((c) => ({
      ...c,
      id: ctx.id(),
      requiresSignOff: SIGN_OFF_METHODS.includes(c.validationMethod),
    }));
    criteria.forEach((c, position) => {
      const cs = scores?.[position] ?? null;
      rows.criterion.push({
        id: c.id,
        tenantId,
        milestoneId: id,
        position,
        name: c.name,
        weight: c.weight,
        validationMethod: c.validationMethod,
        deliverable: c.deliverable,
        requiresSignOff: c.requiresSignOff,
        score: cs,
        updatedAt: validated ? due : project.createdAt,
        // source "entered": what revalidateMilestone keeps as the technical lead's score when a week is re-run
        evidence:
          cs === null
            ? undefined
            : {
                source: "entered",
                reason: `scored ${cs}`,
                method: c.validationMethod,
                deliverableStatus: cs >= 85 ? "delivered" : cs >= 70 ? "partial" : "missing",
              },
      });
      if (!validated || !c.requiresSignOff) return;
      // docs/domain.md#milestones sign-off criteria: up to two of the account's approvers, rotating by week
      rotate(project.account.approvers, t.week)
        .slice(0, 2)
        .forEach((userId, k) => {
          const changes = scenario === "failed_refunded" && c.validationMethod === "stakeholder_demo" && k === 0;
          // what the approver saw: the week before its validation, the criterion as scored
          const content = signedContent({
            project: { id: project.id, name: project.spec.name },
            milestone: { id, weekNumber: t.week, title: t.title, dueDate, score: null, status: "IN_PROGRESS" },
            criterion: {
              id: c.id,
              name: c.name,
              deliverable: c.deliverable,
              validationMethod: c.validationMethod,
              weight: c.weight,
              score: cs,
              evidence: null,
            },
            latestBuild: null,
          });
          signOffs.push({
            milestoneId: id,
            criterionId: c.id,
            content,
            userId,
            decision: changes ? "CHANGES_REQUESTED" : "APPROVED",
            createdAt: addHours(dueDate, -rng.int(3, 20)),
            comment: changes
              ? "Checkout and refund flows are missing from the demo; please complete them before we approve."
              : rng.chance(0.4)
                ? "Reviewed with the team — approved."
                : null,
          });
        });
    });
    if (validated && scores && score !== null) {
      // a failed week (and some successful ones) was first found at risk the day before: 1–2 validations each
      const history: [Date, MilestoneStatus, number[]][] = [];
      if (want === "FAILED" || (want === "SUCCESS" && rng.chance(0.25)))
        history.push([addHours(due, -20), "AT_RISK", scoresFor(rng, t, "AT_RISK")]);
      history.push([due, want, scores]);
      for (const [at, st, sc] of history) {
        rows.validation.push({
          id: ctx.id(),
          tenantId,
          milestoneId: id,
          score: weightedScore(sc, t),
          status: st,
          validatedById: project.techLeadId,
          createdAt: at,
          criteriaScores: criteria.map((c, i) => ({
            criterionId: c.id,
            name: c.name,
            weight: c.weight,
            score: sc[i] ?? 0,
            weightedScore: round1(c.weight * (sc[i] ?? 0)),
          })),
          actions: st === "AT_RISK" ? RECOVERY : st === "FAILED" ? ESCALATION : [],
        });
      }
    }
    rows.milestone.push({
      id,
      tenantId,
      projectId: project.id,
      weekNumber: t.week,
      title: t.title,
      dueDate,
      status,
      score,
      minimumSuccessThreshold: t.minimumSuccessThreshold,
      escalationThreshold: t.escalationThreshold,
      validatedAt: validated ? due : null,
      createdAt: project.createdAt,
    });
    facts.push({
      id,
      week: t.week,
      title: t.title,
      status,
      score,
      dueDate,
      validatedAt: validated ? due : null,
      minimum: t.minimumSuccessThreshold,
    });
  }
  chainSignOffs(ctx, project.id, signOffs);
  return facts;
}

function rotate<T>(items: T[], by: number): T[] {
  if (items.length === 0) return items;
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** seq 1..n in createdAt order, each hash chained to the previous one by the app's own engine (docs/domain.md#sign-offs). */
function chainSignOffs(ctx: SeedContext, projectId: string, pending: PendingSignOff[]): void {
  let head: { seq: number; hash: string } | null = null;
  pending
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((s) => {
      const id = ctx.id();
      const facts = {
        projectId,
        milestoneId: s.milestoneId,
        criterionId: s.criterionId,
        userId: s.userId,
        decision: s.decision,
        comment: s.comment,
        ip: `203.0.113.${ctx.rng.int(2, 250)}`,
        userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
        createdAt: s.createdAt,
      };
      const entry = nextEntry(head, s.content, facts);
      ctx.rows.signOff.push({ id, tenantId: ctx.tenantId, ...facts, ...entry });
      // the audit record recordSignOff writes with each entry: the verifier requires one per entry
      ctx.rows.audit.push({
        id: ctx.id(),
        tenantId: ctx.tenantId,
        actorId: s.userId,
        action: SIGN_OFF_AUDIT_ACTION,
        entityType: "SignOff",
        entityId: id,
        ip: facts.ip,
        createdAt: s.createdAt,
        after: {
          projectId,
          milestoneId: s.milestoneId,
          criterionId: s.criterionId,
          seq: entry.seq,
          decision: s.decision,
          contentHash: entry.contentHash,
          hash: entry.hash,
          content: s.content,
        },
      });
      head = { seq: entry.seq, hash: entry.hash };
    });
}
