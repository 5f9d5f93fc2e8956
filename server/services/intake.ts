import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { answersSchemaFor } from "@/lib/schemas/qualification";
import { BUDGET_BANDS, type IntakeProject, type IntakeSubmission } from "@/lib/schemas/intake";
import { enforce } from "@/server/auth/rate-limit";
import { insertAssessment } from "@/server/db/acquisition";
import { recordAudit } from "@/server/db/audit";
import type { Db } from "@/server/db/client";
import type { LeadStage } from "@/generated/prisma/enums";
import {
  CALL_REQUEST_TITLE,
  csmWorkloads,
  findIntakeAssessment,
  findLeadByContactEmail,
  findOpenCallRequest,
  findTenantBySlug,
  insertCallRequest,
  insertSelfServiceLead,
  lockProspectEmail,
  updateLeadForSelfService,
} from "@/server/db/intake";
import { activeAdminIds, insertNotifications } from "@/server/db/notifications";
import { createOneTimeToken, findOneTimeToken } from "@/server/db/tokens";
import { stageAfterAssessment } from "@/domain/pipeline/stages";
import { criterionIndex, criterionLabel } from "@/domain/qualification/config";
import { AppError, describeZodError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { deliverEmailNow, enqueueEmail } from "@/server/messaging/outbox";
import { loadConfig, loadConfigAt } from "./config";
import type { ServiceContext } from "./context";
import {
  RESULT_TTL_DAYS,
  ZStoredIntakeSchema,
  evaluate,
  maskEmail,
  resultEmail,
  resultView,
  type StoredIntake,
} from "./intake-result";
import { plural } from "@/lib/format";
import { stageWord } from "@/lib/labels/lead-stage";

/**
 * The public self-service assessment (docs/domain.md#self-service-assessment; seed summary: "self-service and high-touch"). A
 * prospect answers the tenant's qualification criteria and the project basics, without an account;
 * the same engines as the CSM's (qualification → feasibility → tiers) explain the result at once.
 *
 * Decisions:
 * - The lead is created (or updated) at submit: every completed assessment lands in the pipeline.
 *   One lead per email within a tenant, matched without case; a second submission adds a second
 *   assessment to the same lead. Stage and score follow stageAfterAssessment while the lead is
 *   being qualified; a lead further on (feasibility, proposal, converted, lost) keeps its stage and
 *   score, and its owner is told. Company, contact and notes a CSM may have curated are not overwritten.
 * - Owner: a returning lead keeps its active owner; otherwise the active CSM with the fewest open
 *   leads (ties: the longest-serving), so new leads spread evenly and the choice is reproducible.
 *   No active CSM: the lead stays unassigned and every active admin is notified instead.
 * - The result link holds a 32-byte random token; only its SHA-256 digest is stored (in the
 *   VerificationToken table, identifier "intake-result:<assessment id>"), valid RESULT_TTL_DAYS.
 *   The result is recomputed from the stored inputs and configuration versions, so it reads the same
 *   every time, like the CSM's "reproduce".
 */
export type PublicContext = { db: Db; ip: string; requestId: string; now: Date };

const DAY_MS = 86_400_000;
const TOKEN_PREFIX = "intake-result:";
/** The stages in which a new assessment may still move the lead (stageAfterAssessment's domain). */
const QUALIFYING_STAGES: LeadStage[] = ["NEW", "QUALIFYING", "QUALIFIED", "UNQUALIFIED"];

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** loadConfig reads and writes no actor; a public request has none. */
const configContext = (ctx: PublicContext, tenantId: string): ServiceContext => ({ ...ctx, tenantId, actorId: "" });

async function tenantFor(ctx: PublicContext, slug: string) {
  const tenant = await findTenantBySlug(ctx.db, slug);
  if (!tenant) throw notFound("Assessment");
  return tenant;
}

/** What the form asks: the tenant's criteria by category, and the budget bands. */
export async function intakeForm(ctx: PublicContext, slug: string) {
  const tenant = await tenantFor(ctx, slug);
  const config = await loadConfig(configContext(ctx, tenant.id), "qualification");
  return {
    tenant: { name: tenant.name, slug: tenant.slug },
    configVersion: config.version,
    categories: Object.entries(config.data.criteria).map(([key, criteria]) => ({
      key,
      criteria: Object.keys(criteria).map((criterion) => ({ key: criterion, label: criterionLabel(criterion) })),
    })),
    budgetBands: Object.entries(BUDGET_BANDS).map(([key, band]) => ({ key, label: band.label })),
  };
}

// ---------------------------------------------------------------- submit

function checkAnswers(answers: Record<string, unknown>, keys: string[]) {
  const parsed = answersSchemaFor(keys).safeParse(answers);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const [field, message] of Object.entries(describeZodError(parsed.error).fieldErrors))
      fieldErrors[field === "input" ? "answers" : `answers.${field}`] = message;
  }
  const missing = keys.filter((k) => !Object.hasOwn(answers, k));
  for (const key of missing) fieldErrors[`answers.${key}`] ??= "Answer this question";
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) {
    const message =
      missing.length > 0
        ? `Answer every question: ${missing.length} left unanswered (${missing.map(criterionLabel).join(", ")})`
        : Object.values(fieldErrors).join("; ");
    throw new AppError("BAD_REQUEST", message, { fieldErrors });
  }
  return parsed.data;
}

