import Link from "next/link";
import { ALERT_SEVERITY_LABEL, alertKindLabel } from "@/domain/alerts/registry";
import { ALERT_SEVERITY_TONE } from "@/components/shell/status-tone";
import type { AlertKind, AlertSeverity } from "@/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

type AlertItem = {
  id: string;
  severity: AlertSeverity;
  kind: AlertKind;
  message: string;
  createdAt: Date;
  projectName: string | null;
  accountName: string | null;
  href: string | null;
};
type Alerts = { total: number; bySeverity: { severity: AlertSeverity; count: number }[]; items: AlertItem[] };

/** Active (unresolved) alerts: counts by severity, then the most severe, each linked to its project. */
export function AlertsCard({ alerts }: { alerts: Alerts }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Active alerts</CardTitle>
        <CardDescription>
          {alerts.total === 0 ? "Nothing needs attention." : `${alerts.total} unresolved, most severe first.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {alerts.total === 0 ? (
          <EmptyState title="No active alerts" description="Escalations, risks and refund claims show up here." />
        ) : (
          <>
            <ul aria-label="Active alerts by severity" className="flex flex-wrap gap-2">
              {alerts.bySeverity.map((s) => (
                <li key={s.severity}>
                  <Badge variant={ALERT_SEVERITY_TONE[s.severity]}>
                    {ALERT_SEVERITY_LABEL[s.severity]}: {s.count}
                  </Badge>
                </li>
              ))}
            </ul>
            <ul className="grid gap-3">
              {alerts.items.map((a) => (
                <li key={a.id} className="grid gap-1 border-b pb-3 text-sm last:border-0 last:pb-0">
                  <span className="flex items-center gap-2">
                    <Badge variant={ALERT_SEVERITY_TONE[a.severity]}>{ALERT_SEVERITY_LABEL[a.severity]}</Badge>
                    <span className="text-xs text-muted-foreground">{formatDateTime(a.createdAt)}</span>
                  </span>
                  {a.href ? (
                    <Link href={a.href} className="font-medium underline-offset-4 hover:underline">
                      {a.message}
                    </Link>
                  ) : (
                    <span className="font-medium">{a.message}</span>
                  )}
                  <span className="text-xs text-muted-foreground">
                    {[alertKindLabel(a.kind), a.projectName, a.accountName].filter(Boolean).join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">
              {alerts.total > alerts.items.length ? `${alerts.total - alerts.items.length} more not shown. ` : ""}
              <Link href="/alerts" className="font-medium text-primary underline-offset-4 hover:underline">
                All alerts
              </Link>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
