import { describe, expect, it } from "vitest";
import { projectProgress, type MilestoneStatus, type ProgressMilestone } from "./project-progress";

const DAY = 86_400_000;
const NOW = new Date("2030-03-13T12:00:00.000Z");

function week(
  weekNumber: number,
  status: MilestoneStatus,
  dueDate = new Date(NOW.getTime() + weekNumber * 7 * DAY),
): ProgressMilestone {
  return { weekNumber, status, dueDate };
}

/** a 30-day guarantee without delays that ends `msFromNow` after NOW */
const guaranteeEnding = (msFromNow: number) => ({
  startsAt: new Date(NOW.getTime() + msFromNow - 30 * DAY),
  endsAt: new Date(NOW.getTime() + msFromNow),
  delays: [],
});

describe("projectProgress", () => {
  it("reports zero progress and no current week when there are no milestones", () => {
    const p = projectProgress([], null, NOW);
    expect(p).toMatchObject({
      totalWeeks: 0,
      metWeeks: 0,
      progressPercent: 0,
      currentWeek: null,
      overdueWeeks: [],
      guaranteeDaysLeft: null,
    });
    expect(p.explanation).toBe("No weekly milestones yet.");
  });

  it("reports 100% and no current week when every milestone is met", () => {
    const p = projectProgress([week(1, "SUCCESS"), week(2, "SUCCESS"), week(3, "SUCCESS")], null, NOW);
    expect(p.progressPercent).toBe(100);
    expect(p.metWeeks).toBe(3);
    expect(p.currentWeek).toBeNull();
    expect(p.explanation).toContain("3 of 3 weekly milestones met (100%)");
  });

  it("counts only SUCCESS as met and rounds the percentage to one decimal", () => {
    const p = projectProgress([week(1, "SUCCESS"), week(2, "AT_RISK"), week(3, "FAILED")], null, NOW);
    expect(p.metWeeks).toBe(1);
    expect(p.progressPercent).toBe(33.3);
    expect(p.currentWeek).toBe(2);
  });

  it("the current week is the first week not met, even if a later week is met", () => {
    const p = projectProgress(
      [week(1, "SUCCESS"), week(2, "FAILED"), week(3, "SUCCESS"), week(4, "PENDING")],
      null,
      NOW,
    );
    expect(p.currentWeek).toBe(2);
    expect(p.progressPercent).toBe(50);
  });

  describe("overdue boundary", () => {
    it("a milestone due exactly now is not overdue", () => {
      const p = projectProgress([week(1, "IN_PROGRESS", new Date(NOW.getTime()))], null, NOW);
      expect(p.overdueWeeks).toEqual([]);
      expect(p.explanation).not.toContain("past due");
    });

    it("a milestone due one millisecond before now is overdue", () => {
      const p = projectProgress([week(1, "IN_PROGRESS", new Date(NOW.getTime() - 1))], null, NOW);
      expect(p.overdueWeeks).toEqual([1]);
    });

    it("pending and in-progress weeks past due are overdue; met, failed and at-risk weeks are not", () => {
      const past = new Date(NOW.getTime() - DAY);
      const p = projectProgress(
        [
          week(1, "SUCCESS", past),
          week(2, "PENDING", past),
          week(3, "IN_PROGRESS", past),
          week(4, "FAILED", past),
          week(5, "AT_RISK", past),
        ],
        null,
        NOW,
      );
      expect(p.overdueWeeks).toEqual([2, 3]);
      expect(p.explanation).toContain("week 2, 3 past due without validation");
    });
  });

  describe("guarantee days left", () => {
    it("is exactly 30 when the guarantee ends 30 days from now", () => {
      expect(projectProgress([], guaranteeEnding(30 * DAY), NOW).guaranteeDaysLeft).toBe(30);
    });

    it("rounds a partial day up: 29.01 days → 30", () => {
      expect(projectProgress([], guaranteeEnding(29.01 * DAY), NOW).guaranteeDaysLeft).toBe(30);
    });

    it("is 0 when the guarantee ends exactly now or has ended", () => {
      expect(projectProgress([], guaranteeEnding(0), NOW).guaranteeDaysLeft).toBe(0);
      expect(projectProgress([], guaranteeEnding(-5 * DAY), NOW).guaranteeDaysLeft).toBe(0);
    });

    it("is 1 when one millisecond is left", () => {
      expect(projectProgress([], guaranteeEnding(1), NOW).guaranteeDaysLeft).toBe(1);
    });

    it("is never more than the guarantee's length: a clock that starts in two days has 30 days left and says when it starts", () => {
      const p = projectProgress([], guaranteeEnding(32 * DAY), NOW);
      expect(p.guaranteeDaysLeft).toBe(30);
      expect(p.guaranteeStartsAt).toEqual(new Date(NOW.getTime() + 2 * DAY));
      expect(p.explanation).toContain(
        `the 30-day guarantee starts ${new Date(NOW.getTime() + 2 * DAY).toISOString().slice(0, 10)}`,
      );
    });

    it("is null without a guarantee, and the explanation does not mention one", () => {
      const p = projectProgress([week(1, "SUCCESS")], null, NOW);
      expect(p.guaranteeDaysLeft).toBeNull();
      expect(p.explanation).not.toContain("guarantee");
    });
  });

  it("explains every number in one sentence", () => {
    const p = projectProgress(
      [
        week(1, "SUCCESS", new Date(NOW.getTime() - 8 * DAY)),
        week(2, "IN_PROGRESS", new Date(NOW.getTime() - DAY)),
        week(3, "PENDING"),
        week(4, "PENDING"),
      ],
      guaranteeEnding(12.5 * DAY),
      NOW,
    );
    expect(p.explanation).toBe(
      "1 of 4 weekly milestones met (25%); week 2 past due without validation; 13 days left on the 30-day guarantee.",
    );
  });

  it("gives the same result whatever order the milestones come in", () => {
    const past = new Date(NOW.getTime() - DAY);
    const ordered = [
      week(1, "SUCCESS", past),
      week(2, "PENDING", past),
      week(3, "IN_PROGRESS", past),
      week(4, "PENDING"),
    ];
    const shuffled = [ordered[2], ordered[0], ordered[3], ordered[1]].filter(
      (m): m is ProgressMilestone => m !== undefined,
    );
    const reversed = [...ordered].reverse();
    const expected = projectProgress(ordered, guaranteeEnding(3 * DAY), NOW);
    expect(expected.overdueWeeks).toEqual([2, 3]);
    expect(expected.currentWeek).toBe(2);
    expect(projectProgress(shuffled, guaranteeEnding(3 * DAY), NOW)).toEqual(expected);
    expect(projectProgress(reversed, guaranteeEnding(3 * DAY), NOW)).toEqual(expected);
  });

  it("does not reorder the caller's array", () => {
    const input = [week(3, "PENDING"), week(1, "SUCCESS"), week(2, "PENDING")];
    projectProgress(input, null, NOW);
    expect(input.map((m) => m.weekNumber)).toEqual([3, 1, 2]);
  });
});
