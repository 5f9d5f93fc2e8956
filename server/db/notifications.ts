import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";

/**
 * What a person's bell shows (docs/alerts.md#the-bell): not the notices held for their digest, nor
 * those about an alert since resolved (superseded by a later verdict, or dealt with).
 */
function shownWhere(tenantId: string, userId: string): Prisma.NotificationWhereInput {
  return { tenantId, userId, heldForDigest: false, OR: [{ alertId: null }, { alert: { resolvedAt: null } }] };
}

export function listNotifications(
  prisma: Db,
  tenantId: string,
  userId: string,
  opts: { unreadOnly: boolean; take: number },
) {
  return prisma.notification.findMany({
    where: { ...shownWhere(tenantId, userId), ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: opts.take,
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export function countUnread(prisma: Db, tenantId: string, userId: string) {
  return prisma.notification.count({ where: { ...shownWhere(tenantId, userId), readAt: null } });
}

/** Marks every notification the person's bell shows as read; the count says how many changed. */
export function markAllRead(prisma: Db, tenantId: string, userId: string, now: Date) {
  return prisma.notification.updateMany({
    where: { ...shownWhere(tenantId, userId), readAt: null },
    data: { readAt: now },
  });
}

/** Scoped by tenant and owner: someone else's notification id matches nothing. */
export function markRead(prisma: Db, tenantId: string, userId: string, id: string, now: Date) {
  return prisma.notification.updateMany({ where: { id, tenantId, userId, readAt: null }, data: { readAt: now } });
}

export function notificationExists(prisma: Db, tenantId: string, userId: string, id: string) {
  return prisma.notification.findFirst({ where: { id, tenantId, userId }, select: { id: true } });
}

/** In-app notifications for several people at once (alerts, escalations, new self-service leads). */
export function insertNotifications(
  prisma: DbOrTx,
  rows: {
    tenantId: string;
    userId: string;
    title: string;
    body: string;
    link: string;
    at: Date;
    alertId?: string | null;
    heldForDigest?: boolean;
  }[],
) {
  return prisma.notification.createMany({ data: rows.map(({ at, ...r }) => ({ ...r, createdAt: at })) });
}

/** Who hears about something nobody owns: the tenant's active admins. */
export function activeAdminIds(prisma: DbOrTx, tenantId: string) {
  return prisma.user.findMany({
    where: { tenantId, role: "ADMIN", disabledAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}

/**
 * A person's notifications since a moment (what a digest sums up), newest first: those shown at once
 * and those held for the digest, but none about an alert resolved since (docs/alerts.md#the-bell).
 */
export async function notificationsSince(prisma: Db, tenantId: string, userId: string, since: Date, take: number) {
  const where: Prisma.NotificationWhereInput = {
    tenantId,
    userId,
    createdAt: { gte: since },
    OR: [{ alertId: null }, { alert: { resolvedAt: null } }],
  };
  const [total, rows] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { title: true },
    }),
  ]);
  return { total, titles: rows.map((r) => r.title) };
}

/**
 * `notificationsSince` for many people in one statement (the digest job's page): per person, how
 * many notifications since their own `since`, and the titles of the newest `take` — the same rule.
 */
export async function notificationsSinceMany(
  prisma: Db,
  tenantId: string,
  people: { userId: string; since: Date }[],
  take: number,
) {
  const out = new Map<string, { total: number; titles: string[] }>();
  if (people.length === 0) return out;
  const current = Prisma.sql`(n."alertId" IS NULL OR EXISTS (SELECT 1 FROM "Alert" a WHERE a.id = n."alertId" AND a."resolvedAt" IS NULL))`;
  const rows = await prisma.$queryRaw<{ userId: string; total: number; titles: string[] }[]>`
    SELECT p.uid AS "userId",
      (SELECT count(*)::int FROM "Notification" n WHERE n."tenantId" = ${tenantId} AND n."userId" = p.uid AND n."createdAt" >= p.since AND ${current}) AS total,
      ARRAY(SELECT n.title FROM "Notification" n WHERE n."tenantId" = ${tenantId} AND n."userId" = p.uid AND n."createdAt" >= p.since AND ${current}
            ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${take}) AS titles
    FROM unnest(${people.map((p) => p.userId)}::text[], ${people.map((p) => p.since.toISOString())}::text[]::timestamp[]) AS p(uid, since)`;
  for (const r of rows) out.set(r.userId, { total: r.total, titles: r.titles });
  return out;
}
