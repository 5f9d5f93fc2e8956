import "server-only";
import type { DbOrTx } from "./client";
import { Prisma } from "@/generated/prisma/client";
import type { OutboxChannel, OutboxStatus } from "@/generated/prisma/enums";

/**
 * The outbox table: every outgoing message is inserted once per idempotency key, then claimed by a
 * worker with `FOR UPDATE SKIP LOCKED` and a lease (status SENDING + lockedUntil), and finished only
 * by the holder of that lease. Tenant-scoped reads take the tenant id; the worker's queue is global.
 */
export type OutboxInsert = {
  tenantId: string | null;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  idempotencyKey: string;
  payload?: Prisma.InputJsonValue;
  /** a message that cannot be sent (no contact for the channel) is stored DEAD with the reason */
  status?: OutboxStatus;
  lastError?: string | null;
  createdAt?: Date;
  nextAttemptAt?: Date;
};

/** Insert once per idempotency key; a repeat returns the existing row untouched. */
export function upsertOutboxMessage(prisma: DbOrTx, row: OutboxInsert) {
  return prisma.outboxMessage.upsert({
    where: { idempotencyKey: row.idempotencyKey },
    create: row,
    update: {},
    select: { id: true, status: true },
  });
}

/** Many at once; rows whose key exists are skipped. Returns the rows this call wrote. */
export async function insertOutboxMessagesReturning(
  prisma: DbOrTx,
  rows: OutboxInsert[],
): Promise<{ id: string; idempotencyKey: string }[]> {
  if (rows.length === 0) return [];
  return prisma.outboxMessage.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { id: true, idempotencyKey: true },
  });
}

/** Many at once (fan-outs); rows whose key exists are skipped. Returns how many were new. */
export async function insertOutboxMessages(prisma: DbOrTx, rows: OutboxInsert[]) {
  if (rows.length === 0) return 0;
  const res = await prisma.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return res.count;
}

export type ClaimedMessage = {
  id: string;
  tenantId: string | null;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  payload: unknown;
  idempotencyKey: string;
  attempts: number;
  lockedUntil: Date;
};

/** Timestamps are stored as UTC in `timestamp(3)`; a "…Z" literal cast to timestamp keeps the UTC wall time. */
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

/**
 * Claims due messages in one statement: PENDING/FAILED rows whose time has come, and SENDING rows
 * whose lease ran out (a worker died mid-send). Rows another worker holds are skipped, never waited
 * for; the claim counts the attempt, so a crash still uses up one of the bounded tries.
 */
export function claimDueMessages(
  prisma: DbOrTx,
  opts: {
    now: Date;
    leaseUntil: Date;
    limit: number;
    channels: readonly OutboxChannel[];
    tenantId?: string | null;
    id?: string;
  },
): Promise<ClaimedMessage[]> {
  if (opts.channels.length === 0) return Promise.resolve([]);
  const channels = Prisma.join(opts.channels.map((c) => Prisma.sql`${c}::"OutboxChannel"`));
  const tenant = opts.tenantId ? Prisma.sql`AND "tenantId" = ${opts.tenantId}` : Prisma.empty;
  const only = opts.id ? Prisma.sql`AND id = ${opts.id}` : Prisma.empty;
  return prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" AS o
    SET status = 'SENDING'::"OutboxStatus", "lockedUntil" = ${ts(opts.leaseUntil)}, attempts = o.attempts + 1
    WHERE o.id IN (
      SELECT id FROM "OutboxMessage"
      WHERE ((status IN ('PENDING'::"OutboxStatus", 'FAILED'::"OutboxStatus") AND "nextAttemptAt" <= ${ts(opts.now)})
          OR (status = 'SENDING'::"OutboxStatus" AND "lockedUntil" < ${ts(opts.now)}))
        AND channel IN (${channels}) ${tenant} ${only}
      ORDER BY "nextAttemptAt", id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o.id, o."tenantId", o.channel, o.recipient, o.subject, o."bodyText", o."bodyHtml", o.payload, o."idempotencyKey", o.attempts, o."lockedUntil"`;
}

export type FinishOutcome =
  | { status: "SENT"; at: Date }
  | { status: "FAILED"; error: string; nextAttemptAt: Date }
  | { status: "DEAD"; error: string };

/** Only the lease holder finishes a row: returns false when the lease was lost (nothing changed). */
export async function finishClaimedMessage(
  prisma: DbOrTx,
  claim: { id: string; lockedUntil: Date },
  outcome: FinishOutcome,
) {
  const data =
    outcome.status === "SENT"
      ? { status: "SENT" as const, sentAt: outcome.at, lastError: null, lockedUntil: null }
      : outcome.status === "FAILED"
        ? {
            status: "FAILED" as const,
            lastError: outcome.error.slice(0, 2000),
            nextAttemptAt: outcome.nextAttemptAt,
            lockedUntil: null,
          }
        : { status: "DEAD" as const, lastError: outcome.error.slice(0, 2000), lockedUntil: null };
  const res = await prisma.outboxMessage.updateMany({
    where: { id: claim.id, status: "SENDING", lockedUntil: claim.lockedUntil },
    data,
  });
  return res.count === 1;
}

/** Queue a message again now (redelivery); a message being sent right now is left alone. */
export async function requeueMessage(prisma: DbOrTx, tenantId: string, id: string, now: Date) {
  const res = await prisma.outboxMessage.updateMany({
    where: { id, tenantId, status: { not: "SENDING" } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null, lockedUntil: null },
  });
  return res.count === 1;
}

export function outboxStatusOf(prisma: DbOrTx, id: string) {
  return prisma.outboxMessage.findUnique({
    where: { id },
    select: { id: true, status: true, attempts: true, lastError: true, channel: true },
  });
}

const mailSelect = {
  id: true,
  recipient: true,
  subject: true,
  bodyText: true,
  status: true,
  createdAt: true,
  sentAt: true,
} as const;

/**
 * The dev mail viewer's reads (docs/security.md#demo-mode). Invitations are never listed: a staff
 * invitation sets a password, so reading one would be taking over that account.
 */
const notAnInvitation = { NOT: { idempotencyKey: { startsWith: "invite/" } } } as const;

export function listTenantEmails(prisma: DbOrTx, tenantId: string, take: number) {
  return prisma.outboxMessage.findMany({
    where: { tenantId, channel: "EMAIL", ...notAnInvitation },
    orderBy: { createdAt: "desc" },
    take,
    select: mailSelect,
  });
}

export function listEmailsTo(prisma: DbOrTx, recipient: string, take: number) {
  return prisma.outboxMessage.findMany({
    where: { recipient, channel: "EMAIL", ...notAnInvitation },
    orderBy: { createdAt: "desc" },
    take,
    select: mailSelect,
  });
}
