import "server-only";
import type { SignOffInput } from "@/lib/schemas/signoffs";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/db/audit";
import { latestEvidence } from "@/server/db/evidence";
import { insertNotifications } from "@/server/db/notifications";
import {
  SIGN_OFF_AUDIT_ACTION,
  chainHead,
  findCriterionForSignOff,
  findProjectRef,
  insertSignOff,
  latestCriterionSignOff,
  lockProjectChain,
  milestoneForCertificate,
  milestoneSignOffCriteria,
  projectChain,
  projectSignOffCriteria,
  signOffAuditTrail,
} from "@/server/db/signoffs";
import { contentHash, nextEntry, verifyChain, type SignedContent, type StoredEntry } from "@/domain/signoff/chain";
import { SIGN_OFF_CLOSED_STATUSES, milestoneSignOffState, repeatsLatest, signedContent } from "@/domain/signoff/state";
import { AppError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import type { ServiceContext } from "./context";
import type { PortalContext } from "./portal";
import { revalidateMilestone } from "./projects";
import { ensureMilestoneCsat } from "./surveys";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * Milestone sign-off by the customer (docs/domain.md#sign-offs stakeholder_sign_off; docs/domain.md#sign-offs). An approver (a customer
 * of the project's account with the approver flag) sees what is signed — criterion, deliverable, evidence,
 * score so far — and approves or requests changes. Each decision is a new entry of the project's hash
 * chain (domain/signoff/chain.ts) with who, when, IP, user agent and comment; nothing updates or deletes
 * an entry. The audit trail keeps the signed content and the (seq, hash) of each entry, which lets the
 * verifier check the content too and notice a removed last entry.
 *
 * Concurrency: entries of one project are appended under a row lock on the project (SELECT … FOR NO KEY UPDATE),
 * so two approvers queue and chain in order; the unique (projectId, seq) is the last guard (a conflict is
 * retried). The same person repeating the criterion's latest decision records nothing new — checked
 * again under the lock, so fifty concurrent identical submissions give one entry.
 *
 * Once every sign-off criterion of the week is decided, the week is re-validated — if the technical lead
 * has validated it already (before that, a validation would judge a week nobody has scored; the technical
 * lead's validation reads the decisions anyway). Once every one is approved, the week's CSAT goes out.
 */

export type SignOffContext = PortalContext & { userAgent: string | null; isApprover: boolean };

const CHAIN_RETRIES = 3;
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

type Criterion = NonNullable<Awaited<ReturnType<typeof findCriterionForSignOff>>>;

async function loadCriterion(
  ctx: ServiceContext,
  criterionId: string,
  customerAccountId: string | null,
): Promise<Criterion> {
  const c = await findCriterionForSignOff(ctx.db, ctx.tenantId, criterionId, customerAccountId);
  if (!c) throw notFound("Criterion");
  if (!c.requiresSignOff) {
    throw new AppError(
      "BAD_REQUEST",
      `"${c.name}" is checked by the delivery team; it does not take a customer sign-off.`,
      { fieldErrors: { criterionId: "This criterion has no customer sign-off" } },
    );
  }
  return c;
}

async function contentFor(ctx: ServiceContext, c: Criterion): Promise<SignedContent> {
  const build = await latestEvidence(ctx.db, ctx.tenantId, c.milestone.project.id);
  return signedContent({
    project: { id: c.milestone.project.id, name: c.milestone.project.name },
    milestone: c.milestone,
    criterion: c,
    latestBuild: build ? { commitSha: build.commitSha, buildUrl: build.buildUrl, createdAt: build.createdAt } : null,
  });
}

const isOpen = (c: Criterion) => !(SIGN_OFF_CLOSED_STATUSES as readonly string[]).includes(c.milestone.status);

/** What an approver is about to sign, and the criterion's decisions so far. */
export async function signOffReview(ctx: PortalContext, criterionId: string) {
  const c = await loadCriterion(ctx, criterionId, ctx.customerAccountId);
  const content = await contentFor(ctx, c);
  return {
    content,
    contentHash: contentHash(content),
    open: isOpen(c),
    history: c.signOffs.map((s) => ({
      seq: s.seq,
      decision: s.decision,
      comment: s.comment,
      createdAt: s.createdAt,
      by: s.user.name,
      mine: s.userId === ctx.actorId,
    })),
  };
}

const prismaCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** Runs the append; a lost race on the unique seq (or a serialisation failure) is retried from the top. */
async function withChainRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = prismaCode(error);
      if (attempt >= CHAIN_RETRIES || (code !== "P2002" && code !== "P2034")) throw error;
    }
  }
}

