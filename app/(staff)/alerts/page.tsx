import type { Metadata } from "next";
import Link from "next/link";
import { ResolveAlert } from "@/components/alerts/resolve-alert";
import { PageHeader } from "@/components/shell/page-header";
import { ALERT_SEVERITY, alertKindLabel } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ALERT_SEVERITIES, ALERT_STATUS_FILTERS, type AlertStatusFilter } from "@/lib/schemas/alerts";
import { api } from "@/trpc/server";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Alerts" };

const PAGE_SIZE = 25;
const STATUS_LABEL: Record<AlertStatusFilter, string> = { open: "Open", resolved: "Resolved", all: "All" };
type Severity = (typeof ALERT_SEVERITIES)[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Every alert of the tenant (the dashboard shows the 8 most severe open ones): open, resolved or all,
 * by severity, 25 a page, most severe and newest first. Staff who deal with one resolve it with a note.
 */
export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePermission("alerts:read");
  const params = await searchParams;
  const status = ALERT_STATUS_FILTERS.find((s) => s === one(params.status)) ?? "open";
  const severity = ALERT_SEVERITIES.find((s) => s === one(params.severity));
  const requested = Number(one(params.page) ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const data = await (await api()).alerts.list({ status, severity, page, pageSize: PAGE_SIZE });
  const canResolve = can(me.role, "alerts:resolve");
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const openTotal = Object.values(data.open).reduce((s, n) => s + (n ?? 0), 0);
  const href = (p: { status?: AlertStatusFilter; severity?: Severity | null; page?: number }) => {
    const q = new URLSearchParams();
    q.set("status", p.status ?? status);
    const sev = p.severity === undefined ? severity : p.severity;
    if (sev) q.set("severity", sev);
    if ((p.page ?? 1) > 1) q.set("page", String(p.page));
    return `/alerts?${q.toString()}`;
  };
  const chip =
    "rounded-md border px-3 py-1 text-sm aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground";

  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${openTotal} open. Raised by validations, jobs, quality gates and refund claims; a later validation resolves a week's alerts itself.`}
        actions={
          <a
            href={`/api/alerts/export?${new URLSearchParams({ status, ...(severity ? { severity } : {}) }).toString()}`}
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            download
          >
            Download CSV
          </a>
        }
      />
      <div className="mb-4 grid gap-2">
        <nav aria-label="Alert status" className="flex flex-wrap gap-2">
          {ALERT_STATUS_FILTERS.map((s) => (
            <Link
              key={s}
              href={href({ status: s, page: 1 })}
              aria-current={s === status ? "page" : undefined}
              className={chip}
            >
              {STATUS_LABEL[s]}
            </Link>
          ))}
        </nav>
        <nav aria-label="Severity" className="flex flex-wrap gap-2">
          <Link href={href({ severity: null, page: 1 })} aria-current={!severity ? "page" : undefined} className={chip}>
            Any severity
          </Link>
          {ALERT_SEVERITIES.map((s) => (
            <Link
              key={s}
              href={href({ severity: s, page: 1 })}
              aria-current={s === severity ? "page" : undefined}
              className={chip}
            >
              {ALERT_SEVERITY[s]?.label ?? s} ({data.open[s] ?? 0} open)
            </Link>
          ))}
        </nav>
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
            <Table>
              <TableCaption>
                {data.total} alert{data.total === 1 ? "" : "s"} · page {data.page} of {pages} · most severe first, then
                newest
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Severity</TableHead>
                  <TableHead>Alert</TableHead>
                  <TableHead>Raised</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((a) => (
                  <TableRow key={a.id} className="align-top">
                    <TableCell>
                      <Badge variant={ALERT_SEVERITY[a.severity]?.tone ?? "outline"}>
                        {ALERT_SEVERITY[a.severity]?.label ?? a.severity}
                      </Badge>
                    </TableCell>
                    <TableCell className="max-w-xl whitespace-normal">
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
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-sm">{formatDateTime(a.createdAt)}</TableCell>
                    <TableCell className="min-w-56 whitespace-normal">
                      {a.resolvedAt ? (
                        <span className="text-sm text-muted-foreground">Resolved {formatDateTime(a.resolvedAt)}</span>
                      ) : canResolve ? (
                        <ResolveAlert alertId={a.id} label={`the alert “${a.message.slice(0, 60)}”`} />
                      ) : (
                        <span className="text-sm">Open</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
              {data.page > 1 ? (
                <Link href={href({ page: data.page - 1 })} className="underline">
                  Previous page
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted-foreground">
                Page {data.page} of {pages}
              </span>
              {data.page < pages ? (
                <Link href={href({ page: data.page + 1 })} className="underline">
                  Next page
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </CardContent>
      </Card>
    </>
  );
}
