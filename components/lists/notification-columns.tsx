"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { MarkRead } from "@/components/notifications/mark-read";
import type { DataTableColumn } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AppRouter } from "@/server/api/root";

/** now: the page's clock, so every row's "5 minutes ago" is counted from the same moment */
type NotificationRow = inferRouterOutputs<AppRouter>["notifications"]["list"][number] & { now: Date };

export const NOTIFICATION_COLUMNS: DataTableColumn<NotificationRow>[] = [
  {
    id: "notification",
    header: "Notification",
    className: "whitespace-normal",
    cell: (n) => (
      <>
        <span className={n.readAt ? "block text-muted-foreground" : "block font-medium"}>
          {n.link ? (
            <Link className="hover:underline" href={n.link}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
        </span>
        {n.body ? <span className="block text-sm text-muted-foreground">{n.body}</span> : null}
      </>
    ),
  },
  {
    id: "when",
    header: "When",
    className: "whitespace-nowrap",
    cell: (n) => <RelativeTime className="text-xs text-muted-foreground" date={n.createdAt} now={n.now} />,
  },
  {
    id: "read",
    header: "Read",
    cell: (n) => (n.readAt ? "Read" : <MarkRead notificationId={n.id} title={n.title} />),
  },
];
