import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllRead, MarkRead } from "@/components/notifications/mark-read";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/trpc/server";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requirePermission("notifications:read");
  const trpc = await api();
  const [items, { unread }] = await Promise.all([
    trpc.notifications.list({ take: 50 }),
    trpc.notifications.unreadCount(),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Notifications"
        description="The latest 50, newest first. Urgent alerts arrive at once; the others are summed up in your digest."
        actions={<MarkAllRead unread={unread} />}
      />
      <Card>
        <CardContent>
          {items.length === 0 ? (
            <EmptyState title="You are all caught up" description="New alerts, sign-offs and tasks appear here." />
          ) : (
            <ul className="divide-y [&>li:first-child]:pt-0 [&>li:last-child]:pb-0">
              {items.map((n) => (
                <li key={n.id} className="flex items-start justify-between gap-4 py-3">
                  <div>
                    <p className={n.readAt ? "text-muted-foreground" : "font-medium"}>
                      {n.link ? (
                        <Link className="hover:underline" href={n.link}>
                          {n.title}
                        </Link>
                      ) : (
                        n.title
                      )}
                    </p>
                    {n.body ? <p className="text-sm text-muted-foreground">{n.body}</p> : null}
                  </div>
                  <div className="flex shrink-0 items-center gap-2">
                    <RelativeTime className="text-xs text-muted-foreground" date={n.createdAt} now={now} />
                    {n.readAt ? null : <MarkRead notificationId={n.id} title={n.title} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}
