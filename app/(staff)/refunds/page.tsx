import type { Metadata } from "next";
import { z } from "zod";
import { REFUND_COLUMNS } from "@/components/lists/refund-columns";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { DataTable } from "@/components/ui/data-table";
import { FilterChips } from "@/components/ui/filter-chips";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { REFUND_FILTERS, ZListRefundsSchema } from "@/lib/schemas/refunds";
import { api } from "@/trpc/server";
import { listHref, parseSearchParams, zOneOfParam, zPageParam, type RawSearchParams } from "@/lib/search-params";
import { plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";
import { fourEyesRefusal, refundPeople, type RefundAction } from "@/domain/guarantee/refund";

export const metadata: Metadata = { title: "Refunds" };

type Filter = (typeof REFUND_FILTERS)[number];
const PAGE_SIZE = 25;
const FILTER_LABEL: Record<Filter, string> = {
  OPEN: "Open",
  ALL: "All",
  CLAIMED: "Claimed",
  UNDER_REVIEW: "Under review",
  APPROVED: "Approved",
  PAID: "Paid",
  REJECTED: "Rejected",
};

/** The executives' refund queue: claimed → under review → approved → paid, or rejected; 25 a page, oldest claim first. */
const ZRefundParams = z.object({ status: zOneOfParam(REFUND_FILTERS, "OPEN"), page: zPageParam });

export default async function RefundsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePermission("refunds:read");
  const params = parseSearchParams(ZRefundParams, await searchParams);
  const input = ZListRefundsSchema.parse({ ...params, pageSize: PAGE_SIZE });
  const status = input.status;
  const { refunds, counts, total } = await (await api()).refunds.list(input);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) => listHref("/refunds", { status, page });
  const open = (counts.CLAIMED ?? 0) + (counts.UNDER_REVIEW ?? 0) + (counts.APPROVED ?? 0);
  const canApprove = can(me.role, "refunds:approve");
  const canProcess = can(me.role, "refunds:process");
  // the four-eyes rule (docs/security.md#refunds-four-eyes), said next to the button it disables
  const refusalOf = (r: (typeof refunds)[number], action: RefundAction) =>
    fourEyesRefusal(action, refundPeople(r), me.id, r.onePersonAllowed);

  return (
    <>
      <PageHeader
        title="Refunds"
        description={`${plural(open, "open refund")}. Approving or rejecting is for executives; every step is audited and the customer is told.`}
      />
      <FilterChips
        label="Refund status"
        className="mb-4"
        chips={REFUND_FILTERS.map((f) => ({
          key: f,
          label: `${FILTER_LABEL[f]}${f !== "OPEN" && f !== "ALL" ? ` (${counts[f] ?? 0})` : ""}`,
          href: listHref("/refunds", { status: f }),
          current: f === status,
        }))}
      />
      <Card>
        <CardContent>
          {refunds.length === 0 ? (
            <EmptyState
              title="No refunds here"
              description="A refund appears when a customer chooses it after a failed guarantee."
              headingAs="h2"
            />
          ) : (
            <DataTable
              columns={REFUND_COLUMNS}
              rows={refunds.map((r) => ({
                ...r,
                canApprove,
                canProcess,
                refusal: { approve: refusalOf(r, "approve"), pay: refusalOf(r, "pay") },
              }))}
              caption={`${plural(total, "refund")} · oldest claim first.`}
              captionVisible
            />
          )}
          <Pagination page={input.page} pages={pages} href={href} />
        </CardContent>
      </Card>
    </>
  );
}
