import "server-only";
import { formatMoney } from "@/lib/money";
import type { ListRefundsInput, MarkPaidInput } from "@/lib/schemas/refunds";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx } from "@/server/db/client";
import { resolveAlertsAbout } from "@/server/db/alerts";
import { accountStakeholderIds, activeUserIds, setGuaranteeState } from "@/server/db/guarantees";
import { insertNotifications } from "@/server/db/notifications";
import { readWorkspaceSettings } from "@/server/db/workspace-settings";
import { countRefundsByStatus, findRefund, listRefunds, transitionRefundIf, type RefundRow } from "@/server/db/refunds";
import {
  STATUS_LABEL,
  checkPaidAmount,
  fourEyesRefusal,
  refundPeople,
  refundRoom,
  refundTransition,
  type RefundAction,
  type RefundStatus,
} from "@/domain/guarantee/refund";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";
import { emitWebhookEvent } from "@/server/messaging/events";
import type { CatalogueEvent } from "@/lib/schemas/webhook-events";

/**
 * The refund workflow (docs/domain.md#guarantee): claimed → under review → approved (executives only, with a reason) →
 * paid (amount, reference, date), or rejected (reason). Each transition is one conditional update on
 * the version the caller saw (optimistic locking): two simultaneous approvals change the refund once; the
 * second caller gets the refund as it now is (`changed: false`) when it asked for the same thing, or a
 * CONFLICT naming what happened instead. Every transition is audited and notifies the customer's
 * stakeholders and the project's technical lead and CSM; a rejection re-opens the customer's remedy
 * choice, a payment remedies the guarantee.
 */

const OPEN: RefundStatus[] = ["CLAIMED", "UNDER_REVIEW", "APPROVED"];
/** The webhook event of each decision (docs/webhooks/README.md#events); starting a review sends none. */
const REFUND_EVENT = {
  CLAIMED: null,
  UNDER_REVIEW: null,
  APPROVED: "refund.approved",
  REJECTED: "refund.rejected",
  PAID: "refund.paid",
} as const satisfies Record<RefundStatus, CatalogueEvent | null>;
/** Like sign-offs: under load a transition waits for a pooled connection instead of failing after Prisma's default 2 s (a 500). */
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

function refundView(r: RefundRow) {
  const { guarantee, ...refund } = r;
  return {
    ...refund,
    currency: guarantee.tenant.currency,
    /** the workspace lets one person take every step (docs/security.md#refunds-four-eyes) */
    onePersonAllowed: guarantee.tenant.refundsByOnePerson,
    project: { id: guarantee.project.id, name: guarantee.project.name },
    customerAccount: { id: guarantee.project.customerAccount.id, name: guarantee.project.customerAccount.name },
    guarantee: {
      id: guarantee.id,
      amountCents: guarantee.amountCents,
      status: guarantee.status,
      remedy: guarantee.remedy,
      roomCents: refundRoom(guarantee.amountCents, guarantee.refunds),
    },
  };
}
export type RefundView = ReturnType<typeof refundView>;

