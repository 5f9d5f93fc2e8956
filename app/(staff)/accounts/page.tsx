import type { Metadata } from "next";
import { z } from "zod";
import Link from "next/link";
import { Upload } from "lucide-react";
import { HEALTH_BAND } from "@/components/retention/labels";
import { ACCOUNT_COLUMNS } from "@/components/lists/account-columns";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import type { HealthBand } from "@/lib/schemas/retention";
import { api } from "@/trpc/server";
import { listHref, parseSearchParams, zOneOfParam, zPageParam, type RawSearchParams } from "@/lib/search-params";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Customer health" };

const SORTS = { health_asc: "Health, lowest first", health_desc: "Health, highest first", name: "Name" } as const;
type Sort = keyof typeof SORTS;

const SORT_KEYS = Object.keys(SORTS) as [Sort, ...Sort[]];
const ZAccountParams = z.object({
  sort: zOneOfParam(SORT_KEYS, "health_asc"),
  band: zOneOfParam(Object.keys(HEALTH_BAND) as [HealthBand, ...HealthBand[]]),
  page: zPageParam,
});

/** The CSM's accounts by health (docs/domain.md#retention): score, 30-day trend, expansion potential, strategy, open tasks. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("retention:read");
  const { sort, band, page } = parseSearchParams(ZAccountParams, await searchParams);
  const { accounts, pages } = await (await api()).retention.accounts({ sort, band, page, pageSize: 50 });
  const href = (over: { sort?: Sort; band?: HealthBand | null; page?: number }) =>
    listHref("/accounts", { sort, band, page, ...over });

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
      <FilterChips
        label="Sort accounts"
        className="mb-4"
        chips={SORT_KEYS.map((s) => ({
          key: s,
          label: SORTS[s],
          href: href({ sort: s, page: 1 }),
          current: s === sort,
        }))}
      />
      <FilterChips
        label="Filter accounts by health"
        className="mb-4"
        chips={([null, ...Object.keys(HEALTH_BAND)] as (HealthBand | null)[]).map((b) => ({
          key: b ?? "all",
          label: b ? HEALTH_BAND[b] : "All",
          href: href({ band: b, page: 1 }),
          current: (b ?? undefined) === band,
        }))}
      />
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
            <DataTable
              columns={ACCOUNT_COLUMNS}
              rows={accounts}
              caption="Each account's current score, recorded by the daily run or a recompute; the trend covers the last 30 days."
              captionVisible
            />
          )}
          <Pagination page={page} pages={pages} href={(p) => href({ page: p })} />
        </CardContent>
      </Card>
    </>
  );
}
