"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { AppRouter } from "@/server/api/root";

type LeadRow = inferRouterOutputs<AppRouter>["leads"]["list"]["rows"][number];

export const LEAD_COLUMNS: DataTableColumn<LeadRow>[] = [
  {
    id: "company",
    header: "Company",
    sortKey: "company",
    className: "font-medium",
    cell: (lead) => (
      <>
        <Link href={`/leads/${lead.id}`} className="hover:underline">
          {lead.company}
        </Link>
        {lead.source === "SELF_SERVICE" ? (
          <Badge variant="outline" className="ml-2">
            self-service
          </Badge>
        ) : null}
        <span className="block text-xs font-normal text-muted-foreground">{lead.contactName}</span>
      </>
    ),
  },
  { id: "stage", header: "Stage", sortKey: "stage", cell: (lead) => LEAD_STAGE_LABEL[lead.stage] },
  {
    id: "score",
    header: "Score",
    sortKey: "score",
    align: "right",
    cell: (lead) => (lead.latestScore === null ? "—" : lead.latestScore.toFixed(1)),
  },
  {
    id: "value",
    header: "Value",
    align: "right",
    cell: (lead) => (lead.estimatedValueCents === null ? "—" : formatMoney(lead.estimatedValueCents)),
  },
  { id: "owner", header: "Owner", cell: (lead) => lead.owner?.name ?? "Unassigned" },
  { id: "created", header: "Created", sortKey: "created", cell: (lead) => formatDate(lead.createdAt) },
];
