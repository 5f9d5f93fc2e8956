import type { Metadata } from "next";
import Link from "next/link";
import { Upload } from "lucide-react";
import { STRATEGY, healthTone } from "@/components/retention/labels";
import { Sparkline } from "@/components/retention/sparkline";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/lib/trpc/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/server/auth/permissions";

export const metadata: Metadata = { title: "Customer health" };

const SORTS = { health_asc: "Health, lowest first", health_desc: "Health, highest first", name: "Name" } as const;
type Sort = keyof typeof SORTS;

/** The CSM's accounts by health (seed §5.2): score, 30-day trend, expansion potential, strategy, open tasks. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("retention:read");
  const raw = (await searchParams).sort;
  const sort = (Object.keys(SORTS) as Sort[]).find((s) => s === raw) ?? "health_asc";
  const { accounts } = await (await api()).retention.accounts({ sort });

  return (
    <>
      <PageHeader
        title="Customer health"
        description="Customer health from delivery, satisfaction and engagement; the retention strategy each account is on."
        actions={can(user.role, "accounts:write") ? <Button asChild variant="outline"><Link href="/accounts/import"><Upload aria-hidden /> Import CSV</Link></Button> : null}
      />
      <nav aria-label="Sort accounts" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(SORTS) as Sort[]).map((s) => (
          <Link key={s} href={`/accounts?sort=${s}`} aria-current={s === sort ? "page" : undefined}
            className="rounded-md border px-3 py-1 text-sm aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground">
            {SORTS[s]}
          </Link>
        ))}
      </nav>
      <Card>
        <CardContent>
          {accounts.length === 0 ? (
            <EmptyState title="No customer accounts yet" description="An account is created when a lead's project is kicked off, or imported from a CSV file." headingAs="h2" />
          ) : (
            <Table>
              <TableCaption>Scores from the latest daily snapshot; the trend covers the last 30 days.</TableCaption>
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
                      <Link href={`/accounts/${a.id}`} className="font-medium underline">{a.name}</Link>
                      <span className="block text-xs text-muted-foreground">{a.industry ?? "—"} · CSM {a.csm?.name ?? "unassigned"}</span>
                    </TableCell>
                    <TableCell className="text-right">{a.health === null ? "—" : <Badge variant={healthTone(a.health)}>{a.health}</Badge>}</TableCell>
                    <TableCell>
                      <Sparkline points={a.trend.map((t) => t.score)} label={a.change === null ? "Not enough history" : `${a.change >= 0 ? "Up" : "Down"} ${Math.abs(a.change)} points over ${a.trend.length} days`} />
                    </TableCell>
                    <TableCell className="text-right">{a.expansion ?? "—"}</TableCell>
                    <TableCell>{a.strategy ? <Badge variant={STRATEGY[a.strategy]?.tone ?? "outline"}>{STRATEGY[a.strategy]?.label ?? a.strategy}</Badge> : <span className="text-muted-foreground">No plan</span>}</TableCell>
                    <TableCell className="text-right">{a.openTasks}</TableCell>
                    <TableCell>{a.nextTouchpointAt ? formatDate(a.nextTouchpointAt) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
