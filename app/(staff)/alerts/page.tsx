import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { ALERT_SEVERITY_LABEL } from "@/domain/alerts/registry";
import { Pagination } from "@/components/shell/pagination";
import { ALERT_COLUMNS } from "@/components/lists/alert-columns";
import { DataTable } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ALERT_SEVERITIES, ALERT_STATUS_FILTERS, type AlertStatusFilter } from "@/lib/schemas/alerts";
import { api } from "@/trpc/server";
import { plural } from "@/lib/format";
import { listHref, parseSearchParams, zOneOfParam, zPageParam, type RawSearchParams } from "@/lib/search-params";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Alerts" };

const PAGE_SIZE = 25;
const STATUS_LABEL: Record<AlertStatusFilter, string> = { open: "Open", resolved: "Resolved", all: "All" };

const ZAlertParams = z.object({
  status: zOneOfParam(ALERT_STATUS_FILTERS, "open"),
  severity: zOneOfParam(ALERT_SEVERITIES),
  page: zPageParam,
});

/**
 * Every alert of the tenant (the dashboard shows the 8 most severe open ones): open, resolved or all,
 * by severity, 25 a page, most severe and newest first. Staff who deal with one resolve it with a note.
 */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePermission("alerts:read");
  const { status, severity, page } = parseSearchParams(ZAlertParams, await searchParams);
  const data = await (await api()).alerts.list({ status, severity, page, pageSize: PAGE_SIZE });
  const canResolve = can(me.role, "alerts:resolve");
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const openTotal = Object.values(data.open).reduce((s, n) => s + (n ?? 0), 0);
  const href = (over: { status?: AlertStatusFilter; severity?: string | null; page?: number }) =>
    listHref("/alerts", { status, severity, page, ...over });

  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${openTotal} open. Raised by validations, jobs, quality gates and refund claims; a later validation resolves a week's alerts itself.`}
        actions={
          <a
            href={listHref("/api/alerts/export", { status, severity })}
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            download
          >
            Download CSV
          </a>
        }
      />
      <div className="mb-4 grid gap-2">
        <FilterChips
          label="Alert status"
          chips={ALERT_STATUS_FILTERS.map((s) => ({
            key: s,
            label: STATUS_LABEL[s],
            href: href({ status: s, page: 1 }),
            current: s === status,
          }))}
        />
        <FilterChips
          label="Severity"
          chips={[
            { key: "any", label: "Any severity", href: href({ severity: null, page: 1 }), current: !severity },
            ...ALERT_SEVERITIES.map((s) => ({
              key: s,
              label: `${ALERT_SEVERITY_LABEL[s]} (${data.open[s] ?? 0} open)`,
              href: href({ severity: s, page: 1 }),
              current: s === severity,
            })),
          ]}
        />
      </div>
      <Card>
        <CardContent>
          {data.items.length === 0 ? (
            <EmptyState
              headingAs="h2"
              title={status === "open" ? "No open alerts" : "No alerts here"}
              description={
                status === "open"
                  ? "Escalations, risks and refund claims show up here when they are raised."
                  : "Try another filter."
              }
            />
          ) : (
            <DataTable
              columns={ALERT_COLUMNS}
              rows={data.items.map((a) => ({ ...a, canResolve }))}
              caption={`${plural(data.total, "alert")} · page ${data.page} of ${pages} · most severe first, then newest`}
              captionVisible
            />
          )}
          <Pagination page={data.page} pages={pages} href={(p) => href({ page: p })} />
        </CardContent>
      </Card>
    </>
  );
}
