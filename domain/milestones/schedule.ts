/**
 * Milestone rows for a new project from its service type's templates (docs/domain.md#milestones, docs/domain.md#kickoff: the first
 * milestone falls 7 days after kickoff). Week n is due at start + 7 × n days, in whole UTC days
 * (millisecond arithmetic, so no time-zone or DST shift). Rows come out in week order with each
 * criterion's position and whether it needs a customer sign-off.
 */
import { requiresSignOff, type MilestoneTemplate } from "./config";

export const DAY_MS = 86_400_000;
export const DAYS_PER_WEEK = 7;

export type PlannedCriterion = {
  position: number;
  name: string;
  weight: number;
  validationMethod: string;
  deliverable: string;
  requiresSignOff: boolean;
};
export type PlannedMilestone = {
  weekNumber: number;
  title: string;
  dueDate: Date;
  minimumSuccessThreshold: number;
  escalationThreshold: number;
  criteria: PlannedCriterion[];
};

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

export function milestoneDueDate(startDate: Date, week: number): Date {
  return addDays(startDate, DAYS_PER_WEEK * week);
}

export function planMilestones(templates: readonly MilestoneTemplate[], startDate: Date): PlannedMilestone[] {
  if (Number.isNaN(startDate.getTime())) throw new RangeError("planMilestones: the start date is not a valid date");
  return [...templates]
    .sort((a, b) => a.week - b.week)
    .map((t) => ({
      weekNumber: t.week,
      title: t.title,
      dueDate: milestoneDueDate(startDate, t.week),
      minimumSuccessThreshold: t.minimumSuccessThreshold,
      escalationThreshold: t.escalationThreshold,
      criteria: t.criteria.map((c, position) => ({
        position,
        name: c.name,
        weight: c.weight,
        validationMethod: c.validationMethod,
        deliverable: c.deliverable,
        requiresSignOff: requiresSignOff(c.validationMethod),
      })),
    }));
}
