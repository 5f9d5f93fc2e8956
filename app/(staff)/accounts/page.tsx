import type { Metadata } from "next";
import Link from "next/link";
import { Upload } from "lucide-react";
import { HEALTH_BAND, STRATEGY, healthTone } from "@/components/retention/labels";
import { Sparkline } from "@/components/retention/sparkline";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HealthBand } from "@/lib/schemas/retention";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Customer health" };

const SORTS = { health_asc: "Health, lowest first", health_desc: "Health, highest first", name: "Name" } as const;
type Sort = keyof typeof SORTS;

/** The CSM's accounts by health (docs/domain.md#retention): score, 30-day trend, expansion potential, strategy, open tasks. */
export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("retention:read");
  const params = await searchParams;
  const sort = (Object.keys(SORTS) as Sort[]).find((s) => s === params.sort) ?? "health_asc";
  const band = (Object.keys(HEALTH_BAND) as HealthBand[]).find((b) => b === params.band);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const { accounts, pages } = await (await api()).retention.accounts({ sort, band, page, pageSize: 50 });
  const href = (q: { sort?: Sort; band?: HealthBand | null; page?: number }) => {
    const u = new URLSearchParams({ sort: q.sort ?? sort });
    const b = q.band === undefined ? band : q.band;
    if (b) u.set("band", b);
    if (q.page && q.page > 1) u.set("page", String(q.page));
    return `/accounts?${u.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Customer health"
        description="Customer health from delivery, satisfaction and engagement; the retention strategy each account is on."
        actions={
          can(user.role, "accounts:write") ? (
            <Button asChild variant="outline">
              <Link href="/accounts/import">
                <Upload aria-hidden /> Import CSV
              </Link>
            </Button>
          ) : null
        }
      />
      <nav aria-label="Sort accounts" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(SORTS) as Sort[]).map((s) => (
          <Link
            key={s}
            href={href({ sort: s })}
            aria-current={s === sort ? "page" : undefined}
            className="rounded-md border px-3 py-1 text-sm aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
          >
            {SORTS[s]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Filter accounts by health" className="mb-4 flex flex-wrap gap-2">
        {([null, ...Object.keys(HEALTH_BAND)] as (HealthBand | null)[]).map((b) => (
          <Link
            key={b ?? "all"}
            href={href({ band: b })}
            aria-current={(b ?? undefined) === band ? "page" : undefined}
            className="rounded-md border px-3 py-1 text-sm aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
          >
            {b ? HEALTH_BAND[b] : "All"}
          </Link>
        ))}
      </nav>
      <Card>
        <CardContent>
          {accounts.length === 0 ? (
            band ? (
              <EmptyState
                title="No account in this band"
                description="Choose another band, or all accounts."
                headingAs="h2"
              />
            ) : (
              <EmptyState
                title="No customer accounts yet"
                description="An account is created when a lead's project is kicked off, or imported from a CSV file."
                headingAs="h2"
              />
            )
          ) : (
            <Table>
              <TableCaption>
                Each account&apos;s current score, recorded by the daily run or a recompute; the trend covers the last
                30 days.
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Account</TableHead>
                  <TableHead className="text-right">Health</TableHead>
                  <TableHead>30-day trend</TableHead>
                  <TableHead className="text-right">Expansion</TableHead>
                  <TableHead>Strategy</TableHead>
                  <TableHead className="text-right">Open tasks</TableHead>
                  <TableHead>Next touchpoint</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {accounts.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>
                      <Link href={`/accounts/${a.id}`} className="font-medium underline">
                        {a.name}
                      </Link>
                      <span className="block text-xs text-muted-foreground">
                        {a.industry ?? "—"} · CSM {a.csm?.name ?? "unassigned"}
                      </span>
                    </TableCell>
                    <TableCell className="text-right">
                      {a.health === null ? "—" : <Badge variant={healthTone(a.health)}>{a.health}</Badge>}
                    </TableCell>
                    <TableCell>
                      <Sparkline
                        points={a.trend.map((t) => t.score)}
                        label={
                          a.change === null
                            ? "Not enough history"
                            : `${a.change >= 0 ? "Up" : "Down"} ${Math.abs(a.change)} points over ${a.trend.length} days`
                        }
                      />
                    </TableCell>
                    <TableCell className="text-right">{a.expansion ?? "—"}</TableCell>
                    <TableCell>
                      {a.strategy ? (
                        <Badge variant={STRATEGY[a.strategy]?.tone ?? "outline"}>
                          {STRATEGY[a.strategy]?.label ?? a.strategy}
                        </Badge>
                      ) : (
                        <span className="text-muted-foreground">{a.noPlanReason}</span>
                      )}
                    </TableCell>
                    <TableCell className="text-right">{a.openTasks}</TableCell>
                    <TableCell>{a.nextTouchpointAt ? formatDate(a.nextTouchpointAt) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination page={page} pages={pages} href={(p) => href({ page: p })} />
        </CardContent>
      </Card>
    </>
  );
}
