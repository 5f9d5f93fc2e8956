import type { Metadata } from "next";
import { AlertsCard } from "@/components/dashboard/alerts-card";
import { rangeFromParam } from "@/components/dashboard/format";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { OpportunitiesCard } from "@/components/dashboard/opportunities-card";
import { RangeSelector } from "@/components/dashboard/range-selector";
import { RecommendationsCard } from "@/components/dashboard/recommendations-card";
import { SummaryTiles } from "@/components/dashboard/summary-tiles";
import { TrendsSection } from "@/components/dashboard/trends-section";
import { PageHeader } from "@/components/shell/page-header";
import { api } from "@/lib/trpc/server";
import { formatDate } from "@/lib/utils";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Dashboard" };

type Params = Record<string, string | string[] | undefined>;

/** seed §7.2 executive dashboard; the range (30 / 90 / 365 days) lives in the URL. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePermission("dashboard:read");
  const days = rangeFromParam((await searchParams).range);
  const trpc = await api();
  const [d, trends] = await Promise.all([trpc.dashboard.summary({ range: { days } }), trpc.dashboard.trends({ range: { days } })]);
  const currency = d.tenant.currency;
  const hasData = d.kpis.some((k) => k.status !== "no_data");
  return (
    <>
      <PageHeader
        title="Executive dashboard"
        description={`${d.tenant.name} · last ${days} days (${formatDate(d.range.from)} – ${formatDate(d.range.to)})`}
        actions={<RangeSelector path="/dashboard" current={days} />}
      />
      <div className="grid gap-8">
        <SummaryTiles summary={d.summary} currency={currency} days={days} />
        <KpiGrid kpis={d.kpis} days={days} currency={currency} />
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <RecommendationsCard recommendations={d.recommendations} days={days} hasData={hasData} />
          <AlertsCard alerts={d.alerts} />
        </div>
        <TrendsSection points={trends.points} bucketDays={trends.bucketDays} currency={currency} />
        <OpportunitiesCard expansion={d.opportunities.expansion} caseStudies={d.opportunities.caseStudies} />
      </div>
    </>
  );
}
