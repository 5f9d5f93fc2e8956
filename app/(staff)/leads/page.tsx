import type { Metadata } from "next";
import Link from "next/link";
import { Download, Upload } from "lucide-react";
import { NewLeadDialog } from "@/components/leads/new-lead-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { LEAD_STAGE } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LEAD_SORTS, LEAD_STAGES, ZListLeadsSchema } from "@/lib/schemas/leads";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { formatDate, plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Leads" };

type Params = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 20;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** Filters live in the URL, so a filtered view can be bookmarked, shared and exported as CSV. */
function filtersFrom(params: Params) {
  const stages = ([] as string[])
    .concat(params.stage ?? [])
    .filter((s): s is (typeof LEAD_STAGES)[number] => (LEAD_STAGES as readonly string[]).includes(s));
  const num = (v: string | undefined) => (v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v));
  const parsed = ZListLeadsSchema.safeParse({
    search: one(params.q),
    stages,
    minScore: num(one(params.minScore)),
    maxScore: num(one(params.maxScore)),
    sort: LEAD_SORTS.find((s) => s === params.sort) ?? "created",
    direction: params.dir === "asc" ? "asc" : "desc",
    page: Math.max(1, Math.min(10_000, Number.parseInt(one(params.page) ?? "1", 10) || 1)),
    pageSize: PAGE_SIZE,
  });
  return parsed.success
    ? { input: parsed.data, error: null }
    : {
        input: ZListLeadsSchema.parse({ pageSize: PAGE_SIZE }),
        error: parsed.error.issues[0]?.message ?? "Invalid filter",
      };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("pipeline:read");
  const params = await searchParams;
  const { input, error } = filtersFrom(params);
  const trpc = await api();
  const [{ rows, total }, overview] = await Promise.all([trpc.leads.list(input), trpc.overview.pipeline()]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = (over: Record<string, string>) => {
    const q = new URLSearchParams();
    if (input.search) q.set("q", input.search);
    for (const s of input.stages ?? []) q.append("stage", s);
    if (input.minScore !== undefined) q.set("minScore", String(input.minScore));
    if (input.maxScore !== undefined) q.set("maxScore", String(input.maxScore));
    q.set("sort", input.sort);
    q.set("dir", input.direction);
    for (const [k, v] of Object.entries(over)) q.set(k, v);
    return q.toString();
  };
  // aria-sort belongs on the column header (<th>), not on the link inside it
  const ariaSort = (sort: string) =>
    input.sort === sort ? (input.direction === "asc" ? "ascending" : "descending") : undefined;
  const sortLink = (sort: string, label: string) => {
    const active = input.sort === sort;
    const dir = active && input.direction === "desc" ? "asc" : "desc";
    return (
      <Link href={`/leads?${query({ sort, dir, page: "1" })}`} className="hover:underline">
        {label}
        {active ? (input.direction === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };

  return (
    <>
      <PageHeader
        title="Lead pipeline"
        description={`${plural(total, "lead")} match · ${plural(overview.myOpenTasks, "open task")} assigned to you`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <a href={`/api/leads/export?${query({})}`}>
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
      <nav aria-label="Stages" className="mb-4 flex flex-wrap gap-2">
        {overview.byStage.map((s) => (
          <Link
            key={s.stage}
            href={`/leads?stage=${s.stage}`}
            className="rounded-full border px-3 py-1 text-sm hover:bg-accent"
          >
            {LEAD_STAGE[s.stage] ?? s.stage} <span className="tabular-nums text-muted-foreground">{s.count}</span>
          </Link>
        ))}
      </nav>
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
                    {LEAD_STAGE[s]}
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
            <Table>
              <TableCaption className="sr-only">Leads</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead aria-sort={ariaSort("company")}>{sortLink("company", "Company")}</TableHead>
                  <TableHead aria-sort={ariaSort("stage")}>{sortLink("stage", "Stage")}</TableHead>
                  <TableHead className="text-right" aria-sort={ariaSort("score")}>
                    {sortLink("score", "Score")}
                  </TableHead>
                  <TableHead className="text-right">Value</TableHead>
                  <TableHead>Owner</TableHead>
                  <TableHead aria-sort={ariaSort("created")}>{sortLink("created", "Created")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((lead) => (
                  <TableRow key={lead.id}>
                    <TableCell className="font-medium">
                      <Link href={`/leads/${lead.id}`} className="hover:underline">
                        {lead.company}
                      </Link>
                      {lead.source === "SELF_SERVICE" ? (
                        <Badge variant="outline" className="ml-2">
                          self-service
                        </Badge>
                      ) : null}
                      <span className="block text-xs text-muted-foreground">{lead.contactName}</span>
                    </TableCell>
                    <TableCell>{LEAD_STAGE[lead.stage] ?? lead.stage}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {lead.latestScore === null ? "—" : lead.latestScore.toFixed(1)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {lead.estimatedValueCents === null ? "—" : formatMoney(lead.estimatedValueCents)}
                    </TableCell>
                    <TableCell>{lead.owner?.name ?? "Unassigned"}</TableCell>
                    <TableCell>{formatDate(lead.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination page={input.page} pages={pages} href={(p) => `/leads?${query({ page: String(p) })}`} />
        </CardContent>
      </Card>
    </>
  );
}
