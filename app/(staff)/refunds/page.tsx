import type { Metadata } from "next";
import Link from "next/link";
import { REFUND_STATUS } from "@/components/guarantee/labels";
import { RefundActions } from "@/components/guarantee/refund-actions";
import { RefundSteps } from "@/components/guarantee/refunds-list";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { REFUND_FILTERS, ZListRefundsSchema } from "@/lib/schemas/refunds";
import { api } from "@/trpc/server";
import { formatMoney } from "@/lib/money";
import { plural } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Refunds" };

type Params = Record<string, string | string[] | undefined>;
type Filter = (typeof REFUND_FILTERS)[number];
const PAGE_SIZE = 25;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
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
export default async function RefundsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const me = await requirePermission("refunds:read");
  const params = await searchParams;
  const parsed = ZListRefundsSchema.safeParse({
    status: REFUND_FILTERS.find((s) => s === params.status),
    page: Math.max(1, Math.min(10_000, Number.parseInt(one(params.page) ?? "1", 10) || 1)),
    pageSize: PAGE_SIZE,
  });
  const input = parsed.success ? parsed.data : ZListRefundsSchema.parse({ pageSize: PAGE_SIZE });
  const status = input.status;
  const { refunds, counts, total } = await (await api()).refunds.list(input);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) => `/refunds?${new URLSearchParams({ status, page: String(page) }).toString()}`;
  const open = (counts.CLAIMED ?? 0) + (counts.UNDER_REVIEW ?? 0) + (counts.APPROVED ?? 0);
  const canApprove = can(me.role, "refunds:approve");
  const canProcess = can(me.role, "refunds:process");

  return (
    <>
      <PageHeader
        title="Refunds"
        description={`${plural(open, "open refund")}. Approving or rejecting is for executives; every step is audited and the customer is told.`}
      />
      <nav aria-label="Refund status" className="mb-4 flex flex-wrap gap-2">
        {REFUND_FILTERS.map((f) => (
          <Link
            key={f}
            href={`/refunds?status=${f}`}
            aria-current={f === status ? "page" : undefined}
            className="rounded-md border px-3 py-1 text-sm aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
          >
            {FILTER_LABEL[f]}
            {f !== "OPEN" && f !== "ALL" ? ` (${counts[f] ?? 0})` : ""}
          </Link>
        ))}
      </nav>
      <Card>
        <CardContent>
          {refunds.length === 0 ? (
            <EmptyState
              title="No refunds here"
              description="A refund appears when a customer chooses it after a failed guarantee."
              headingAs="h2"
            />
          ) : (
            <Table>
              <TableCaption>
                {total} refund{total === 1 ? "" : "s"} · oldest claim first.
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Project</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Claim and decision</TableHead>
                  <TableHead>Next step</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {refunds.map((r) => (
                  <TableRow key={r.id} className="align-top">
                    <TableCell className="whitespace-normal">
                      <Link href={`/projects/${r.project.id}/guarantee`} className="font-medium underline">
                        {r.project.name}
                      </Link>
                      <span className="block text-muted-foreground">{r.customerAccount.name}</span>
                    </TableCell>
                    <TableCell className="text-right">
                      {formatMoney(r.amountCents, r.currency)}
                      <span className="block text-xs text-muted-foreground">
                        of {formatMoney(r.guarantee.amountCents, r.currency)}
                      </span>
                    </TableCell>
                    <TableCell>
                      <Badge variant={REFUND_STATUS[r.status]?.tone ?? "outline"}>
                        {REFUND_STATUS[r.status]?.label ?? r.status}
                      </Badge>
                    </TableCell>
                    <TableCell className="max-w-sm whitespace-normal text-sm">
                      <RefundSteps refund={r} />
                    </TableCell>
                    <TableCell className="min-w-64 whitespace-normal">
                      <RefundActions
                        refund={{
                          id: r.id,
                          status: r.status,
                          version: r.version,
                          amountCents: r.amountCents,
                          currency: r.currency,
                          projectName: r.project.name,
                        }}
                        canApprove={canApprove}
                        canProcess={canProcess}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination page={input.page} pages={pages} href={href} />
        </CardContent>
      </Card>
    </>
  );
}
