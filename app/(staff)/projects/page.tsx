import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { MILESTONE_STATUS, PROJECT_STATUS, SERVICE_TYPE } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { StatTile } from "@/components/ui/stat-tile";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PROJECT_STATUSES, ZListProjectsSchema } from "@/lib/schemas/projects";
import { api } from "@/trpc/server";
import { formatDate, plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Projects" };

type Params = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 20;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** A weekly milestone's colour in the row's mini timeline. */
const WEEK_TONE: Record<string, string> = {
  SUCCESS: "bg-emerald-500",
  AT_RISK: "bg-amber-500",
  FAILED: "bg-red-500",
  IN_PROGRESS: "bg-sky-500",
  PENDING: "bg-muted-foreground/25",
};

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("delivery:read");
  const params = await searchParams;
  const parsed = ZListProjectsSchema.safeParse({
    status: PROJECT_STATUSES.find((s) => s === params.status),
    mine: params.mine === "1",
    search: one(params.q),
    page: Math.max(1, Math.min(10_000, Number.parseInt(one(params.page) ?? "1", 10) || 1)),
    pageSize: PAGE_SIZE,
  });
  const input = parsed.success ? parsed.data : ZListProjectsSchema.parse({ pageSize: PAGE_SIZE });
  const trpc = await api();
  const [{ rows, total }, overview] = await Promise.all([trpc.projects.list(input), trpc.overview.delivery()]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (input.search) q.set("q", input.search);
    if (input.status) q.set("status", input.status);
    if (input.mine) q.set("mine", "1");
    q.set("page", String(page));
    return `/projects?${q.toString()}`;
  };
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
                    {PROJECT_STATUS[s]?.label ?? s}
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
            <div className="overflow-x-auto">
              <Table>
                <TableCaption className="sr-only">Projects, {total} in all</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Project</TableHead>
                    <TableHead>Customer</TableHead>
                    <TableHead>Service</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Weeks</TableHead>
                    <TableHead>Technical lead</TableHead>
                    <TableHead>Guarantee ends</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell className="font-medium">
                        <Link href={`/projects/${p.id}`} className="hover:underline">
                          {p.name}
                        </Link>
                      </TableCell>
                      <TableCell>{p.customerAccount.name}</TableCell>
                      <TableCell>{SERVICE_TYPE[p.serviceType] ?? p.serviceType}</TableCell>
                      <TableCell>
                        <Badge variant={PROJECT_STATUS[p.status]?.tone ?? "outline"}>
                          {PROJECT_STATUS[p.status]?.label ?? p.status}
                        </Badge>
                      </TableCell>
                      <TableCell>
                        <ul className="flex gap-1" aria-label="Weekly milestones">
                          {p.milestones.map((m) => (
                            <li
                              key={m.weekNumber}
                              title={`Week ${m.weekNumber}: ${MILESTONE_STATUS[m.status]?.label ?? m.status}${m.score !== null ? ` (${m.score})` : ""}`}
                            >
                              <span className={`block h-3 w-5 rounded-sm ${WEEK_TONE[m.status] ?? "bg-muted"}`} />
                              <span className="sr-only">
                                Week {m.weekNumber}: {MILESTONE_STATUS[m.status]?.label ?? m.status}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </TableCell>
                      <TableCell>{p.techLead?.name ?? "Unassigned"}</TableCell>
                      <TableCell>{p.guarantee ? formatDate(p.guarantee.endsAt) : "—"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Pagination page={input.page} pages={pages} href={href} />
        </CardContent>
      </Card>
    </>
  );
}
