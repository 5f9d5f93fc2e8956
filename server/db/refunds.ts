import "server-only";
import type { RefundStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";

/**
 * Refunds (docs/domain.md#guarantee): the executives' queue and the state machine's writes. A transition is one
 * conditional update on (id, tenant, version, status) that bumps the version — optimistic locking, so of
 * two simultaneous approvals exactly one changes the row.
 */

const person = { select: { id: true, name: true } } as const;

/** A refund's own fields and the people of its steps, as every screen shows them. */
export const refundFields = {
  id: true,
  amountCents: true,
  status: true,
  reason: true,
  decisionNote: true,
  reference: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  decidedAt: true,
  paidAt: true,
  claimedBy: person,
  reviewedBy: person,
  decidedBy: person,
  paidBy: person,
} as const;

export const refundSelect = {
  ...refundFields,
  guarantee: {
    select: {
      id: true,
      amountCents: true,
      status: true,
      remedy: true,
      outcome: true,
      tenant: { select: { currency: true, refundsByOnePerson: true } },
      project: {
        select: {
          id: true,
          name: true,
          techLeadId: true,
          customerAccount: { select: { id: true, name: true, csmId: true } },
        },
      },
      refunds: { select: { id: true, status: true, amountCents: true } },
    },
  },
} satisfies Prisma.RefundSelect;

export type RefundRow = Prisma.RefundGetPayload<{ select: typeof refundSelect }>;

export function findRefund(prisma: DbOrTx, tenantId: string, refundId: string) {
  return prisma.refund.findFirst({ where: { tenantId, id: refundId }, select: refundSelect });
}

/** One page of the queue, oldest claim first, and how many refunds the filter holds in all. */
export function listRefunds(
  prisma: Db,
  tenantId: string,
  statuses: RefundStatus[] | null,
  page: { skip: number; take: number },
) {
  const where: Prisma.RefundWhereInput = { tenantId, ...(statuses ? { status: { in: statuses } } : {}) };
  return prisma.$transaction([
    prisma.refund.count({ where }),
    prisma.refund.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      select: refundSelect,
    }),
  ]);
}

export async function countRefundsByStatus(prisma: Db, tenantId: string) {
  const rows = await prisma.refund.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<RefundStatus, number>>;
}

export function insertRefund(
  prisma: DbOrTx,
  row: { tenantId: string; guaranteeId: string; amountCents: number; reason: string; claimedById: string; at: Date },
) {
  const { at, ...data } = row;
  return prisma.refund.create({
    data: { ...data, status: "CLAIMED", version: 0, createdAt: at, updatedAt: at },
    select: { id: true, version: true },
  });
}

/** One transition if the refund is still at `version` and `from`; false otherwise (someone else moved it). */
export async function transitionRefundIf(
  prisma: DbOrTx,
  tenantId: string,
  refundId: string,
  expected: { version: number; from: RefundStatus },
  data: {
    status: RefundStatus;
    at: Date;
    reviewedById?: string;
    decidedById?: string;
    paidById?: string;
    decisionNote?: string;
    decidedAt?: Date;
    amountCents?: number;
    reference?: string;
    paidAt?: Date;
  },
): Promise<boolean> {
  const { at, ...rest } = data;
  const r = await prisma.refund.updateMany({
    where: { tenantId, id: refundId, version: expected.version, status: expected.from },
    data: { ...rest, updatedAt: at, version: { increment: 1 } },
  });
  return r.count === 1;
}
