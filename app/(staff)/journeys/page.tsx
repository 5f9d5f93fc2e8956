import type { Metadata } from "next";
import { z } from "zod";
import { JOURNEY_STATUS } from "@/components/journeys/labels";
import { JOURNEY_COLUMNS } from "@/components/lists/journey-columns";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/select";
import { JOURNEY_STATUSES, ZListJourneysSchema } from "@/lib/schemas/journeys";
import { api } from "@/trpc/server";
import { listHref, parseSearchParams, zOneOfParam, zPageParam, type RawSearchParams } from "@/lib/search-params";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Journeys" };

const PAGE_SIZE = 20;

const ZJourneyParams = z.object({ status: zOneOfParam(JOURNEY_STATUSES), page: zPageParam });

export default async function JourneysPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("pipeline:read");
  const { status, page } = parseSearchParams(ZJourneyParams, await searchParams);
  const input = ZListJourneysSchema.parse({ status, page, pageSize: PAGE_SIZE });
  const { rows, total } = await (await api()).journeys.list(input);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => listHref("/journeys", { status, page: p });
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
            <DataTable columns={JOURNEY_COLUMNS} rows={rows} caption={`Journeys, ${total} in all`} />
          )}
          <Pagination page={input.page} pages={pages} href={href} />
        </CardContent>
      </Card>
    </>
  );
}
