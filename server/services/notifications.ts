import "server-only";
import { countUnread, listNotifications, markAllRead, markRead, notificationExists } from "@/server/db/notifications";
import { notFound } from "@/server/errors";
import type { ServiceContext } from "./context";

export function myNotifications(ctx: ServiceContext, opts: { unreadOnly: boolean; take: number }) {
  return listNotifications(ctx.db, ctx.tenantId, ctx.actorId, opts);
}

export async function myUnreadCount(ctx: ServiceContext) {
  return { unread: await countUnread(ctx.db, ctx.tenantId, ctx.actorId) };
}

export async function markNotificationRead(ctx: ServiceContext, id: string) {
  if (!(await notificationExists(ctx.db, ctx.tenantId, ctx.actorId, id))) throw notFound("Notification");
  await markRead(ctx.db, ctx.tenantId, ctx.actorId, id, ctx.now);
  return { ok: true as const };
}

/** Everything the person's bell shows is marked read; `marked` says how many were unread. */
export async function markAllNotificationsRead(ctx: ServiceContext) {
  return { marked: (await markAllRead(ctx.db, ctx.tenantId, ctx.actorId, ctx.now)).count };
}
