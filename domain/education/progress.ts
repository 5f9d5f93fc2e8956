import { plural } from "@/lib/format";
/**
 * Education completion per stakeholder and overall (docs/domain.md#education success_criteria). Only COMPLETED counts as
 * done: a SENT item may sit unread in an inbox. Percentages are rounded to one decimal.
 */
export type ProgressDelivery = { stakeholderId: string | null; status: "SCHEDULED" | "SENT" | "COMPLETED" };

type Tally = { total: number; completed: number; sent: number; scheduled: number; percent: number };

export type StakeholderProgress = Tally & { stakeholderId: string | null; explanation: string };

export type EducationProgress = Tally & {
  stakeholders: StakeholderProgress[];
  /** stakeholders who completed every item */
  stakeholdersDone: number;
  explanation: string;
};

const percentOf = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10);

function tally(rows: readonly ProgressDelivery[]): Tally {
  const completed = rows.filter((r) => r.status === "COMPLETED").length;
  const sent = rows.filter((r) => r.status === "SENT").length;
  return {
    total: rows.length,
    completed,
    sent,
    scheduled: rows.length - completed - sent,
    percent: percentOf(completed, rows.length),
  };
}

function describe(t: Tally): string {
  const waiting = [
    t.sent > 0 ? `${t.sent} sent and not yet completed` : "",
    t.scheduled > 0 ? `${t.scheduled} still scheduled` : "",
  ].filter(Boolean);
  return `${t.completed} of ${t.total} completed (${t.percent}%)${waiting.length > 0 ? `; ${waiting.join(", ")}` : ""}`;
}

/** Stakeholders are listed in the order they first appear in `deliveries`. */
export function educationProgress(deliveries: readonly ProgressDelivery[]): EducationProgress {
  const groups = new Map<string | null, ProgressDelivery[]>();
  for (const d of deliveries) groups.set(d.stakeholderId, [...(groups.get(d.stakeholderId) ?? []), d]);
  const stakeholders = [...groups.entries()].map(([stakeholderId, rows]) => {
    const t = tally(rows);
    return { stakeholderId, ...t, explanation: `${describe(t)}.` };
  });
  const overall = tally(deliveries);
  const stakeholdersDone = stakeholders.filter((s) => s.total > 0 && s.completed === s.total).length;
  const explanation =
    deliveries.length === 0
      ? "No education deliveries yet."
      : `${describe(overall)}; ${stakeholdersDone} of ${plural(stakeholders.length, "stakeholder")} finished.`;
  return { ...overall, stakeholders, stakeholdersDone, explanation };
}