export async function refundQueue(ctx: ServiceContext, input: ListRefundsInput) {
  const statuses = input.status === "ALL" ? null : input.status === "OPEN" ? OPEN : [input.status];
  const [[total, rows], counts, settings] = await Promise.all([
    listRefunds(ctx.db, ctx.tenantId, statuses, { skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
    countRefundsByStatus(ctx.db, ctx.tenantId),
    readWorkspaceSettings(ctx.db, ctx.tenantId),
  ]);
  return {
    refunds: rows.map(refundView),
    counts,
    total,
    page: input.page,
    pageSize: input.pageSize,
    refundsByOnePerson: settings.refundsByOnePerson,
  };
}

type Change = {
  action: RefundAction;
  auditAction: string;
  data: Parameters<typeof transitionRefundIf>[4];
  note?: string;
};

async function notifyTransition(db: DbOrTx, ctx: ServiceContext, r: RefundRow, to: RefundStatus, detail: string) {
  const p = r.guarantee.project;
  const staff = await activeUserIds(db, ctx.tenantId, [p.techLeadId, p.customerAccount.csmId]);
  const customers = await accountStakeholderIds(db, ctx.tenantId, p.customerAccount.id);
  const title = `Refund ${STATUS_LABEL[to]}: ${p.name}`;
  const rows = [
    ...staff.map((userId) => ({ userId, link: `/projects/${p.id}/guarantee` })),
    ...customers.map((userId) => ({ userId, link: `/portal/projects/${p.id}/guarantee` })),
  ].filter((x) => x.userId !== ctx.actorId);
  if (rows.length > 0)
    await insertNotifications(
      db,
      rows.map((x) => ({ tenantId: ctx.tenantId, userId: x.userId, title, body: detail, link: x.link, at: ctx.now })),
    );
}

async function transition(
  ctx: ServiceContext,
  refundId: string,
  expectedVersion: number,
  change: Change,
  validate?: (r: RefundRow) => void,
) {
  const r = await findRefund(ctx.db, ctx.tenantId, refundId);
  if (!r) throw notFound("Refund");
  const check = refundTransition(r.status, change.action);
  if (!check.allowed) {
    if (check.alreadyDone) return { refund: refundView(r), changed: false };
    throw new AppError(
      r.version === expectedVersion ? "BAD_REQUEST" : "CONFLICT",
      r.version === expectedVersion ? check.message : `${check.message} It changed while you were looking at it.`,
    );
  }
  if (r.version !== expectedVersion)
    throw new AppError(
      "CONFLICT",
      `This refund changed meanwhile (version ${r.version}, you saw ${expectedVersion}). Reload and check it again.`,
    );
  const refusal = fourEyesRefusal(change.action, refundPeople(r), ctx.actorId, r.guarantee.tenant.refundsByOnePerson);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  validate?.(r);
  return ctx.db.$transaction(async (tx) => {
    if (
      !(await transitionRefundIf(tx, ctx.tenantId, r.id, { version: expectedVersion, from: r.status }, change.data))
    ) {
      const now = await findRefund(tx, ctx.tenantId, r.id);
      if (now && now.status === check.to) return { refund: refundView(now), changed: false };
      throw new AppError(
        "CONFLICT",
        `Someone else changed this refund meanwhile: it is now ${now ? STATUS_LABEL[now.status] : "gone"}.`,
      );
    }
    const g = r.guarantee;
    if (check.to === "PAID") await setGuaranteeState(tx, ctx.tenantId, g.id, ["FAILED"], { status: "REMEDIED" });
    // a rejection re-opens the customer's choice of remedy (docs/domain.md#guarantee: refund, continued development or migration)
    if (check.to === "REJECTED") await setGuaranteeState(tx, ctx.tenantId, g.id, ["FAILED"], { remedy: null });
    if (check.to === "APPROVED" || check.to === "REJECTED")
      await resolveAlertsAbout(tx, ctx.tenantId, ["REFUND_AWAITING_APPROVAL"], { guaranteeId: g.id }, ctx.now);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: change.auditAction,
      entityType: "Refund",
      entityId: r.id,
      before: { status: r.status, version: r.version, amountCents: r.amountCents },
      after: {
        status: check.to,
        version: r.version + 1,
        amountCents: change.data.amountCents ?? r.amountCents,
        note: change.note ?? null,
        reference: change.data.reference ?? null,
        paidAt: change.data.paidAt?.toISOString() ?? null,
        ...(check.to === "PAID"
          ? { guaranteeStatus: "REMEDIED" }
          : check.to === "REJECTED"
            ? { guaranteeRemedy: null, remedyChoiceReopened: true }
            : {}),
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    const event = REFUND_EVENT[check.to];
    if (event)
      await emitWebhookEvent(tx, {
        tenantId: ctx.tenantId,
        event,
        key: `refund/${r.id}/${check.to.toLowerCase()}`,
        at: ctx.now,
        data: {
          refundId: r.id,
          guaranteeId: g.id,
          projectId: g.project.id,
          projectName: g.project.name,
          status: check.to,
          amountCents: change.data.amountCents ?? r.amountCents,
          currency: g.tenant.currency,
          note: change.data.decisionNote ?? null,
          reference: change.data.reference ?? null,
          paidAt: change.data.paidAt?.toISOString() ?? null,
        },
      });
    const amount = formatMoney(change.data.amountCents ?? r.amountCents, g.tenant.currency);
    await notifyTransition(
      tx,
      ctx,
      r,
      check.to,
      `The refund of ${amount} for ${g.project.name} is now ${STATUS_LABEL[check.to]}.${change.note ? ` ${change.note}` : ""}`,
    );
    const updated = await findRefund(tx, ctx.tenantId, r.id);
    if (!updated) throw notFound("Refund");
    return { refund: refundView(updated), changed: true };
  }, TX_OPTIONS);
}

export function startRefundReview(ctx: ServiceContext, input: { refundId: string; expectedVersion: number }) {
  return transition(ctx, input.refundId, input.expectedVersion, {
    action: "review",
    auditAction: "refund.review_started",
    data: { status: "UNDER_REVIEW", at: ctx.now, reviewedById: ctx.actorId },
  });
}

export function approveRefund(
  ctx: ServiceContext,
  input: { refundId: string; expectedVersion: number; reason: string },
) {
  return transition(ctx, input.refundId, input.expectedVersion, {
    action: "approve",
    auditAction: "refund.approved",
    note: `Approved: ${input.reason}`,
    data: { status: "APPROVED", at: ctx.now, decidedById: ctx.actorId, decidedAt: ctx.now, decisionNote: input.reason },
  });
}

export function rejectRefund(
  ctx: ServiceContext,
  input: { refundId: string; expectedVersion: number; reason: string },
) {
  return transition(ctx, input.refundId, input.expectedVersion, {
    action: "reject",
    auditAction: "refund.rejected",
    note: `Rejected: ${input.reason} You can choose a remedy again.`,
    data: { status: "REJECTED", at: ctx.now, decidedById: ctx.actorId, decidedAt: ctx.now, decisionNote: input.reason },
  });
}

export function markRefundPaid(ctx: ServiceContext, input: MarkPaidInput) {
  if (input.paidAt.getTime() > ctx.now.getTime()) {
    throw new AppError("BAD_REQUEST", "The payment date cannot be in the future.", {
      fieldErrors: { paidAt: "The payment date cannot be in the future." },
    });
  }
  return transition(
    ctx,
    input.refundId,
    input.expectedVersion,
    {
      action: "pay",
      auditAction: "refund.paid",
      note: `Reference ${input.reference}.`,
      data: {
        status: "PAID",
        at: ctx.now,
        paidById: ctx.actorId,
        amountCents: input.amountCents,
        reference: input.reference,
        paidAt: input.paidAt,
      },
    },
    (r) => {
      const amount = checkPaidAmount(input.amountCents, r.amountCents);
      if (!amount.ok)
        throw new AppError("BAD_REQUEST", amount.message, { fieldErrors: { amountCents: amount.message } });
      // payments are dated by day: the approval's day or later
      if (r.decidedAt && input.paidAt.toISOString().slice(0, 10) < r.decidedAt.toISOString().slice(0, 10)) {
        throw new AppError("BAD_REQUEST", "The payment date cannot be before the approval.", {
          fieldErrors: { paidAt: "The payment date cannot be before the approval." },
        });
      }
    },
  );
}
