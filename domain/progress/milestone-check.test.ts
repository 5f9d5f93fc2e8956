import { describe, expect, it } from "vitest";
import { ESCALATION_AFTER_DAYS, REMINDER_WINDOW_DAYS, checkMilestones, type CheckedMilestone } from "./milestone-check";

const DAY = 86_400_000;
const NOW = new Date("2030-03-13T12:00:00.000Z");
const m = (weekNumber: number, status: CheckedMilestone["status"], dueInDays: number): CheckedMilestone => ({
  id: `m${weekNumber}`,
  weekNumber,
  title: `Week ${weekNumber}`,
  status,
  dueDate: new Date(NOW.getTime() + dueInDays * DAY),
});

describe("checkMilestones", () => {
  it("reminds of open weeks due within the window, boundary included", () => {
    const c = checkMilestones(
      [
        m(1, "PENDING", REMINDER_WINDOW_DAYS),
        m(2, "PENDING", REMINDER_WINDOW_DAYS + 0.01),
        m(3, "SUCCESS", 1),
        m(4, "IN_PROGRESS", 0),
      ],
      NOW,
    );
    expect(c.reminders.map((x) => x.weekNumber)).toEqual([1, 4]);
  });

  it("open weeks past due are overdue; validated ones are not", () => {
    const c = checkMilestones(
      [m(2, "IN_PROGRESS", -0.001), m(1, "PENDING", -3), m(3, "SUCCESS", -3), m(4, "AT_RISK", -3)],
      NOW,
    );
    expect(c.overdue.map((x) => x.weekNumber)).toEqual([1, 2]);
  });

  it("escalates weeks at risk or failed for the escalation period, boundary included", () => {
    const c = checkMilestones(
      [
        m(1, "AT_RISK", -ESCALATION_AFTER_DAYS),
        m(2, "FAILED", -ESCALATION_AFTER_DAYS + 0.01),
        m(3, "FAILED", -30),
        m(4, "PENDING", -30),
      ],
      NOW,
    );
    expect(c.escalations.map((x) => x.weekNumber)).toEqual([1, 3]);
  });
});
