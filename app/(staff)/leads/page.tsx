import type { Metadata } from "next";
import { z } from "zod";
import Link from "next/link";
import { Download, Upload } from "lucide-react";
import { NewLeadDialog } from "@/components/leads/new-lead-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { DataTable } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { LEAD_COLUMNS } from "@/components/lists/lead-columns";
import { LEAD_SORTS, LEAD_STAGES, ZListLeadsSchema } from "@/lib/schemas/leads";
import {
  listHref,
  parseSearchParams,
  zManyOfParam,
  zNumberParam,
  zOneOfParam,
  zPageParam,
  zTextParam,
  type RawSearchParams,
} from "@/lib/search-params";
import { api } from "@/trpc/server";
import { plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Leads" };

const PAGE_SIZE = 20;

/** Filters live in the URL, so a filtered view can be bookmarked, shared and exported as CSV. */
const ZLeadParams = z.object({
  q: zTextParam(100),
  stage: zManyOfParam(LEAD_STAGES),
  minScore: zNumberParam(0, 100),
  maxScore: zNumberParam(0, 100),
  sort: zOneOfParam(LEAD_SORTS, "created"),
  dir: zOneOfParam(["asc", "desc"], "desc"),
  page: zPageParam,
});

export default async function LeadsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("pipeline:read");
  const params = parseSearchParams(ZLeadParams, await searchParams);
  // the one rule a single field cannot check: a minimum above the maximum is shown, and the scores ignored
  const parsed = ZListLeadsSchema.safeParse({
    search: params.q,
    stages: params.stage,
    minScore: params.minScore,
    maxScore: params.maxScore,
    sort: params.sort,
    direction: params.dir,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  const input = parsed.success
    ? parsed.data
    : ZListLeadsSchema.parse({
        search: params.q,
        stages: params.stage,
        sort: params.sort,
        direction: params.dir,
        page: params.page,
        pageSize: PAGE_SIZE,
      });
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid filter");
  const trpc = await api();
  const [{ rows, total }, overview] = await Promise.all([trpc.leads.list(input), trpc.overview.pipeline()]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (over: Partial<typeof params>) => listHref("/leads", { ...params, ...over });
  const sortHref = Object.fromEntries(
    LEAD_SORTS.map((sort) => [
      sort,
      { asc: href({ sort, dir: "asc", page: 1 }), desc: href({ sort, dir: "desc", page: 1 }) },
    ]),
  );

  return (
    <>
      <PageHeader
        title="Lead pipeline"
        description={`${plural(total, "lead")} match · ${plural(overview.myOpenTasks, "open task")} assigned to you`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <a href={href({ page: 1 }).replace("/leads", "/api/leads/export")}>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
            {can(user.role, "leads:write") ? (
              <Button asChild variant="outline">
                <Link href="/leads/import">
                  <Upload aria-hidden /> Import CSV
                </Link>
              </Button>
            ) : null}
            {can(user.role, "leads:write") ? <NewLeadDialog /> : null}
          </div>
        }
      />
      <FilterChips
        label="Stages"
        className="mb-4"
        chips={overview.byStage.map((s) => ({
          key: s.stage,
          href: listHref("/leads", { stage: [s.stage] }),
          current: params.stage.length === 1 && params.stage[0] === s.stage,
          label: (
            <>
              {LEAD_STAGE_LABEL[s.stage]} <span className="tabular-nums opacity-80">{s.count}</span>
            </>
          ),
        }))}
      />
      <Card>
        <CardHeader>
          <form className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter leads">
            <label className="grid gap-1 text-sm">
              Search
              <Input
                name="q"
                defaultValue={input.search ?? ""}
                placeholder="Company, contact or email"
                className="w-60"
              />
            </label>
            <label className="grid gap-1 text-sm">
              Stage
              <NativeSelect name="stage" defaultValue={input.stages?.[0] ?? ""} wrapperClassName="w-40">
                <option value="">All stages</option>
                {LEAD_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {LEAD_STAGE_LABEL[s]}
                  </option>
                ))}
              </NativeSelect>
            </label>
            <label className="grid gap-1 text-sm">
              Min score
              <Input
                name="minScore"
                type="number"
                min={0}
                max={100}
                defaultValue={input.minScore ?? ""}
                className="w-24"
              />
            </label>
            <label className="grid gap-1 text-sm">
              Max score
              <Input
                name="maxScore"
                type="number"
                min={0}
                max={100}
                defaultValue={input.maxScore ?? ""}
                className="w-24"
              />
            </label>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            <Button asChild variant="ghost">
              <Link href="/leads">Clear</Link>
            </Button>
          </form>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState title="No leads match" description="Change the filters, or create a lead." />
          ) : (
            <DataTable
              columns={LEAD_COLUMNS}
              rows={rows}
              caption="Leads"
              sort={{ key: input.sort, direction: input.direction }}
              sortHref={sortHref}
            />
          )}
          <Pagination page={input.page} pages={pages} href={(page) => href({ page })} />
        </CardContent>
      </Card>
    </>
  );
}
