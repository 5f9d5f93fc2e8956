import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { PROJECT_STATUS, SERVICE_TYPE } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatTile } from "@/components/ui/stat-tile";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/lib/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  await requirePermission("delivery:read");
  const data = await (await api()).overview.delivery();
  const atRisk = data.projects.filter((p) => p.status === "AT_RISK").length;
  return (
    <>
      <PageHeader title="Delivery" description="Projects in progress, milestones due this week and quality gates that escalated." />
      <section aria-label="Delivery summary" className="grid gap-4 sm:grid-cols-3">
        <StatTile label="Projects in progress" value={data.projects.length} />
        <StatTile label="Milestones due this week" value={data.dueThisWeek} hint="Monday to Sunday" />
        <StatTile
          label="Escalated quality checks"
          value={data.failingGates}
          tone={data.failingGates > 0 ? "destructive" : "neutral"}
          hint={atRisk > 0 ? `${atRisk} project(s) at risk` : "this week"}
        />
      </section>
      <Card className="mt-6">
        <CardContent className="pt-6">
          {data.projects.length === 0 ? (
            <EmptyState title="No projects in progress" description="Kick off a qualified lead to start one." />
          ) : (
            <Table>
              <TableCaption className="sr-only">Projects in progress</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Project</TableHead>
                  <TableHead>Customer</TableHead>
                  <TableHead>Service</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Technical lead</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.projects.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell className="font-medium">{p.name}</TableCell>
                    <TableCell>{p.customerAccount.name}</TableCell>
                    <TableCell>{SERVICE_TYPE[p.serviceType] ?? p.serviceType}</TableCell>
                    <TableCell>
                      <Badge variant={PROJECT_STATUS[p.status]?.tone ?? "outline"}>{PROJECT_STATUS[p.status]?.label ?? p.status}</Badge>
                    </TableCell>
                    <TableCell>{p.techLead?.name ?? "Unassigned"}</TableCell>
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
