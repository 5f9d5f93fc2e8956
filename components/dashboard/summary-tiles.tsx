import { StatTile } from "@/components/ui/stat-tile";
import { formatMoney } from "@/lib/money";
import type { DashboardSummary } from "@/domain/dashboard/summary";
import { KPI_TARGETS, kpiStatus } from "@/domain/dashboard/targets";

const TONE = { met: "success", missed: "destructive", no_data: "neutral" } as const;

/** docs/domain.md#dashboard summary_metrics, and the refund claims waiting for a decision (docs/domain.md#dashboard: what the executive sees first). */
export function SummaryTiles({
  summary,
  currency,
  days,
}: {
  summary: DashboardSummary;
  currency: string;
  days: number;
}) {
  const { successRate30: success, revenueThisMonth: revenue, csat, nps } = summary;
  return (
    <section aria-label="Summary" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <StatTile
        label="Active customers"
        value={summary.activeCustomers}
        hint="with a project in kickoff, on track or at risk"
      />
      <StatTile label="Projects in progress" value={summary.projectsInProgress} hint="kickoff, on track or at risk" />
      <StatTile
        label="Success rate, 30 days"
        value={success.display}
        tone={TONE[kpiStatus(success.value, KPI_TARGETS.project_success_rate)]}
        hint={
          success.decided === 0
            ? "no guarantee decided in 30 days"
            : `${success.succeeded} of ${success.decided} guarantees met`
        }
      />
      <StatTile
        label="Revenue this month"
        value={formatMoney(revenue.netCents, currency)}
        tone={revenue.netCents < 0 ? "destructive" : "neutral"}
        hint={`${formatMoney(revenue.bookedCents, currency)} booked − ${formatMoney(revenue.refundedCents, currency)} refunded`}
      />
      <StatTile
        label="Average CSAT"
        value={csat.display}
        hint={csat.responses === 0 ? `no answer in ${days} days` : `${csat.responses} answers, last ${days} days`}
      />
      <StatTile
        label="NPS"
        value={nps.display}
        hint={nps.responses === 0 ? `no answer in ${days} days` : `${nps.responses} answers, last ${days} days`}
      />
      <StatTile
        label="Refunds awaiting approval"
        value={summary.refundsAwaiting}
        tone={summary.refundsAwaiting > 0 ? "warning" : "neutral"}
        hint={summary.refundsAwaiting > 0 ? "claimed or under review" : "nothing waiting"}
      />
    </section>
  );
}
