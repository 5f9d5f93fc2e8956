"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { STRATEGY, healthTone } from "@/components/retention/labels";
import { Sparkline } from "@/components/retention/sparkline";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";

type AccountRow = inferRouterOutputs<AppRouter>["retention"]["accounts"]["accounts"][number];

export const ACCOUNT_COLUMNS: DataTableColumn<AccountRow>[] = [
  {
    id: "account",
    header: "Account",
    cell: (a) => (
      <>
        <Link href={`/accounts/${a.id}`} className="font-medium underline">
          {a.name}
        </Link>
        <span className="block text-xs text-muted-foreground">
          {a.industry ?? "—"} · CSM {a.csm?.name ?? "unassigned"}
        </span>
      </>
    ),
  },
  {
    id: "health",
    header: "Health",
    align: "right",
    cell: (a) => (a.health === null ? "—" : <Badge variant={healthTone(a.health)}>{a.health}</Badge>),
  },
  {
    id: "trend",
    header: "30-day trend",
    cell: (a) => (
      <Sparkline
        points={a.trend.map((t) => t.score)}
        label={
          a.change === null
            ? "Not enough history"
            : `${a.change >= 0 ? "Up" : "Down"} ${Math.abs(a.change)} points over ${a.trend.length} days`
        }
      />
    ),
  },
  { id: "expansion", header: "Expansion", align: "right", cell: (a) => a.expansion ?? "—" },
  {
    id: "strategy",
    header: "Strategy",
    cell: (a) =>
      a.strategy ? (
        <Badge variant={STRATEGY[a.strategy]?.tone ?? "outline"}>{STRATEGY[a.strategy]?.label ?? a.strategy}</Badge>
      ) : (
        <span className="text-muted-foreground">{a.noPlanReason}</span>
      ),
  },
  { id: "tasks", header: "Open tasks", align: "right", cell: (a) => a.openTasks },
  {
    id: "touchpoint",
    header: "Next touchpoint",
    cell: (a) => (a.nextTouchpointAt ? formatDate(a.nextTouchpointAt) : "—"),
  },
];
