"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { REFUND_STATUS } from "@/components/guarantee/labels";
import { RefundActions, type RefundRefusal } from "@/components/guarantee/refund-actions";
import { RefundSteps } from "@/components/guarantee/refunds-list";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money";
import type { AppRouter } from "@/server/api/root";

/**
 * canApprove / canProcess: what the viewer may do next (the page checks the permissions); refusal: why this
 * person may not take a step their role allows (the four-eyes rule, docs/security.md#refunds-four-eyes).
 */
type RefundRow = inferRouterOutputs<AppRouter>["refunds"]["list"]["refunds"][number] & {
  canApprove: boolean;
  canProcess: boolean;
  refusal: RefundRefusal;
};

export const REFUND_COLUMNS: DataTableColumn<RefundRow>[] = [
  {
    id: "project",
    header: "Project",
    className: "whitespace-normal",
    cell: (r) => (
      <>
        <Link href={`/projects/${r.project.id}/guarantee`} className="font-medium underline">
          {r.project.name}
        </Link>
        <span className="block text-muted-foreground">{r.customerAccount.name}</span>
      </>
    ),
  },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    cell: (r) => (
      <>
        {formatMoney(r.amountCents, r.currency)}
        <span className="block text-xs text-muted-foreground">
          of {formatMoney(r.guarantee.amountCents, r.currency)}
        </span>
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (r) => (
      <Badge variant={REFUND_STATUS[r.status]?.tone ?? "outline"}>{REFUND_STATUS[r.status]?.label ?? r.status}</Badge>
    ),
  },
  {
    id: "steps",
    header: "Claim and decision",
    className: "max-w-sm whitespace-normal text-sm",
    cell: (r) => <RefundSteps refund={r} />,
  },
  {
    id: "next",
    header: "Next step",
    className: "min-w-64 whitespace-normal",
    cell: (r) => (
      <RefundActions
        refund={{
          id: r.id,
          status: r.status,
          version: r.version,
          amountCents: r.amountCents,
          currency: r.currency,
          projectName: r.project.name,
        }}
        canApprove={r.canApprove}
        canProcess={r.canProcess}
        refusal={r.refusal}
      />
    ),
  },
];