export async function recordSignOff(ctx: SignOffContext, input: SignOffInput) {
  const c = await loadCriterion(ctx, input.criterionId, ctx.customerAccountId);
  if (!isOpen(c)) {
    throw new AppError(
      "BAD_REQUEST",
      `Week ${c.milestone.weekNumber} has not started yet; its sign-off opens when it does.`,
    );
  }
  if (!ctx.isApprover) {
    throw new AppError(
      "FORBIDDEN",
      "Only stakeholders with approval rights can sign off. Ask your product owner, or your customer success manager to grant you approval rights.",
    );
  }
  const request = { userId: ctx.actorId, decision: input.decision };
  const projectId = c.milestone.project.id;
  const latest = c.signOffs[0] ?? null;
  if (repeatsLatest(latest, request) && latest) {
    return {
      signOffId: latest.id,
      seq: latest.seq,
      hash: latest.hash,
      decision: latest.decision,
      recorded: false,
      milestoneStatus: c.milestone.status,
    };
  }
  const content = await contentFor(ctx, c);
  const signedHash = contentHash(content);
  if (input.contentHash && input.contentHash !== signedHash) {
    throw new AppError(
      "CONFLICT",
      "What you reviewed has changed since you opened it (a new score or evidence). Review it again before you decide.",
    );
  }
  const comment = input.comment || null;

  const outcome = await withChainRetry(() =>
    ctx.db.$transaction(async (tx) => {
      if (!(await lockProjectChain(tx, ctx.tenantId, projectId))) throw notFound("Project");
      const current = await latestCriterionSignOff(tx, ctx.tenantId, c.id);
      if (current && repeatsLatest(current, request)) return { row: current, recorded: false };
      const head = await chainHead(tx, ctx.tenantId, projectId);
      const facts = {
        projectId,
        milestoneId: c.milestone.id,
        criterionId: c.id,
        userId: ctx.actorId,
        decision: input.decision,
        comment,
        ip: ctx.ip || null,
        userAgent: ctx.userAgent,
        createdAt: ctx.now,
      };
      const entry = nextEntry(head, content, facts);
      const row = await insertSignOff(tx, { tenantId: ctx.tenantId, ...facts, ...entry });
      await recordAudit(tx, {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        action: SIGN_OFF_AUDIT_ACTION,
        entityType: "SignOff",
        entityId: row.id,
        after: {
          projectId,
          milestoneId: c.milestone.id,
          criterionId: c.id,
          seq: row.seq,
          decision: row.decision,
          contentHash: row.contentHash,
          hash: row.hash,
          content,
        },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      const staff = [
        ...new Set(
          [c.milestone.project.techLeadId, c.milestone.project.customerAccount.csmId].filter(
            (id): id is string => id !== null,
          ),
        ),
      ];
      const verb = input.decision === "APPROVED" ? "approved" : "requested changes to";
      await insertNotifications(
        tx,
        staff.map((userId) => ({
          tenantId: ctx.tenantId,
          userId,
          title: `The customer ${verb} "${c.name}" (week ${c.milestone.weekNumber} of ${c.milestone.project.name})`,
          body: comment ?? "",
          link: `/projects/${projectId}#week-${c.milestone.weekNumber}`,
          at: ctx.now,
        })),
      );
      await emitWebhookEvent(tx, {
        tenantId: ctx.tenantId,
        event: "signoff.recorded",
        key: `signoff/${row.id}`,
        at: ctx.now,
        data: {
          signOffId: row.id,
          projectId,
          projectName: c.milestone.project.name,
          milestoneId: c.milestone.id,
          weekNumber: c.milestone.weekNumber,
          criterionId: c.id,
          criterionName: c.name,
          decision: row.decision,
          comment,
          signedById: ctx.actorId,
          signedAt: ctx.now.toISOString(),
        },
      });
      return { row, recorded: true };
    }, TX_OPTIONS),
  );

  let milestoneStatus: MilestoneStatus = c.milestone.status;
  if (outcome.recorded) milestoneStatus = (await afterSignOff(ctx, c.milestone.id)) ?? milestoneStatus;
  const { row } = outcome;
  return {
    signOffId: row.id,
    seq: row.seq,
    hash: row.hash,
    decision: row.decision,
    recorded: outcome.recorded,
    milestoneStatus,
  };
}

/**
 * Re-validates the week once every sign-off criterion is decided, and sends its CSAT once all are
 * approved. The sign-off itself is already committed: a failure here is logged, not shown as a failed
 * sign-off (the technical lead's next validation and the survey job pick it up).
 */
async function afterSignOff(ctx: ServiceContext, milestoneId: string): Promise<MilestoneStatus | null> {
  const m = await milestoneSignOffCriteria(ctx.db, ctx.tenantId, milestoneId);
  if (!m) return null;
  const state = milestoneSignOffState(
    m.criteria.map((c) => ({ requiresSignOff: c.requiresSignOff, latestDecision: c.signOffs[0]?.decision ?? null })),
  );
  let status: MilestoneStatus | null = null;
  if (state.allDecided && m.validatedAt) {
    try {
      const reason = `The customer decided every sign-off of week ${m.weekNumber}`;
      status = (await revalidateMilestone(ctx, milestoneId, { reason, bySystem: true })).status;
    } catch (err) {
      logger.error({ err, milestoneId, requestId: ctx.requestId }, "re-validation after sign-off failed");
    }
  }
  if (state.signedOff) {
    try {
      await ensureMilestoneCsat(ctx.db, ctx.tenantId, milestoneId, ctx.now);
    } catch (err) {
      logger.error({ err, milestoneId, requestId: ctx.requestId }, "milestone CSAT not created after sign-off");
    }
  }
  return status;
}

// ------------------------------------------------------------------ verification, staff view, certificate

async function verifyProject(ctx: ServiceContext, projectId: string) {
  const [entries, audit] = await Promise.all([
    projectChain(ctx.db, ctx.tenantId, projectId),
    signOffAuditTrail(ctx.db, ctx.tenantId, projectId),
  ]);
  const recorded = new Map(
    audit.flatMap((a) => {
      const after = a.after as { seq?: unknown; hash?: unknown; content?: unknown } | null;
      return a.entityId && after ? [[a.entityId, after] as const] : [];
    }),
  );
  const anchors = [...recorded.values()].flatMap((a) =>
    typeof a.seq === "number" && typeof a.hash === "string" ? [{ seq: a.seq, hash: a.hash }] : [],
  );
  const stored: StoredEntry[] = entries.map((e) => ({
    ...e,
    content: (recorded.get(e.id)?.content ?? null) as SignedContent | null,
  }));
  return { entries, verification: verifyChain(stored, anchors, { everyEntryAnchored: true }) };
}

/** Recomputes the project's chain and reports the first broken link (null when intact). */
export async function verifyProjectSignOffs(ctx: ServiceContext, projectId: string) {
  if (!(await findProjectRef(ctx.db, ctx.tenantId, projectId, null))) throw notFound("Project");
  return (await verifyProject(ctx, projectId)).verification;
}

/** Sign-off state per week and the full chain, for technical leads and CSMs. */
export async function projectSignOffs(ctx: ServiceContext, projectId: string) {
  if (!(await findProjectRef(ctx.db, ctx.tenantId, projectId, null))) throw notFound("Project");
  const [weeks, { entries, verification }] = await Promise.all([
    projectSignOffCriteria(ctx.db, ctx.tenantId, projectId),
    verifyProject(ctx, projectId),
  ]);
  return {
    verification,
    weeks: weeks
      .filter((w) => w.criteria.length > 0)
      .map((w) => ({
        id: w.id,
        weekNumber: w.weekNumber,
        title: w.title,
        status: w.status,
        dueDate: w.dueDate,
        state: milestoneSignOffState(
          w.criteria.map((c) => ({ requiresSignOff: true, latestDecision: c.signOffs[0]?.decision ?? null })),
        ),
        criteria: w.criteria.map((c) => ({
          id: c.id,
          name: c.name,
          deliverable: c.deliverable,
          latest: c.signOffs[0]
            ? { decision: c.signOffs[0].decision, at: c.signOffs[0].createdAt, by: c.signOffs[0].user.name }
            : null,
        })),
      })),
    entries: entries.map((e) => ({
      id: e.id,
      seq: e.seq,
      decision: e.decision,
      comment: e.comment,
      ip: e.ip,
      userAgent: e.userAgent,
      createdAt: e.createdAt,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
      hash: e.hash,
      signer: e.user.name,
      criterion: e.criterion.name,
      weekNumber: e.milestone.weekNumber,
    })),
  };
}

/** A week's sign-off certificate: every signature with its hash, and the chain's state when it was issued. */
export async function milestoneCertificate(ctx: ServiceContext, milestoneId: string, customerAccountId: string | null) {
  const m = await milestoneForCertificate(ctx.db, ctx.tenantId, milestoneId, customerAccountId);
  if (!m) throw notFound("Milestone");
  const { verification } = await verifyProject(ctx, m.projectId);
  return {
    provider: m.project.tenant.name,
    customer: m.project.customerAccount.name,
    project: { id: m.project.id, name: m.project.name },
    milestone: {
      id: m.id,
      weekNumber: m.weekNumber,
      title: m.title,
      dueDate: m.dueDate,
      status: m.status,
      score: m.score,
    },
    signatures: m.signOffs.map((s) => ({
      seq: s.seq,
      decision: s.decision,
      comment: s.comment,
      createdAt: s.createdAt,
      ip: s.ip,
      userAgent: s.userAgent,
      signer: { name: s.user.name, email: s.user.email, stakeholderRole: s.user.stakeholderRole },
      criterion: s.criterion,
      contentHash: s.contentHash,
      prevHash: s.prevHash,
      hash: s.hash,
    })),
    verification,
    issuedAt: ctx.now,
  };
}
