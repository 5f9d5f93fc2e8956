import { describe, expect, it } from "vitest";
import { projectProgress, type MilestoneStatus } from "./project-progress";
import {
  RISK_LEVEL_FLOOR,
  RISK_POINTS,
  STALL_DAYS,
  analyzeProgress,
  isAlertingRisk,
  riskLevelFor,
  type TrendInput,
} from "./trends";

const DAY = 86_400_000;
const NOW = new Date("2030-03-13T12:00:00.000Z");

function input(statuses: MilestoneStatus[], over: Partial<TrendInput> = {}, firstDueInDays = 7): TrendInput {
  const milestones = statuses.map((status, i) => ({
    weekNumber: i + 1,
    status,
    dueDate: new Date(NOW.getTime() + (firstDueInDays + i * 7) * DAY),
  }));
  const guarantee =
    over.guarantee === undefined
      ? { amountCents: 2_500_000, endsAt: new Date(NOW.getTime() + 20 * DAY), status: "ACTIVE" as const }
      : over.guarantee;
  return {
    now: NOW,
    milestones,
    progress: projectProgress(
      milestones,
      guarantee && { startsAt: new Date(guarantee.endsAt.getTime() - 30 * DAY), endsAt: guarantee.endsAt, delays: [] },
      NOW,
    ),
    history: [],
    openAlerts: [],
    quality: null,
    guarantee,
    ...over,
  };
}

describe("riskLevelFor", () => {
  it("puts each boundary in the higher level", () => {
    expect(riskLevelFor(0)).toBe("low");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.medium - 1)).toBe("low");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.medium)).toBe("medium");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.high - 1)).toBe("medium");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.high)).toBe("high");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.critical - 1)).toBe("high");
    expect(riskLevelFor(RISK_LEVEL_FLOOR.critical)).toBe("critical");
    expect(isAlertingRisk("medium")).toBe(false);
    expect(isAlertingRisk("high")).toBe(true);
  });
});

describe("analyzeProgress", () => {
  it("a fresh project with nothing due is on schedule, low risk, within budget", () => {
    const a = analyzeProgress(input(["PENDING", "PENDING", "PENDING", "PENDING"]));
    expect(a).toMatchObject({
      statusIndicator: "on_track",
      timelineStatus: "on_schedule",
      scheduleVariance: 0,
      riskLevel: "low",
      riskPoints: 0,
      budgetStatus: "within_budget",
      exposureCents: 0,
      trend: "first_update",
      velocityPerWeek: null,
    });
    expect(a.riskSummary).toMatch(/No risk found/);
  });

  it("a week met before it is due is ahead of schedule", () => {
    const a = analyzeProgress(input(["SUCCESS", "PENDING", "PENDING", "PENDING"]));
    expect(a.timelineStatus).toBe("ahead");
    expect(a.scheduleVariance).toBe(25);
  });

  it("a due week not met is behind schedule: overdue weeks and the slip add risk", () => {
    const a = analyzeProgress(input(["PENDING", "PENDING", "PENDING", "PENDING"], {}, -1));
    expect(a.timelineStatus).toBe("behind");
    expect(a.scheduleVariance).toBe(-25);
    expect(a.riskPoints).toBe(RISK_POINTS.overdueWeek + RISK_POINTS.behindSchedule);
    expect(a.riskLevel).toBe("medium");
    expect(a.statusIndicator).toBe("needs_attention");
  });

  it("a failed week puts the guarantee at risk and, with a high alert, makes the risk high", () => {
    const a = analyzeProgress(
      input(["FAILED", "PENDING", "PENDING", "PENDING"], { openAlerts: [{ severity: "HIGH" }] }, -1),
    );
    expect(a.riskPoints).toBe(RISK_POINTS.failedWeek + RISK_POINTS.highAlert + RISK_POINTS.behindSchedule);
    expect(a.riskLevel).toBe("high");
    expect(a.statusIndicator).toBe("off_track");
    expect(a.budgetStatus).toBe("guarantee_at_risk");
    expect(a.exposureCents).toBe(2_500_000);
    expect(a.riskSummary).toContain("1 failed week (week 1)");
  });

  it("reaches critical when failures, escalations and a closing guarantee pile up", () => {
    const a = analyzeProgress(
      input(
        ["FAILED", "AT_RISK", "PENDING", "PENDING"],
        {
          openAlerts: [{ severity: "CRITICAL" }],
          quality: { score: 61, escalated: true },
          guarantee: { amountCents: 100, endsAt: new Date(NOW.getTime() + 3 * DAY), status: "ACTIVE" },
        },
        -8,
      ),
    );
    expect(a.riskLevel).toBe("critical");
    expect(a.reasons.some((r) => r.includes("left on the guarantee"))).toBe(true);
    expect(a.reasons.some((r) => r.includes("quality validation escalated"))).toBe(true);
  });

  it("a claimed guarantee is reported whatever the risk", () => {
    const a = analyzeProgress(input(["SUCCESS"], { guarantee: { amountCents: 5000, endsAt: NOW, status: "FAILED" } }));
    expect(a).toMatchObject({ budgetStatus: "guarantee_claimed", exposureCents: 5000 });
  });

  it("every week met is completed", () => {
    expect(analyzeProgress(input(["SUCCESS", "SUCCESS"], {}, -14)).timelineStatus).toBe("completed");
  });

  it("derives the trend and velocity from the history", () => {
    const base = input(["SUCCESS", "PENDING", "PENDING", "PENDING"]);
    const improving = analyzeProgress({ ...base, history: [{ progress: 0, at: new Date(NOW.getTime() - 7 * DAY) }] });
    expect(improving.trend).toBe("improving");
    expect(improving.velocityPerWeek).toBe(25);
    const declining = analyzeProgress({ ...base, history: [{ progress: 50, at: new Date(NOW.getTime() - DAY) }] });
    expect(declining.trend).toBe("declining");
    const steady = analyzeProgress({
      ...base,
      history: [{ progress: 25, at: new Date(NOW.getTime() - (STALL_DAYS - 1) * DAY) }],
    });
    expect(steady.trend).toBe("steady");
    const stalled = analyzeProgress({
      ...base,
      history: [
        { progress: 0, at: new Date(NOW.getTime() - 20 * DAY) },
        { progress: 25, at: new Date(NOW.getTime() - STALL_DAYS * DAY) },
        { progress: 25, at: new Date(NOW.getTime() - DAY) },
      ],
    });
    expect(stalled.trend).toBe("stalled");
    expect(stalled.riskPoints).toBe(RISK_POINTS.stalled);
  });
});
