import type { Metadata } from "next";
import { NOTIFICATION_COLUMNS } from "@/components/lists/notification-columns";
import { MarkAllRead } from "@/components/notifications/mark-read";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/trpc/server";
import { DataTable } from "@/components/ui/data-table";
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
            <DataTable
              columns={NOTIFICATION_COLUMNS}
              rows={items.map((n) => ({ ...n, now }))}
              caption="Notifications, newest first"
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
