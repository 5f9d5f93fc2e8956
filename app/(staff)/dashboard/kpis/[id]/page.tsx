import { formatMoney } from "@/lib/money";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KPI_STATUS, rangeFromParam, withRange } from "@/components/dashboard/format";
import { KpiRowsTable } from "@/components/dashboard/kpi-rows-table";
import { RangeSelector } from "@/components/dashboard/range-selector";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatDate, plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { KPI_DEFINITIONS } from "@/domain/dashboard/definitions";
import { isKpiId } from "@/domain/dashboard/targets";

type Params = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 25;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: isKpiId(id) ? KPI_DEFINITIONS[id].label : "KPI" };
}

const num = (x: number) => (Math.round(x * 10) / 10 || 0).toLocaleString("en-US", { maximumFractionDigits: 1 });

/** One KPI opened: its definition, numerator and denominator, and the rows behind them (paged). */
export default async function KpiPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Params>;
}) {
  await requirePermission("dashboard:read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isKpiId(id)) notFound();
  const days = rangeFromParam(query.range);
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1),
  );
  const d = await (await api()).dashboard.kpi({ id, range: { days }, page, pageSize: PAGE_SIZE });
  const { kpi } = d;
  const status = KPI_STATUS[kpi.status];
  const amount = id === "expansion_revenue_rate" ? (c: number) => formatMoney(c, d.tenant.currency) : num;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={withRange("/dashboard", days)}
          className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
        >
          ← Executive dashboard
        </Link>
      </p>
      <PageHeader
        title={kpi.label}
        description={`${d.tenant.name} · last ${days} days (${formatDate(d.range.from)} – ${formatDate(d.range.to)}) · measured ${kpi.measurement}`}
        actions={<RangeSelector path={`/dashboard/kpis/${id}`} current={days} />}
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="flex flex-wrap items-center gap-3">
              <span className="text-3xl tabular-nums">{kpi.display}</span>
              <Badge variant={status.tone}>{status.label}</Badge>
              <span className="text-sm font-normal text-muted-foreground">target {kpi.targetDisplay}</span>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">Definition</dt>
              <dd>{kpi.definition}</dd>
              <dt className="font-medium">Numerator</dt>
              <dd>
                <span className="font-semibold tabular-nums">{amount(kpi.numerator.value)}</span> {kpi.numerator.label}
              </dd>
              <dt className="font-medium">Denominator</dt>
              <dd>
                <span className="font-semibold tabular-nums">{amount(kpi.denominator.value)}</span>{" "}
                {kpi.denominator.label}
              </dd>
              <dt className="font-medium">Result</dt>
              <dd>{kpi.explanation}</dd>
            </dl>
          </CardContent>
        </Card>
        <section aria-labelledby="rows-heading" className="grid gap-3">
          <h2 id="rows-heading" className="text-lg font-semibold">
            Rows behind the numbers ({d.total})
          </h2>
          <KpiRowsTable
            rows={d.rows}
            columns={d.columns}
            currency={d.tenant.currency}
            caption={`${kpi.label}: ${plural(d.total, "row")}, page ${d.page} of ${d.pages}`}
          />
          <Pagination
            page={d.page}
            pages={d.pages}
            href={(p) => withRange(`/dashboard/kpis/${id}`, days, { page: String(p) })}
          />
        </section>
      </div>
    </>
  );
}
