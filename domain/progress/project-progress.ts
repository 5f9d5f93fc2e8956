import { plural } from "@/lib/format";
/**
 * Where a project stands, from its weekly milestones (docs/domain.md#milestones) and its guarantee clock (clock.ts, the
 * one days-left computation: docs/guarantee-clock.md). Pure: no I/O, `now` is passed in. Each number
 * carries the sentence that explains it.
 */
import { guaranteeClock, type ClockDelay } from "@/domain/guarantee/clock";

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
  /** when the guarantee's clock has not started yet: the day it starts; null otherwise */
  guaranteeStartsAt: Date | null;
  explanation: string;
};

export function projectProgress(
  milestones: readonly ProgressMilestone[],
  guarantee: { startsAt: Date; endsAt: Date; delays: readonly ClockDelay[] } | null,
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
  const clock = guarantee ? guaranteeClock(guarantee, now) : null;
  const guaranteeDaysLeft = clock ? clock.daysLeft : null;
  const guaranteeStartsAt = clock?.state === "not_started" ? clock.startsAt : null;

  const parts = [
    totalWeeks === 0
      ? "No weekly milestones yet"
      : `${metWeeks} of ${totalWeeks} weekly milestones met (${progressPercent}%)`,
  ];
  if (overdueWeeks.length > 0) parts.push(`week ${overdueWeeks.join(", ")} past due without validation`);
  if (clock && guaranteeStartsAt)
    parts.push(`the ${clock.activeDays}-day guarantee starts ${guaranteeStartsAt.toISOString().slice(0, 10)}`);
  else if (clock) parts.push(`${plural(clock.daysLeft, "day")} left on the ${clock.activeDays}-day guarantee`);

  return {
    totalWeeks,
    metWeeks,
    progressPercent,
    currentWeek: current?.weekNumber ?? null,
    overdueWeeks,
    guaranteeDaysLeft,
    guaranteeStartsAt,
    explanation: parts.join("; ") + ".",
  };
}