async function pickOwner(tx: Parameters<typeof csmWorkloads>[0], tenantId: string): Promise<string | null> {
  const csms = await csmWorkloads(tx, tenantId);
  // stable sort: equal workloads keep the longest-serving CSM first
  return [...csms].sort((a, b) => a._count.ownedLeads - b._count.ownedLeads)[0]?.id ?? null;
}

function leadNotes(project: IntakeProject): string {
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : "none given");
  return [
    "From the self-service assessment:",
    `- Features: ${project.features.join("; ")}`,
    `- Timeline: ${plural(project.timelineWeeks, "week")}; budget: ${BUDGET_BANDS[project.budgetBand].label}; their team: ${project.teamSize} people`,
    `- Stack: ${list(project.techStack)}; integrations: ${list(project.integrations)}; compliance: ${list(project.compliance)}`,
    `- Business critical: ${project.businessCritical ? "yes" : "no"}; fallback plan: ${project.hasFallbackPlan ? "yes" : "no"}`,
  ].join("\n");
}

export async function submitAssessment(ctx: PublicContext, input: IntakeSubmission, appUrl: string) {
  const tenant = await tenantFor(ctx, input.tenantSlug);
  await enforce("intakeIp", ctx.ip, "assessments from your network");
  const cc = configContext(ctx, tenant.id);
  const qualificationConfig = await loadConfig(cc, "qualification");
  const answers = checkAnswers(input.answers, [...criterionIndex(qualificationConfig.data).keys()]);
  const email = input.contact.email;
  await enforce("intakeEmail", email, "assessments for this email address");
  const [feasibilityConfig, tierConfig] = await Promise.all([loadConfig(cc, "feasibility"), loadConfig(cc, "tiers")]);

  const { project, contact } = input;
  const stored: StoredIntake = {
    answers,
    context: {
      desiredTimelineWeeks: project.timelineWeeks,
      businessCritical: project.businessCritical,
      hasFallbackPlan: project.hasFallbackPlan,
    },
    selfService: {
      project,
      contact: { name: contact.name, company: contact.company },
      feasibilityConfigVersion: feasibilityConfig.version,
      tiersConfigVersion: tierConfig.version,
    },
  };
  const evaluated = evaluate(stored, {
    qualification: qualificationConfig.data,
    feasibility: feasibilityConfig.data,
    tiers: tierConfig.data,
  });
  const q = evaluated.qualification;
  const token = randomBytes(32).toString("base64url");
  const resultPath = `/assess/${tenant.slug}/result/${token}`;

  const { messageId } = await ctx.db.$transaction(async (tx) => {
    await lockProspectEmail(tx, tenant.id, email);
    const existing = await findLeadByContactEmail(tx, tenant.id, email);
    const moves = !existing || QUALIFYING_STAGES.includes(existing.stage);
    const stage = stageAfterAssessment(existing?.stage ?? "NEW", q.passed);
    const keptOwner = existing?.owner && !existing.owner.disabledAt ? existing.owner.id : null;
    const ownerId = keptOwner ?? (await pickOwner(tx, tenant.id));
    let leadId: string;
    if (existing) {
      leadId = existing.id;
      const changed = await updateLeadForSelfService(tx, tenant.id, existing.id, existing.stage, {
        ...(moves ? { stage, latestScore: q.score, ...(q.passed ? { qualifiedAt: ctx.now } : {}) } : {}),
        ...(!existing.serviceType && q.recommendedServiceTypes[0] ? { serviceType: q.recommendedServiceTypes[0] } : {}),
        ...(ownerId && ownerId !== keptOwner ? { ownerId } : {}),
        updatedAt: ctx.now,
      });
      if (changed.count !== 1)
        throw new AppError("CONFLICT", "Your assessment crossed an update on our side. Please submit it again.");
    } else {
      const lead = await insertSelfServiceLead(tx, {
        tenantId: tenant.id,
        company: contact.company,
        contactName: contact.name,
        contactEmail: email,
        contactPhone: contact.phone || null,
        stage,
        serviceType: q.recommendedServiceTypes[0] ?? null,
        ownerId,
        latestScore: q.score,
        qualifiedAt: q.passed ? ctx.now : null,
        estimatedValueCents: evaluated.tiers.primary?.price.cents ?? null,
        notes: leadNotes(project),
        at: ctx.now,
      });
      leadId = lead.id;
    }
    const assessment = await insertAssessment(tx, {
      tenantId: tenant.id,
      leadId,
      authorId: null,
      answers: stored,
      breakdown: q.categories,
      points: q.points,
      maxPoints: q.maxPoints,
      score: q.score,
      fit: q.fit,
      configVersion: qualificationConfig.version,
      isDraft: false,
      at: ctx.now,
    });
    await createOneTimeToken(
      tx,
      `${TOKEN_PREFIX}${assessment.id}`,
      digest(token),
      new Date(ctx.now.getTime() + RESULT_TTL_DAYS * DAY_MS),
    );
    const finalStage = moves ? stage : (existing?.stage ?? stage);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      action: existing ? "assessment.self_service_resubmitted" : "lead.self_service_created",
      entityType: "QualificationAssessment",
      entityId: assessment.id,
      after: {
        leadId,
        score: q.score,
        stage: finalStage,
        ownerId,
        configVersion: qualificationConfig.version,
        source: "SELF_SERVICE",
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    const recipients = ownerId ? [ownerId] : (await activeAdminIds(tx, tenant.id)).map((u) => u.id);
    const fits =
      q.recommendedServiceTypes.length > 0
        ? q.fit
            .filter((fit) => q.recommendedServiceTypes.includes(fit.serviceType))
            .map((fit) => fit.label)
            .join(", ")
        : "no service type yet";
    const body = existing
      ? `${contact.name} took the public assessment again: ${q.score}/100 (was ${existing.latestScore ?? "—"}). ${moves ? `Stage now ${stageWord(finalStage)}.` : `The lead stays at ${stageWord(finalStage)}; its stage and score were left as they are.`} Fits: ${fits}.`
      : `${contact.name} took the public assessment: ${q.score}/100, stage ${stageWord(finalStage)}. Fits: ${fits}. ${ownerId ? "" : "No CSM is available: please assign an owner."}`.trim();
    await insertNotifications(
      tx,
      recipients.map((userId) => ({
        tenantId: tenant.id,
        userId,
        title: `Self-service assessment: ${existing?.company ?? contact.company} scored ${q.score}`,
        body,
        link: `/leads/${leadId}`,
        at: ctx.now,
      })),
    );
    const message = await enqueueEmail(
      tx,
      resultEmail({
        tenantId: tenant.id,
        tenantName: tenant.name,
        to: email,
        name: contact.name,
        assessmentId: assessment.id,
        url: `${appUrl}${resultPath}`,
        evaluated,
      }),
      ctx.now,
    );
    return { messageId: message.id };
  });
  try {
    await deliverEmailNow(ctx.db, messageId, ctx.now);
  } catch (error) {
    // the outbox keeps the message for a retry; the prospect already has the result on screen
    logger.warn({ err: error, requestId: ctx.requestId }, "intake result email not delivered now");
  }
  return { resultPath, token, score: q.score };
}

// ---------------------------------------------------------------- the result link

async function resolveToken(ctx: PublicContext, slug: string, token: string) {
  const tenant = await tenantFor(ctx, slug);
  const row = await findOneTimeToken(ctx.db, digest(token));
  if (!row || !row.identifier.startsWith(TOKEN_PREFIX) || row.expires <= ctx.now) throw notFound("Result");
  const assessment = await findIntakeAssessment(ctx.db, tenant.id, row.identifier.slice(TOKEN_PREFIX.length));
  if (!assessment) throw notFound("Result");
  return { tenant, assessment, expires: row.expires };
}

export async function readResult(ctx: PublicContext, slug: string, token: string) {
  const { tenant, assessment, expires } = await resolveToken(ctx, slug, token);
  const stored = ZStoredIntakeSchema.safeParse(assessment.answers);
  if (!stored.success) throw notFound("Result");
  const cc = configContext(ctx, tenant.id);
  const [qualification, feasibility, tiers] = await Promise.all([
    loadConfigAt(cc, "qualification", assessment.configVersion),
    loadConfigAt(cc, "feasibility", stored.data.selfService.feasibilityConfigVersion),
    loadConfigAt(cc, "tiers", stored.data.selfService.tiersConfigVersion),
  ]);
  const evaluated = evaluate(stored.data, {
    qualification: qualification.data,
    feasibility: feasibility.data,
    tiers: tiers.data,
  });
  const callRequest = await findOpenCallRequest(ctx.db, tenant.id, assessment.lead.id);
  return {
    tenant: { name: tenant.name, slug: tenant.slug },
    preparedFor: { ...stored.data.selfService.contact, email: maskEmail(assessment.lead.contactEmail) },
    submittedAt: assessment.createdAt,
    expiresAt: expires,
    callRequested: callRequest !== null,
    ...resultView(stored.data, evaluated),
  };
}

/** Next business day (UTC), for the CSM's call-back task. */
function nextBusinessDay(now: Date): Date {
  const due = new Date(now.getTime() + DAY_MS);
  while (due.getUTCDay() === 0 || due.getUTCDay() === 6) due.setTime(due.getTime() + DAY_MS);
  return due;
}

/**
 * "Book a call": a follow-up task for the lead's owner (due the next business day) and a
 * notification. Writes only to the token's own lead; asking twice keeps the one open task.
 */
export async function requestCall(ctx: PublicContext, slug: string, token: string, preference: string | undefined) {
  const { tenant, assessment } = await resolveToken(ctx, slug, token);
  const lead = assessment.lead;
  return ctx.db.$transaction(async (tx) => {
    // the same lock as submissions: two clicks at once still make one task
    await lockProspectEmail(tx, tenant.id, lead.contactEmail.toLowerCase());
    if (await findOpenCallRequest(tx, tenant.id, lead.id)) return { requested: true, alreadyRequested: true };
    const detail = [
      `${lead.contactName} (${lead.company}) asked for a call after scoring ${assessment.score}/100.`,
      preference ? `Preferred time: ${preference}` : "",
    ]
      .filter(Boolean)
      .join("\n");
    const task = await insertCallRequest(tx, {
      tenantId: tenant.id,
      leadId: lead.id,
      assigneeId: lead.ownerId,
      title: `${CALL_REQUEST_TITLE}: ${lead.contactName}, ${lead.company}`,
      detail,
      dueAt: nextBusinessDay(ctx.now),
      at: ctx.now,
    });
    const recipients = lead.ownerId ? [lead.ownerId] : (await activeAdminIds(tx, tenant.id)).map((u) => u.id);
    await insertNotifications(
      tx,
      recipients.map((userId) => ({
        tenantId: tenant.id,
        userId,
        title: `${lead.company} asked for a call`,
        body: detail,
        link: `/leads/${lead.id}`,
        at: ctx.now,
      })),
    );
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      action: "lead.call_requested",
      entityType: "ActionItem",
      entityId: task.id,
      after: { leadId: lead.id, assessmentId: assessment.id },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { requested: true, alreadyRequested: false };
  });
}
