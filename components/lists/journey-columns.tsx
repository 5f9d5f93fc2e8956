"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { JOURNEY_STATUS } from "@/components/journeys/labels";
import { ProgressBar } from "@/components/portal/progress-bar";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { PHASE_LABEL } from "@/domain/journey/phases";
import type { AppRouter } from "@/server/api/root";

type JourneyRow = inferRouterOutputs<AppRouter>["journeys"]["list"]["rows"][number];

export const JOURNEY_COLUMNS: DataTableColumn<JourneyRow>[] = [
  {
    id: "lead",
    header: "Lead",
    className: "font-medium",
    cell: (j) => (
      <Link className="hover:underline" href={`/journeys/${j.id}`}>
        {j.lead.company}
      </Link>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (j) => (
      <Badge variant={JOURNEY_STATUS[j.status]?.tone ?? "outline"}>{JOURNEY_STATUS[j.status]?.label ?? j.status}</Badge>
    ),
  },
  {
    id: "phase",
    header: "Phase",
    cell: (j) => PHASE_LABEL[j.currentPhase as keyof typeof PHASE_LABEL] ?? j.currentPhase,
  },
  {
    id: "setup",
    header: "Set-up",
    className: "w-40",
    cell: (j) => {
      const done = j.phases.filter((p) => p.status === "completed").length;
      return (
        <ProgressBar
          value={(done / j.phases.length) * 100}
          label={`${j.lead.company}: ${done} of ${j.phases.length} phases`}
        />
      );
    },
  },
  { id: "owner", header: "Owner", cell: (j) => j.lead.owner?.name ?? "—" },
  { id: "updated", header: "Updated", className: "tabular-nums", cell: (j) => formatDateTime(j.updatedAt) },
];
