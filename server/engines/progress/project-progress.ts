import { plural } from "@/lib/format";
/**
 * Where a project stands, from its weekly milestones (seed §3.1) and its 30-day guarantee (seed §3).
 * Pure: no I/O, `now` is passed in. Each number carries the sentence that explains it.
 */
export type MilestoneStatus = "PENDING" | "IN_PROGRESS" | "SUCCESS" | "AT_RISK" | "FAILED";

export type ProgressMilestone = { weekNumber: number; status: MilestoneStatus; dueDate: Date };

export type ProjectProgress = {
  totalWeeks: number;
  metWeeks: number;
  /** 0–100: share of weekly milestones validated as successful */
  progressPercent: number;
  /** the first week not yet met, or null when every week is met */
  currentWeek: number | null;
  overdueWeeks: number[];
  guaranteeDaysLeft: number | null;
  explanation: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function projectProgress(
  milestones: readonly ProgressMilestone[],
  guarantee: { endsAt: Date } | null,
  now: Date,
): ProjectProgress {
  const sorted = [...milestones].sort((a, b) => a.weekNumber - b.weekNumber);
  const totalWeeks = sorted.length;
  const metWeeks = sorted.filter((m) => m.status === "SUCCESS").length;
  const progressPercent = totalWeeks === 0 ? 0 : Math.round((metWeeks / totalWeeks) * 1000) / 10;
  const current = sorted.find((m) => m.status !== "SUCCESS");
  const overdueWeeks = sorted
    .filter((m) => m.dueDate.getTime() < now.getTime() && (m.status === "PENDING" || m.status === "IN_PROGRESS"))
    .map((m) => m.weekNumber);
  const guaranteeDaysLeft = guarantee ? Math.max(0, Math.ceil((guarantee.endsAt.getTime() - now.getTime()) / DAY_MS)) : null;

  const parts = [
    totalWeeks === 0 ? "No weekly milestones yet" : `${metWeeks} of ${totalWeeks} weekly milestones met (${progressPercent}%)`,
  ];
  if (overdueWeeks.length > 0) parts.push(`week ${overdueWeeks.join(", ")} past due without validation`);
  if (guaranteeDaysLeft !== null) parts.push(`${plural(guaranteeDaysLeft, "day")} left on the 30-day guarantee`);

  return {
    totalWeeks,
    metWeeks,
    progressPercent,
    currentWeek: current?.weekNumber ?? null,
    overdueWeeks,
    guaranteeDaysLeft,
    explanation: parts.join("; ") + ".",
  };
}
