import "server-only";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import { createHash, randomBytes } from "node:crypto";
import type { AnswerSurveyByTokenInput, AnswerSurveyInput } from "@/lib/schemas/surveys";
import { serverEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { enforce } from "@/server/auth/rate-limit";
import { recordAudit } from "@/server/db/audit";
import type { Db } from "@/server/db/client";
import { findProjectRef } from "@/server/db/signoffs";
import {
  accountsWithProjects,
  existingSurveyKeys,
  findPortalSurvey,
  findSurveyByTokenHash,
  insertSurveyResponse,
  insertSurveys,
  listPortalSurveys,
  markSurveyAnswered,
  milestoneForCsat,
  projectScores,
  projectSurveys,
  projectsEndedSince,
  recentlyApprovedMilestones,
  satisfactionCriteria,
  stakeholdersByAccount,
  type NewSurvey,
  type SurveyRow,
} from "@/server/db/surveys";
import { milestoneSignOffState } from "@/domain/signoff/state";
import { csatSummary, npsSummary, satisfactionCriterionScore } from "@/domain/surveys/scores";
import {
  CATCH_UP_DAYS,
  milestoneCsatDue,
  projectEndDue,
  quarterOf,
  quarterlyNpsDue,
  surveyExpiry,
  surveyQuestion,
  type DueSurvey,
} from "@/domain/surveys/triggers";
import { AppError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { enqueueEmail } from "@/server/messaging/outbox";
import { emailBrandHeader, type EmailBrand } from "@/server/messaging/templates/brand";
import { emailBrand } from "./branding";
import type { ServiceContext } from "./context";
import type { PortalContext } from "./portal";
import { revalidateMilestone } from "./projects";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * CSAT and NPS surveys (docs/domain.md#surveys week 4, docs/domain.md#surveys): created when due (domain/surveys/
 * triggers.ts), each with a one-time link mailed through the outbox, answered once — from the link
 * without signing in, or in the portal.
 *
 * The link holds 32 random bytes; only their SHA-256 digest is stored, so the database never holds a
 * usable link. Answering closes the survey in the same transaction that stores the answer (a second use,
 * concurrent or later, finds it closed and writes nothing); the digest is kept so a reused link is told
 * "already answered" rather than "unknown".
 *
 * CSAT answers feed the week-4 "Customer Satisfaction Survey" criterion (validation method
 * satisfaction_survey, docs/domain.md#milestones "Customer satisfaction score ≥ 8.5/10"): its score is the project's mean
 * CSAT × 10 (8.5/10 → 85), passed to revalidateMilestone as an override once that week has been validated
 * by the technical lead — before that, a re-validation would judge a week nobody has scored yet — and
 * only when the answer changes that score; the re-validation is the system's, with its reason, and the
 * technical lead is told (docs/milestones.md#re-validation). The technical lead can apply the score
 * explicitly from the project page (`applySatisfactionScore`).
 */

const DAY_MS = 86_400_000;
const BATCH = 200;
const PORTAL_SURVEYS = 20;

export const newSurveyToken = () => randomBytes(32).toString("base64url");
export const surveyTokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");

type Candidate = DueSurvey & { tenantId: string };
type CreatedSurvey = Awaited<ReturnType<typeof insertSurveys>>[number];

const isExpired = (s: { expiresAt: Date | null }, now: Date) =>
  s.expiresAt !== null && s.expiresAt.getTime() <= now.getTime();

function questionOf(s: Pick<SurveyRow, "kind" | "trigger" | "project" | "tenant" | "milestone">): string {
  return surveyQuestion({
    kind: s.kind,
    trigger: s.trigger,
    projectName: s.project.name,
    providerName: s.tenant.name,
    milestone: s.milestone,
  });
}

function surveyEmail(
  s: CreatedSurvey,
  token: string,
  appUrl: string,
  to: { name: string; email: string },
  brand: EmailBrand | null,
) {
  const provider = brand?.name ?? s.tenant.name;
  const url = `${appUrl.replace(/\/$/, "")}/survey/${token}`;
  const question = questionOf({ ...s, tenant: { ...s.tenant, name: provider } });
  const subject =
    s.kind === "NPS"
      ? `One question from ${provider}`
      : s.milestone
        ? `Week ${s.milestone.weekNumber} of ${s.project.name}: how did it go?`
        : `${s.project.name}: how satisfied are you?`;
  const until = s.expiresAt ? s.expiresAt.toISOString().slice(0, 10) : null;
  const first = to.name.split(" ")[0] ?? to.name;
  const text = [
    `Hi ${first},`,
    "",
    question,
    "Answer on a scale from 0 to 10 — it takes a few seconds and needs no sign-in:",
    url,
    "",
    `The link works once${until ? ` and until ${until}` : ""}. You can also answer in your project portal.`,
    "",
    `— ${provider}`,
  ].join("\n");
  const html =
    `${brand ? emailBrandHeader(brand) : ""}<p>Hi ${escapeHtml(first)},</p><p>${escapeHtml(question)}</p><p><a href="${escapeHtml(url)}">Answer on a scale from 0 to 10</a> — it takes a few seconds and needs no sign-in.</p>` +
    `<p>The link works once${until ? ` and until ${until}` : ""}. You can also answer in your project portal.</p><p>— ${escapeHtml(provider)}</p>`;
  return { tenantId: s.tenantId, to: to.email, subject, text, html, idempotencyKey: `survey/${s.tenantId}/${s.key}` };
}

/**
 * Creates the surveys that do not exist yet and queues one email each, in one transaction per batch: a
 * survey never exists without its email, and the unique (tenant, key) makes a concurrent run skip it.
 */
async function createSurveys(db: Db, due: readonly Candidate[], now: Date): Promise<number> {
  const unique = [...new Map(due.map((s) => [`${s.tenantId}/${s.key}`, s])).values()];
  const appUrl = serverEnv().APP_URL;
  // each tenant's look in its customers' emails (docs/branding.md#emails), read once per run
  const brands = new Map<string, Promise<EmailBrand | null>>();
  const brandOf = (tenantId: string) => {
    const known = brands.get(tenantId);
    if (known) return known;
    const loading = emailBrand(db, tenantId, appUrl);
    brands.set(tenantId, loading);
    return loading;
  };
  let created = 0;
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const fresh: { row: NewSurvey; token: string }[] = [];
    for (const tenantId of new Set(batch.map((s) => s.tenantId))) {
      const mine = batch.filter((s) => s.tenantId === tenantId);
      const existing = await existingSurveyKeys(
        db,
        tenantId,
        mine.map((s) => s.key),
      );
      for (const s of mine) {
        if (existing.has(s.key)) continue;
        const token = newSurveyToken();
        fresh.push({
          token,
          row: { ...s, tokenHash: surveyTokenDigest(token), expiresAt: surveyExpiry(now), sentAt: now, createdAt: now },
        });
      }
    }
    if (fresh.length === 0) continue;
    for (const f of fresh) await brandOf(f.row.tenantId);
    const tokens = new Map(fresh.map((f) => [f.row.tokenHash, f.token]));
    created += await db.$transaction(async (tx) => {
      const rows = await insertSurveys(
        tx,
        fresh.map((f) => f.row),
      );
      for (const row of rows) {
        const token = row.tokenHash ? tokens.get(row.tokenHash) : undefined;
        if (token && row.recipient && !row.recipient.disabledAt)
          await enqueueEmail(tx, surveyEmail(row, token, appUrl, row.recipient, await brandOf(row.tenantId)), now);
      }
      return rows.length;
    });
  }
  return created;
}

/** The CSAT of a milestone whose sign-off criteria are all approved (the last approval is its moment). */
async function milestoneCsatCandidates(db: Db, tenantId: string, milestoneId: string, now: Date): Promise<Candidate[]> {
  const m = await milestoneForCsat(db, tenantId, milestoneId);
  if (!m || m.project.status === "CANCELLED") return [];
  const state = milestoneSignOffState(
    m.criteria.map((c) => ({ requiresSignOff: c.requiresSignOff, latestDecision: c.signOffs[0]?.decision ?? null })),
  );
  if (!state.signedOff) return [];
  const signedOffAt = new Date(Math.max(...m.criteria.map((c) => c.signOffs[0]?.createdAt.getTime() ?? 0)));
  const recipients =
    (await stakeholdersByAccount(db, [m.project.customerAccountId])).get(m.project.customerAccountId) ?? [];
  return milestoneCsatDue({ projectId: m.projectId, milestoneId: m.id, signedOffAt }, recipients, now).map((s) => ({
    ...s,
    tenantId,
  }));
}

/** Right after a sign-off completes a milestone: its CSAT goes out now rather than at the next job run. */
export async function ensureMilestoneCsat(db: Db, tenantId: string, milestoneId: string, now: Date): Promise<number> {
  return createSurveys(db, await milestoneCsatCandidates(db, tenantId, milestoneId, now), now);
}

/**
 * The survey job (all tenants; the cron route calls it): CSAT for milestones signed off, CSAT and NPS
 * for projects that ended, quarterly NPS. Idempotent through Survey.key — running it twice, or twice at
 * once, creates and mails each survey once.
 */
export async function triggerDueSurveys(db: Db, now: Date): Promise<{ created: number }> {
  const since = new Date(now.getTime() - CATCH_UP_DAYS * DAY_MS);
  const due: Candidate[] = [];
  for (const { tenantId, milestoneId } of await recentlyApprovedMilestones(db, since)) {
    due.push(...(await milestoneCsatCandidates(db, tenantId, milestoneId, now)));
  }
  const ended = await projectsEndedSince(db, since, now);
  const { sendAt } = quarterOf(now);
  const accounts = now.getTime() >= sendAt.getTime() ? await accountsWithProjects(db, sendAt) : [];
  const people = await stakeholdersByAccount(db, [
    ...ended.map((p) => p.customerAccountId),
    ...accounts.map((a) => a.id),
  ]);
  for (const p of ended) {
    const recipients = people.get(p.customerAccountId) ?? [];
    due.push(
      ...projectEndDue(
        { projectId: p.id, status: p.status, targetEndDate: p.targetEndDate, completedAt: p.completedAt },
        recipients,
        now,
      ).map((s) => ({ ...s, tenantId: p.tenantId })),
    );
  }
  for (const a of accounts) {
    due.push(...quarterlyNpsDue(a.projects, people.get(a.id) ?? [], now).map((s) => ({ ...s, tenantId: a.tenantId })));
  }
  return { created: await createSurveys(db, due, now) };
}

// ------------------------------------------------------------------ answering

type AnswerMeta = { db: Db; ip: string; requestId: string; now: Date };

/** Closes the survey and stores the answer in one transaction; an answered or closed survey writes nothing. */
async function recordAnswer(
  meta: AnswerMeta,
  survey: SurveyRow,
  answer: { userId: string | null; score: number; comment: string | null; via: "link" | "portal" },
) {
  if (survey.answeredAt)
    throw new AppError("CONFLICT", "This survey was already answered. Thank you — there is nothing more to do.");
  if (isExpired(survey, meta.now))
    throw new AppError(
      "BAD_REQUEST",
      `This survey closed on ${survey.expiresAt?.toISOString().slice(0, 10)}. Thank you all the same.`,
    );
  await meta.db.$transaction(async (tx) => {
    if ((await markSurveyAnswered(tx, survey.tenantId, survey.id, meta.now)) === 0) {
      throw new AppError("CONFLICT", "This survey was already answered. Thank you — there is nothing more to do.");
    }
    await insertSurveyResponse(tx, {
      tenantId: survey.tenantId,
      surveyId: survey.id,
      userId: answer.userId,
      score: answer.score,
      comment: answer.comment,
      createdAt: meta.now,
    });
    await recordAudit(tx, {
      tenantId: survey.tenantId,
      actorId: answer.userId,
      action: "survey.answered",
      entityType: "Survey",
      entityId: survey.id,
      after: {
        kind: survey.kind,
        trigger: survey.trigger,
        projectId: survey.projectId,
        score: answer.score,
        via: answer.via,
      },
      ip: meta.ip,
      requestId: meta.requestId,
      at: meta.now,
    });
    await emitWebhookEvent(tx, {
      tenantId: survey.tenantId,
      event: "survey.answered",
      key: `survey-answered/${survey.id}`,
      at: meta.now,
      data: {
        surveyId: survey.id,
        kind: survey.kind,
        projectId: survey.projectId,
        score: answer.score,
        comment: answer.comment,
        answeredById: answer.userId,
      },
    });
  });
  let satisfaction: Awaited<ReturnType<typeof feedSatisfaction>> | null = null;
  if (survey.kind === "CSAT" && answer.userId) {
    const ctx: ServiceContext = {
      db: meta.db,
      tenantId: survey.tenantId,
      actorId: answer.userId,
      ip: meta.ip,
      requestId: meta.requestId,
      now: meta.now,
    };
    try {
      satisfaction = await feedSatisfaction(ctx, survey.projectId, false);
    } catch (err) {
      // the answer is stored; the week is re-run at its next validation or from the project page
      logger.error(
        { err, surveyId: survey.id, requestId: meta.requestId },
        "satisfaction criterion not updated after a CSAT answer",
      );
    }
  }
  return { surveyId: survey.id, kind: survey.kind, score: answer.score, satisfaction };
}

function surveyView(s: SurveyRow, now: Date) {
  const state = s.answeredAt ? ("answered" as const) : isExpired(s, now) ? ("expired" as const) : ("open" as const);
  return {
    id: s.id,
    kind: s.kind,
    trigger: s.trigger,
    state,
    question: questionOf(s),
    projectId: s.projectId,
    projectName: s.project.name,
    providerName: s.tenant.name,
    milestone: s.milestone,
    expiresAt: s.expiresAt,
    answeredAt: s.answeredAt,
    response: s.response,
  };
}

export type PublicSurveyContext = AnswerMeta;

/**
 * The token is the credential, so the link is rate-limited before it is looked up (docs/security.md):
 * per IP against guessing tokens, per token against hammering one link. A refused call reads nothing.
 */
async function surveyForToken(ctx: PublicSurveyContext, token: string) {
  const digest = surveyTokenDigest(token);
  await enforce("surveyIp", ctx.ip, "survey link requests from your network");
  await enforce("surveyToken", digest, "requests for this survey link");
  const survey = await findSurveyByTokenHash(ctx.db, digest);
  if (!survey)
    throw new AppError(
      "NOT_FOUND",
      "This survey link is not valid. Open the link in our latest email, or answer in your project portal.",
    );
  return survey;
}

/** What the one-time link shows: the question, or that it was answered or has closed. */
export async function surveyByToken(ctx: PublicSurveyContext, token: string) {
  const survey = await surveyForToken(ctx, token);
  const { response: _r, answeredAt: _a, ...view } = surveyView(survey, ctx.now);
  return view;
}

export async function answerSurveyByToken(ctx: PublicSurveyContext, input: AnswerSurveyByTokenInput) {
  const survey = await surveyForToken(ctx, input.token);
  return recordAnswer(ctx, survey, {
    userId: survey.recipientId,
    score: input.score,
    comment: input.comment || null,
    via: "link",
  });
}

/** The signed-in customer's surveys (of one of their projects when given): open ones first, then answered. */
export async function portalSurveys(ctx: PortalContext, projectId?: string) {
  const rows =
    projectId === undefined
      ? await listPortalSurveys(ctx.db, ctx.tenantId, ctx.customerAccountId, ctx.actorId, PORTAL_SURVEYS)
      : await listPortalSurveys(ctx.db, ctx.tenantId, ctx.customerAccountId, ctx.actorId, PORTAL_SURVEYS, projectId);
  if (!rows) throw notFound("Project");
  const views = rows.map((s) => surveyView(s, ctx.now));
  return [...views.filter((v) => v.state === "open"), ...views.filter((v) => v.state === "answered")];
}

export async function answerPortalSurvey(ctx: PortalContext, input: AnswerSurveyInput) {
  const survey = await findPortalSurvey(ctx.db, ctx.tenantId, ctx.customerAccountId, ctx.actorId, input.surveyId);
  if (!survey) throw notFound("Survey");
  return recordAnswer(ctx, survey, {
    userId: ctx.actorId,
    score: input.score,
    comment: input.comment || null,
    via: "portal",
  });
}

// ------------------------------------------------------------------ satisfaction criterion and staff view

/**
 * Scores the project's satisfaction-survey criteria with mean CSAT × 10 and re-validates their weeks
 * (docs/milestones.md#re-validation). `byLead`: the technical lead applies the score, as their own
 * validation, to every such week. Otherwise a CSAT answer did: only weeks the technical lead already
 * validated and whose criterion score the answer changes are re-run, as the system's re-validation, and
 * the technical lead is told.
 */
async function feedSatisfaction(ctx: ServiceContext, projectId: string, byLead: boolean) {
  const [criteria, scores] = await Promise.all([
    satisfactionCriteria(ctx.db, ctx.tenantId, projectId),
    projectScores(ctx.db, ctx.tenantId, projectId, "CSAT"),
  ]);
  const csat = csatSummary(scores);
  if (csat.mean === null) return { csat, criterionScore: null, applied: [] };
  const criterionScore = satisfactionCriterionScore(csat.mean);
  const applied: { weekNumber: number; status: MilestoneStatus; score: number }[] = [];
  for (const c of criteria) {
    if (!byLead && (!c.milestone.validatedAt || c.score === criterionScore)) continue;
    const change = `${c.name}: ${c.score ?? "not scored"} → ${criterionScore}`;
    const reason = `CSAT ${csat.mean} ${byLead ? "applied to" : "arrived for"} week ${c.milestone.weekNumber}'s survey criterion (${change})`;
    const res = await revalidateMilestone(
      ctx,
      c.milestone.id,
      { reason, bySystem: !byLead },
      new Map([[c.id, criterionScore]]),
    );
    applied.push({ weekNumber: c.milestone.weekNumber, status: res.status, score: res.result.score });
  }
  return { csat, criterionScore, applied };
}

/** The technical lead puts the current mean CSAT into the satisfaction criterion and re-runs its week. */
export async function applySatisfactionScore(ctx: ServiceContext, projectId: string) {
  if (!(await findProjectRef(ctx.db, ctx.tenantId, projectId, null))) throw notFound("Project");
  const criteria = await satisfactionCriteria(ctx.db, ctx.tenantId, projectId);
  if (criteria.length === 0)
    throw new AppError("BAD_REQUEST", "This project has no satisfaction-survey criterion to score.");
  const res = await feedSatisfaction(ctx, projectId, true);
  if (res.criterionScore === null)
    throw new AppError("BAD_REQUEST", "No CSAT answer yet: there is no satisfaction score to apply.");
  return res;
}

/** Survey results of a project for technical leads and CSMs: CSAT and NPS against the seed's targets, each survey. */
export async function projectSurveyResults(ctx: ServiceContext, projectId: string) {
  if (!(await findProjectRef(ctx.db, ctx.tenantId, projectId, null))) throw notFound("Project");
  const [rows, csatScores, npsScores, criteria] = await Promise.all([
    projectSurveys(ctx.db, ctx.tenantId, projectId, 200),
    projectScores(ctx.db, ctx.tenantId, projectId, "CSAT"),
    projectScores(ctx.db, ctx.tenantId, projectId, "NPS"),
    satisfactionCriteria(ctx.db, ctx.tenantId, projectId),
  ]);
  const csat = csatSummary(csatScores);
  return {
    csat,
    nps: npsSummary(npsScores),
    satisfaction: {
      suggestedScore: csat.mean === null ? null : satisfactionCriterionScore(csat.mean),
      criteria: criteria.map((c) => ({
        id: c.id,
        name: c.name,
        score: c.score,
        weekNumber: c.milestone.weekNumber,
        validated: c.milestone.validatedAt !== null,
      })),
    },
    surveys: rows.map((s) => ({
      ...surveyView(s, ctx.now),
      recipientName: s.recipient?.name ?? null,
      sentAt: s.sentAt,
    })),
  };
}
