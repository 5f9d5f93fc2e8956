import "server-only";
import type { Db, DbOrTx, Prisma } from "./client";

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
