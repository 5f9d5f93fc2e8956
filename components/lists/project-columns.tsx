"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import { PROJECT_STATUS_LABEL } from "@/lib/labels/project-status";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import { PROJECT_STATUS_TONE } from "@/components/shell/status-tone";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";

type ProjectRow = inferRouterOutputs<AppRouter>["projects"]["list"]["rows"][number];

/** A weekly milestone's colour in the row's mini timeline. */
const WEEK_TONE: Record<string, string> = {
  SUCCESS: "bg-emerald-500",
  AT_RISK: "bg-amber-500",
  FAILED: "bg-red-500",
  IN_PROGRESS: "bg-sky-500",
  PENDING: "bg-muted-foreground/25",
};

export const PROJECT_COLUMNS: DataTableColumn<ProjectRow>[] = [
  {
    id: "project",
    header: "Project",
    className: "font-medium",
    cell: (p) => (
      <Link href={`/projects/${p.id}`} className="hover:underline">
        {p.name}
      </Link>
    ),
  },
  { id: "customer", header: "Customer", cell: (p) => p.customerAccount.name },
  { id: "service", header: "Service", cell: (p) => SERVICE_TYPE_LABELS[p.serviceType] },
  {
    id: "status",
    header: "Status",
    cell: (p) => <Badge variant={PROJECT_STATUS_TONE[p.status]}>{PROJECT_STATUS_LABEL[p.status]}</Badge>,
  },
  {
    id: "weeks",
    header: "Weeks",
    cell: (p) => (
      <ul className="flex flex-wrap gap-1" aria-label="Weekly milestones">
        {p.milestones.map((m) => (
          <li
            key={m.weekNumber}
            title={`Week ${m.weekNumber}: ${MILESTONE_STATUS_LABEL[m.status]}${m.score !== null ? ` (${m.score})` : ""}`}
          >
            <span className={`block h-3 w-5 rounded-sm ${WEEK_TONE[m.status] ?? "bg-muted"}`} />
            <span className="sr-only">
              Week {m.weekNumber}: {MILESTONE_STATUS_LABEL[m.status]}
            </span>
          </li>
        ))}
      </ul>
    ),
  },
  { id: "lead", header: "Technical lead", cell: (p) => p.techLead?.name ?? "Unassigned" },
  { id: "guarantee", header: "Guarantee ends", cell: (p) => (p.guarantee ? formatDate(p.guarantee.endsAt) : "—") },
];
