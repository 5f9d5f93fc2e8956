import { describe, expect, it } from "vitest";
import { DEFAULT_MILESTONES_CONFIG, MVP_MILESTONES } from "./config";
import { planMilestones } from "./schedule";

const START = new Date("2026-03-02T09:00:00.000Z");

describe("planMilestones", () => {
  it("dues week n at start + 7 × n days, week 1 at +7 (seed §4.1 first milestone)", () => {
    const rows = planMilestones(MVP_MILESTONES, START);
    expect(rows.map((r) => [r.weekNumber, r.dueDate.toISOString()])).toEqual([
      [1, "2026-03-09T09:00:00.000Z"],
      [2, "2026-03-16T09:00:00.000Z"],
      [3, "2026-03-23T09:00:00.000Z"],
      [4, "2026-03-30T09:00:00.000Z"],
    ]);
  });

  it("copies thresholds and criteria with positions and sign-off flags", () => {
    const [w1, , w3] = planMilestones(MVP_MILESTONES, START);
    expect(w1).toMatchObject({
      title: "Foundation & Architecture",
      minimumSuccessThreshold: 85,
      escalationThreshold: 70,
    });
    expect(w1?.criteria.map((c) => [c.position, c.validationMethod, c.requiresSignOff])).toEqual([
      [0, "stakeholder_sign_off", true],
      [1, "technical_review", false],
      [2, "automated_verification", false],
      [3, "stakeholder_feedback", false],
    ]);
    expect(w3?.criteria.filter((c) => c.requiresSignOff).map((c) => c.validationMethod)).toEqual([
      "stakeholder_demo",
      "user_testing",
    ]);
  });

  it("orders weeks whatever the template order, and plans every default template", () => {
    const reversed = [...MVP_MILESTONES].reverse();
    expect(planMilestones(reversed, START).map((r) => r.weekNumber)).toEqual([1, 2, 3, 4]);
    for (const weeks of Object.values(DEFAULT_MILESTONES_CONFIG.templates)) {
      const rows = planMilestones(weeks, START);
      expect(rows.at(-1)?.dueDate.getTime()).toBeLessThanOrEqual(START.getTime() + 30 * 86_400_000); // inside the 30-day guarantee
    }
  });

  it("refuses an invalid start date", () => {
    expect(() => planMilestones(MVP_MILESTONES, new Date("nope"))).toThrow(RangeError);
  });
});
