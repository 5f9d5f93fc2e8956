import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { PROJECT_COLUMNS } from "@/components/lists/project-columns";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { StatTile } from "@/components/ui/stat-tile";
import { PROJECT_STATUSES, ZListProjectsSchema } from "@/lib/schemas/projects";
import { api } from "@/trpc/server";
import { plural } from "@/lib/format";
import {
  listHref,
  parseSearchParams,
  zFlagParam,
  zOneOfParam,
  zPageParam,
  zTextParam,
  type RawSearchParams,
} from "@/lib/search-params";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Projects" };

const PAGE_SIZE = 20;

const ZProjectParams = z.object({
  q: zTextParam(100),
  status: zOneOfParam(PROJECT_STATUSES),
  mine: zFlagParam,
  page: zPageParam,
});

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("delivery:read");
  const params = parseSearchParams(ZProjectParams, await searchParams);
  const input = ZListProjectsSchema.parse({
    status: params.status,
    mine: params.mine,
    search: params.q,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  const trpc = await api();
  const [{ rows, total }, overview] = await Promise.all([trpc.projects.list(input), trpc.overview.delivery()]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) => listHref("/projects", { ...params, page });
  const atRisk = overview.projects.filter((p) => p.status === "AT_RISK").length;
  return (
    <>
      <PageHeader
        title="Projects"
        description="Every project with its weekly milestones; open one to validate a week, follow quality gates and manage CI tokens."
      />
      <section aria-label="Delivery summary" className="grid gap-4 sm:grid-cols-3">
        <StatTile label="Projects in progress" value={overview.projects.length} />
        <StatTile label="Milestones due this week" value={overview.dueThisWeek} hint="Monday to Sunday" />
        <StatTile
          label="Escalated quality checks"
          value={overview.failingGates}
          tone={overview.failingGates > 0 ? "destructive" : "neutral"}
          hint={atRisk > 0 ? `${plural(atRisk, "project")} at risk` : "this week"}
        />
      </section>
      <Card className="mt-6">
        <CardHeader>
          <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter projects">
            <label className="grid gap-1 text-sm">
              <span>Search</span>
              <Input name="q" defaultValue={input.search ?? ""} placeholder="Project or customer" className="w-56" />
            </label>
            <label className="grid gap-1 text-sm">
              <span>Status</span>
              <NativeSelect name="status" defaultValue={input.status ?? ""} className="w-40">
                <option value="">Any</option>
                {PROJECT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {PROJECT_STATUS_LABEL[s]}
                  </option>
                ))}
              </NativeSelect>
            </label>
            {user.role === "TECH_LEAD" ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="mine" value="1" defaultChecked={input.mine} className="size-4" /> Only mine
              </label>
            ) : null}
            <Button type="submit" variant="outline">
              Apply
            </Button>
          </form>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState
              title="No projects match"
              description={
                total === 0 && !input.search && !input.status
                  ? "Kick off a lead with a chosen tier to start one."
                  : "Try other filters."
              }
            />
          ) : (
            <DataTable columns={PROJECT_COLUMNS} rows={rows} caption={`Projects, ${total} in all`} />
          )}
          <Pagination page={input.page} pages={pages} href={href} />
        </CardContent>
      </Card>
    </>
  );
}
