import type { Metadata } from "next";
import Link from "next/link";
import { JOURNEY_STATUS } from "@/components/journeys/labels";
import { ProgressBar } from "@/components/portal/progress-bar";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JOURNEY_STATUSES, ZListJourneysSchema } from "@/lib/schemas/journeys";
import { api } from "@/trpc/server";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { PHASE_LABEL } from "@/domain/journey/phases";

export const metadata: Metadata = { title: "Journeys" };

const PAGE_SIZE = 20;

export default async function JourneysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("pipeline:read");
  const params = await searchParams;
  const status = JOURNEY_STATUSES.find((s) => s === params.status);
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(typeof params.page === "string" ? params.page : "1", 10) || 1),
  );
  const input = ZListJourneysSchema.parse({ status, page, pageSize: PAGE_SIZE });
  const { rows, total } = await (await api()).journeys.list(input);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) =>
    `/journeys?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Every lead's journey from qualification to monitoring: where it is, where it stopped and why."
      />
      <Card>
        <CardHeader>
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter journeys">
            <label className="grid gap-1 text-sm">
              <span>Status</span>
              <NativeSelect name="status" defaultValue={status ?? ""} className="w-44">
                <option value="">Any</option>
                {JOURNEY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {JOURNEY_STATUS[s]?.label ?? s}
                  </option>
                ))}
              </NativeSelect>
            </label>
            <Button type="submit" variant="outline">
              Apply
            </Button>
          </form>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState title="No journeys" description="Start one from a lead's page." />
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <TableCaption className="sr-only">Journeys, {total} in all</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Lead</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Phase</TableHead>
                    <TableHead className="w-40">Set-up</TableHead>
                    <TableHead>Owner</TableHead>
                    <TableHead>Updated</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((j) => {
                    const done = j.phases.filter((p) => p.status === "completed").length;
                    return (
                      <TableRow key={j.id}>
                        <TableCell className="font-medium">
                          <Link className="hover:underline" href={`/journeys/${j.id}`}>
                            {j.lead.company}
                          </Link>
                        </TableCell>
                        <TableCell>
                          <Badge variant={JOURNEY_STATUS[j.status]?.tone ?? "outline"}>
                            {JOURNEY_STATUS[j.status]?.label ?? j.status}
                          </Badge>
                        </TableCell>
                        <TableCell>
                          {PHASE_LABEL[j.currentPhase as keyof typeof PHASE_LABEL] ?? j.currentPhase}
                        </TableCell>
                        <TableCell>
                          <ProgressBar
                            value={(done / j.phases.length) * 100}
                            label={`${j.lead.company}: ${done} of ${j.phases.length} phases`}
                          />
                        </TableCell>
                        <TableCell>{j.lead.owner?.name ?? "—"}</TableCell>
                        <TableCell className="tabular-nums">{formatDateTime(j.updatedAt)}</TableCell>
                      </TableRow>
                    );
                  })}
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
