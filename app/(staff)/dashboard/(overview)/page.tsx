import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertsCard } from "@/components/dashboard/alerts-card";
import { rangeFromParam } from "@/components/dashboard/format";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { OpportunitiesCard } from "@/components/dashboard/opportunities-card";
import { RangeSelector } from "@/components/dashboard/range-selector";
import { RecommendationsCard } from "@/components/dashboard/recommendations-card";
import { SummaryTiles } from "@/components/dashboard/summary-tiles";
import { TrendsSection, TrendsSkeleton } from "@/components/dashboard/trends-section";
import { PageHeader } from "@/components/shell/page-header";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import type { TrendPoint } from "@/domain/dashboard/trends";

export const metadata: Metadata = { title: "Dashboard" };

type Params = Record<string, string | string[] | undefined>;
async function Trends({
  trends,
  currency,
}: {
  trends: Promise<{ points: TrendPoint[]; bucketDays: number }>;
  currency: string;
}) {
  const t = await trends;
  return <TrendsSection points={t.points} bucketDays={t.bucketDays} currency={currency} />;
}

/** docs/domain.md#dashboard executive dashboard; the range (30 / 90 / 365 days) lives in the URL. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePermission("dashboard:read");
  const days = rangeFromParam((await searchParams).range);
  const trpc = await api();
  // both start now; the trends (the slower statement on a large tenant) stream into their own boundary
  // after the summary and KPIs, so the page's first content neither waits for them nor hydrates with them
  const trends = trpc.dashboard.trends({ range: { days } });
  trends.catch(() => undefined); // awaited (and its error shown) by <Trends>; not an unhandled rejection meanwhile
  const d = await trpc.dashboard.summary({ range: { days } });
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
        <Suspense fallback={<TrendsSkeleton />}>
          <Trends trends={trends} currency={currency} />
        </Suspense>
        <OpportunitiesCard expansion={d.opportunities.expansion} caseStudies={d.opportunities.caseStudies} />
      </div>
    </>
  );
}
