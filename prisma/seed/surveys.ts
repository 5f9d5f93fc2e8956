import type { Prisma } from "../../generated/prisma/client";
import { addDays, addHours, type SeedContext } from "./context";
import type { MilestoneFacts } from "./milestones";
import type { ProjectRef } from "./projects";
import type { Rng } from "./random";

/** Scores mostly 8–10 (docs/domain.md#surveys target CSAT ≥ 8.5); at-risk and failed weeks drag them down. */
const CSAT_BY_STATUS: Record<string, number[]> = {
  SUCCESS: [8, 9, 9, 10, 10, 9, 8, 10],
  AT_RISK: [6, 7, 7, 8],
  FAILED: [3, 4, 5, 6],
};
const LOW_COMMENTS = [
  "The week slipped and we heard about it late.",
  "Demo was missing key flows.",
  "We need clearer status on the integration work.",
];
const HIGH_COMMENTS = ["Great momentum this week.", "Clear demo, well prepared.", "Team is responsive and on point."];

type SurveyInput = {
  projectId: string;
  milestoneId?: string;
  recipientId: string;
  kind: "CSAT" | "NPS";
  trigger: "MILESTONE_SIGN_OFF" | "PROJECT_END" | "QUARTERLY";
  key: string;
  sentAt: Date;
  scores: number[];
  answerBy?: Date | null;
};

/** One survey per trigger and recipient; answered unless the answer time is still in the future. */
function pushSurvey(ctx: SeedContext, s: SurveyInput): number | null {
  const { rows, tenantId, rng, now } = ctx;
  const id = ctx.id();
  const answeredAt = s.answerBy === null ? null : (s.answerBy ?? addHours(s.sentAt, rng.int(2, 40)));
  const answered = answeredAt !== null && answeredAt <= now;
  const survey: Prisma.SurveyCreateManyInput = {
    id,
    tenantId,
    projectId: s.projectId,
    milestoneId: s.milestoneId ?? null,
    recipientId: s.recipientId,
    kind: s.kind,
    trigger: s.trigger,
    key: s.key,
    expiresAt: addDays(s.sentAt, 14),
    sentAt: s.sentAt,
    answeredAt: answered ? answeredAt : null,
    createdAt: s.sentAt,
  };
  rows.survey.push(survey);
  if (!answered || !answeredAt) return null;
  const score = rng.pick(s.scores);
  rows.surveyResponse.push({
    id: ctx.id(),
    tenantId,
    surveyId: id,
    userId: s.recipientId,
    score,
    comment: comment(rng, score),
    createdAt: answeredAt,
  });
  return score;
}

function comment(rng: Rng, score: number): string | null {
  if (score <= 6) return rng.pick(LOW_COMMENTS);
  return rng.chance(0.3) ? rng.pick(HIGH_COMMENTS) : null;
}

/**
 * CSAT after each validated milestone for 1–2 stakeholders, NPS at project end (docs/domain.md#surveys week 4,
 * docs/domain.md#surveys). The newest milestone of a running project keeps one survey open so the portal has one to answer.
 * Returns the project's average CSAT (input to the guarantee's final validation).
 */
export function buildProjectSurveys(ctx: SeedContext, p: ProjectRef, milestones: MilestoneFacts[]): number | null {
  const people = p.account.stakeholders;
  if (people.length === 0) return null;
  const validated = milestones.filter((m) => m.validatedAt);
  const running = p.spec.scenario === "active" || p.spec.scenario === "at_risk";
  const csat: number[] = [];
  validated.forEach((m, i) => {
    if (!m.validatedAt) return;
    const count = people.length > 1 && ctx.rng.chance(0.6) ? 2 : 1;
    const recipients = Array.from({ length: count }, (_, k) => people[(i + k) % people.length]).filter(
      (u): u is string => !!u,
    );
    recipients.forEach((userId, k) => {
      const keepOpen = running && i === validated.length - 1 && k === recipients.length - 1;
      const score = pushSurvey(ctx, {
        projectId: p.id,
        milestoneId: m.id,
        recipientId: userId,
        kind: "CSAT",
        trigger: "MILESTONE_SIGN_OFF",
        key: `csat/${m.id}/${userId}`,
        sentAt: addHours(m.validatedAt ?? p.start, 1),
        scores: CSAT_BY_STATUS[m.status] ?? [8],
        answerBy: keepOpen ? null : undefined,
      });
      if (score !== null) csat.push(score);
    });
  });
  const ended = ["completed", "failed_refunded", "refund_review"].includes(p.spec.scenario);
  if (ended) {
    const nps = p.spec.scenario === "completed" ? [9, 10, 10, 9, 8] : [2, 3, 5, 6];
    for (const userId of people.slice(0, 2)) {
      pushSurvey(ctx, {
        projectId: p.id,
        recipientId: userId,
        kind: "NPS",
        trigger: "PROJECT_END",
        key: `nps/${p.id}/${userId}`,
        sentAt: addDays(p.start, 29),
        scores: nps,
      });
    }
  }
  return csat.length ? Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 10) / 10 : null;
}

/** Quarterly relationship NPS (docs/domain.md#surveys "quarterly") for accounts with a project by mid-quarter. */
export function buildQuarterlyNps(ctx: SeedContext, projects: ProjectRef[]): void {
  const { now } = ctx;
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3);
  let sentAt = new Date(Date.UTC(year, quarter * 3, 15, 10));
  if (sentAt > addDays(now, -1)) {
    quarter -= 1;
    if (quarter < 0) {
      quarter = 3;
      year -= 1;
    }
    sentAt = new Date(Date.UTC(year, quarter * 3, 15, 10));
  }
  const period = `${year}-Q${quarter + 1}`;
  for (const account of ctx.accounts.values()) {
    const project = projects
      .filter((p) => p.account.id === account.id && p.start <= sentAt)
      .sort((a, b) => b.start.getTime() - a.start.getTime())[0];
    if (!project) continue;
    const to = account.spec.health[1];
    const scores = to >= 80 ? [9, 10, 9, 10] : to >= 65 ? [7, 8, 9] : [4, 6, 7];
    for (const userId of account.stakeholders) {
      pushSurvey(ctx, {
        projectId: project.id,
        recipientId: userId,
        kind: "NPS",
        trigger: "QUARTERLY",
        key: `nps/quarterly/${period}/${userId}`,
        sentAt,
        scores,
      });
    }
  }
}
