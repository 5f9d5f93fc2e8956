import type { TrendChartPoint } from "@/components/charts/trend-charts";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/format";
import type { TrendPoint } from "@/domain/dashboard/trends";
import { KPI_TARGETS } from "@/domain/dashboard/targets";
import { ChartsSkeleton, LazyTrendCharts } from "./trend-charts-lazy";

const dash = (v: number | null, unit = "") => (v === null ? "—" : `${v}${unit}`);
const label = (d: Date) => formatDate(d).replace(/, \d{4}$/, "");

function TrendsHeading({ bucketDays }: { bucketDays: number | null }) {
  return (
    <div>
      <h2 id="trends-heading" className="text-lg font-semibold">
        Trends
      </h2>
      <p className="text-sm text-muted-foreground">
        {bucketDays === null
          ? "Loading the trends…"
          : `One point per ${bucketDays} days; empty periods are gaps, not zeros.`}
      </p>
    </div>
  );
}

/** The section's place while its data streams in (the page shows the summary and KPIs first). */
export function TrendsSkeleton() {
  return (
    <section aria-labelledby="trends-heading" className="grid gap-3">
      <TrendsHeading bucketDays={null} />
      <ChartsSkeleton />
    </section>
  );
}

/** docs/domain.md#dashboard trend_data over the range: charts for the eye, the same numbers as a table for everyone. */
export function TrendsSection({
  points,
  bucketDays,
  currency,
}: {
  points: TrendPoint[];
  bucketDays: number;
  currency: string;
}) {
  const chart: TrendChartPoint[] = points.map((p) => ({
    label: label(p.from),
    successRate: p.successRate,
    csat: p.csat,
    nps: p.nps,
    booked: p.bookedCents,
    refunded: p.refundedCents,
    net: p.netRevenueCents,
    expansion: p.expansionCents,
    expansionScore: p.expansionScore,
  }));
  return (
    <section aria-labelledby="trends-heading" className="grid gap-3">
      <TrendsHeading bucketDays={bucketDays} />
      <LazyTrendCharts
        points={chart}
        currency={currency}
        targets={{
          successRate: KPI_TARGETS.project_success_rate.value,
          csat: KPI_TARGETS.customer_satisfaction_score.value,
          nps: KPI_TARGETS.net_promoter_score.value,
        }}
      />
      <details className="rounded-lg border p-3 text-sm">
        <summary className="cursor-pointer font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Show the trend numbers as a table
        </summary>
        <Table className="mt-3">
          <TableCaption className="sr-only">Trends per period</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Period from</TableHead>
              <TableHead className="text-right">Success rate</TableHead>
              <TableHead className="text-right">CSAT</TableHead>
              <TableHead className="text-right">NPS</TableHead>
              <TableHead className="text-right">Booked</TableHead>
              <TableHead className="text-right">Refunded</TableHead>
              <TableHead className="text-right">Expansion revenue</TableHead>
              <TableHead className="text-right">Expansion potential</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {points.map((p) => (
              <TableRow key={p.from.toISOString()}>
                <TableCell>{formatDate(p.from)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {dash(p.successRate, "%")}
                  {p.decided ? ` (${p.decided})` : ""}
                </TableCell>
                <TableCell className="text-right tabular-nums">{dash(p.csat)}</TableCell>
                <TableCell className="text-right tabular-nums">{dash(p.nps)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(p.bookedCents, currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(p.refundedCents, currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(p.expansionCents, currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{dash(p.expansionScore)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </section>
  );
}
