import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ALERT_SEVERITY, PROJECT_STATUS } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { CountCard } from "@/components/shell/count-card";
import { StatTile } from "@/components/ui/stat-tile";
import { api } from "@/lib/trpc/server";
import { formatCents } from "@/lib/utils";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePermission("dashboard:read");
  const data = await (await api()).overview.executive();
  const inProgress = data.projectsByStatus
    .filter((r) => ["KICKOFF", "ACTIVE", "AT_RISK"].includes(r.status))
    .reduce((sum, r) => sum + r.count, 0);
  const openAlerts = data.openAlerts.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <PageHeader title="Executive dashboard" description={`${user.tenantName} at a glance. Full KPIs against targets arrive with the dashboard engine.`} />
      <section aria-label="Summary" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatTile label="Active customers" value={data.activeAccounts} hint="accounts with a project in progress" />
        <StatTile label="Projects in progress" value={inProgress} hint="kickoff, on track or at risk" />
        <StatTile
          label="Refunds awaiting approval"
          value={data.refundsAwaiting}
          tone={data.refundsAwaiting > 0 ? "warning" : "neutral"}
          hint={data.refundsAwaiting > 0 ? "claimed or under review" : "nothing waiting"}
        />
        <StatTile label="Booked, last 30 days" value={formatCents(data.bookedSinceCents)} hint="contract value of new projects" />
      </section>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <CountCard
          title="Projects by status"
          empty={{ title: "No projects yet", description: "Projects appear here once a lead is kicked off." }}
          rows={data.projectsByStatus.map((r) => ({
            key: r.status,
            count: r.count,
            label: <Badge variant={PROJECT_STATUS[r.status]?.tone ?? "outline"}>{PROJECT_STATUS[r.status]?.label ?? r.status}</Badge>,
          }))}
        />
        <CountCard
          title={`Open alerts (${openAlerts})`}
          empty={{ title: "No open alerts", description: "Escalations and risks show up here." }}
          rows={data.openAlerts.map((r) => ({
            key: r.severity,
            count: r.count,
            label: <Badge variant={ALERT_SEVERITY[r.severity]?.tone ?? "outline"}>{ALERT_SEVERITY[r.severity]?.label ?? r.severity}</Badge>,
          }))}
        />
      </div>
    </>
  );
}
