/**
 * The weekly milestone check (docs/architecture.md#jobs, docs/domain.md#milestone-check weekly milestones): which open weeks are
 * due soon (a reminder), which are past due without a validation (→ at risk, with an alert), and which
 * have stayed at risk or failed long enough to escalate to the executives. Pure: `now` is passed in.
 */
import type { MilestoneStatus } from "./project-progress";

export type CheckedMilestone = {
  id: string;
  weekNumber: number;
  title: string;
  dueDate: Date;
  status: MilestoneStatus;
};

/** A week due within this many days gets a reminder. */
export const REMINDER_WINDOW_DAYS = 7;
/** A week at risk or failed this many days after its due date is escalated. */
export const ESCALATION_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;
const OPEN: readonly MilestoneStatus[] = ["PENDING", "IN_PROGRESS"];

export type MilestoneCheck = {
  reminders: CheckedMilestone[];
  overdue: CheckedMilestone[];
  escalations: CheckedMilestone[];
};

export function checkMilestones(milestones: readonly CheckedMilestone[], now: Date): MilestoneCheck {
  const t = now.getTime();
  const reminders = milestones.filter(
    (m) =>
      OPEN.includes(m.status) && m.dueDate.getTime() >= t && m.dueDate.getTime() - t <= REMINDER_WINDOW_DAYS * DAY_MS,
  );
  const overdue = milestones.filter((m) => OPEN.includes(m.status) && m.dueDate.getTime() < t);
  const escalations = milestones.filter(
    (m) =>
      (m.status === "AT_RISK" || m.status === "FAILED") && t - m.dueDate.getTime() >= ESCALATION_AFTER_DAYS * DAY_MS,
  );
  const byWeek = (a: CheckedMilestone, b: CheckedMilestone) => a.weekNumber - b.weekNumber;
  return { reminders: reminders.sort(byWeek), overdue: overdue.sort(byWeek), escalations: escalations.sort(byWeek) };
}
