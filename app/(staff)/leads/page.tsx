import type { Metadata } from "next";
import { CountCard } from "@/components/shell/count-card";
import { PageHeader } from "@/components/shell/page-header";
import { LEAD_STAGE } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatTile } from "@/components/ui/stat-tile";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/lib/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Leads & accounts" };

export default async function LeadsPage() {
  await requirePermission("pipeline:read");
  const data = await (await api()).overview.pipeline();
  const total = data.byStage.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <PageHeader title="Lead pipeline" description="Leads by stage and the strongest open leads by qualification score." />
      <section aria-label="Pipeline summary" className="grid gap-4 sm:grid-cols-3">
        <StatTile label="Leads" value={total} hint="all stages" />
        <StatTile
          label="Qualified or further"
          value={data.byStage.filter((r) => ["QUALIFIED", "FEASIBILITY", "PROPOSAL", "CONVERTED"].includes(r.stage)).reduce((s, r) => s + r.count, 0)}
          hint="score ≥ 60 (seed §6)"
        />
        <StatTile label="My open tasks" value={data.myOpenTasks} hint="assigned to you" />
      </section>
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <CountCard
          title="By stage"
          empty={{ title: "No leads yet" }}
          rows={data.byStage.map((r) => ({ key: r.stage, count: r.count, label: <span>{LEAD_STAGE[r.stage] ?? r.stage}</span> }))}
        />
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle as="h2">Top open leads</CardTitle>
          </CardHeader>
          <CardContent>
            {data.topLeads.length === 0 ? (
              <EmptyState title="No open leads" description="New leads appear here as soon as they are created." />
            ) : (
              <Table>
                <TableCaption className="sr-only">Open leads sorted by qualification score</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Company</TableHead>
                    <TableHead>Stage</TableHead>
                    <TableHead className="text-right">Score</TableHead>
                    <TableHead>Owner</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.topLeads.map((lead) => (
                    <TableRow key={lead.id}>
                      <TableCell className="font-medium">
                        {lead.company}
                        {lead.source === "SELF_SERVICE" ? <Badge variant="outline" className="ml-2">self-service</Badge> : null}
                      </TableCell>
                      <TableCell>{LEAD_STAGE[lead.stage] ?? lead.stage}</TableCell>
                      <TableCell className="text-right tabular-nums">{lead.latestScore === null ? "—" : lead.latestScore.toFixed(1)}</TableCell>
                      <TableCell>{lead.owner?.name ?? "Unassigned"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
