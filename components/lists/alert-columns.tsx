"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { ResolveAlert } from "@/components/alerts/resolve-alert";
import { ALERT_SEVERITY_LABEL, alertKindLabel } from "@/domain/alerts/registry";
import { ALERT_SEVERITY_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";

/** canResolve: whether the viewer may resolve it (the page checks the permission) */
type AlertRow = inferRouterOutputs<AppRouter>["alerts"]["list"]["items"][number] & { canResolve: boolean };

export const ALERT_COLUMNS: DataTableColumn<AlertRow>[] = [
  {
    id: "severity",
    header: "Severity",
    cell: (a) => <Badge variant={ALERT_SEVERITY_TONE[a.severity]}>{ALERT_SEVERITY_LABEL[a.severity]}</Badge>,
  },
  {
    id: "alert",
    header: "Alert",
    className: "max-w-xl whitespace-normal",
    cell: (a) => (
      <>
        {a.href ? (
          <Link href={a.href} className="font-medium underline-offset-4 hover:underline">
            {a.message}
          </Link>
        ) : (
          <span className="font-medium">{a.message}</span>
        )}
        <span className="block text-xs text-muted-foreground">
          {[alertKindLabel(a.kind), a.projectName, a.accountName].filter(Boolean).join(" · ")}
        </span>
      </>
    ),
  },
  { id: "raised", header: "Raised", className: "whitespace-nowrap", cell: (a) => formatDateTime(a.createdAt) },
  {
    id: "status",
    header: "Status",
    className: "min-w-56 whitespace-normal",
    cell: (a) =>
      a.resolvedAt ? (
        <span className="text-sm text-muted-foreground">Resolved {formatDateTime(a.resolvedAt)}</span>
      ) : a.canResolve ? (
        <ResolveAlert alertId={a.id} label={`the alert “${a.message.slice(0, 60)}”`} />
      ) : (
        <span className="text-sm">Open</span>
      ),
  },
];
