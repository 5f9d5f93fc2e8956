import { describe, expect, it } from "vitest";
import { ACTION_DUE_HOURS } from "./actions";
import { MVP_MILESTONES } from "./config";
import { statusForScore, validateMilestone, type CriterionInput, type MilestoneInput } from "./validate";

const week1 = MVP_MILESTONES[0];
if (!week1) throw new Error("seed week 1 missing");

/** docs/domain.md#milestones week 1 (weights 0.3 / 0.4 / 0.2 / 0.1, thresholds 85 / 70) with these scores, all signed off. */
function week1With(scores: (number | null)[], patch: Partial<CriterionInput>[] = []): MilestoneInput {
  return {
    minimumSuccessThreshold: week1?.minimumSuccessThreshold ?? 85,
    escalationThreshold: week1?.escalationThreshold ?? 70,
    criteria: (week1?.criteria ?? []).map((c, i) => ({
      ...c,
      score: scores[i] ?? null,
      signOff: "APPROVED" as const,
      ...patch[i],
    })),
  };
}

describe("validateMilestone: seed §3.1 thresholds at and around each boundary", () => {
  it.each([
    [[85, 85, 85, 85], 85, "success"],
    [[85, 85, 85, 84.9], 84.99, "at_risk"],
    [[70, 70, 70, 70], 70, "at_risk"],
    [[70, 70, 70, 69.9], 69.99, "failed"],
    [[100, 100, 100, 100], 100, "success"],
    [[0, 0, 0, 0], 0, "failed"],
  ])("scores %j → %d, %s", (scores, score, status) => {
    const r = validateMilestone(week1With(scores));
    expect(r.score).toBe(score);
    expect(r.status).toBe(status);
    expect(r.provisional).toBe(false);
  });

  it("absorbs float noise: 57 / 100 / 93 / 93 is 85 → success, not 84.99999999999999 → at risk", () => {
    expect(0.3 * 57 + 0.4 * 100 + 0.2 * 93 + 0.1 * 93).toBe(84.99999999999999);
    expect(validateMilestone(week1With([57, 100, 93, 93]))).toMatchObject({ score: 85, status: "success" });
    expect(statusForScore(84.999999999, { minimumSuccessThreshold: 85, escalationThreshold: 70 })).toBe("success");
  });

  it("explains each criterion's contribution and the sum", () => {
    const r = validateMilestone(week1With([90, 80, 100, 60]));
    expect(r.contributions.map((c) => [c.name, c.score, c.weightedScore, c.source])).toEqual([
      ["Requirements Analysis Complete", 90, 27, "entered"],
      ["System Architecture Designed", 80, 32, "entered"],
      ["Development Environment Setup", 100, 20, "entered"],
      ["Team Communication Established", 60, 6, "entered"],
    ]);
    expect(r.score).toBe(85);
    expect(r.reasons[0]).toBe("Weighted score 85 = 0.3 × 90 + 0.4 × 80 + 0.2 × 100 + 0.1 × 60");
    expect(r.contributions[0]?.reason).toBe("approved by the customer, scored 90; × 0.3 = 27");
    expect(r.actions).toEqual([]);
  });
});

describe("validateMilestone: sign-offs", () => {
  it("is pending while a sign-off criterion lacks an approval: provisional score with it at 0, best case at 100", () => {
    const r = validateMilestone(week1With([95, 90, 90, 90], [{ signOff: null }]));
    expect(r.status).toBe("pending_sign_off");
    expect(r.provisional).toBe(true);
    expect(r.score).toBe(63); // 0 + 36 + 18 + 9
    expect(r.bestCaseScore).toBe(93); // 30 + 36 + 18 + 9
    expect([r.scoredStatus, r.bestCaseStatus]).toEqual(["failed", "success"]);
    expect(r.pendingSignOffs).toEqual([
      {
        name: "Requirements Analysis Complete",
        validationMethod: "stakeholder_sign_off",
        decision: "none",
        reason: "awaiting the customer's sign-off",
      },
    ]);
    // the entered 95 does not count before approval; only the follow-up is due, no escalation
    expect(r.contributions[0]).toMatchObject({ score: 0, source: "pending_sign_off" });
    expect(r.actions.map((a) => [a.kind, a.title])).toEqual([
      ["FOLLOW_UP", 'Request the customer\'s sign-off on "Requirements Analysis Complete"'],
    ]);
  });

  it("treats requested changes as no approval and says so", () => {
    const r = validateMilestone(week1With([90, 90, 90, 90], [{ signOff: "CHANGES_REQUESTED" }]));
    expect(r.status).toBe("pending_sign_off");
    expect(r.pendingSignOffs[0]?.decision).toBe("changes_requested");
    expect(r.actions[0]).toMatchObject({ kind: "FOLLOW_UP", dueInHours: ACTION_DUE_HOURS.addressChanges });
  });

  it("already escalates when even the best case fails: the week is failed, not waiting", () => {
    const r = validateMilestone(week1With([null, 40, 40, 40], [{ signOff: null }]));
    expect(r.bestCaseScore).toBe(58);
    expect(r.status).toBe("failed");
    expect(r.provisional).toBe(true);
    expect(r.actions.map((a) => a.kind)).toEqual(["FOLLOW_UP", "ESCALATION", "ESCALATION", "ESCALATION"]);
    expect(r.actions[1]?.detail).toMatch(
      /^Best-case score 58 is below the 70 escalation threshold: the milestone cannot pass even with every sign-off\./,
    );
  });

  it("counts an approval without an entered score as 100", () => {
    const r = validateMilestone(week1With([null, 85, 85, 85]));
    expect(r.contributions[0]).toMatchObject({ score: 100, source: "sign_off" });
    expect(r.score).toBe(89.5);
  });

  it("follows the stored requiresSignOff flag over the method", () => {
    const r = validateMilestone(week1With([90, 90, 90, 90], [{}, { requiresSignOff: true, signOff: null }]));
    expect(r.pendingSignOffs.map((p) => p.name)).toEqual(["System Architecture Designed"]);
  });
});

describe("validateMilestone: pending sign-off that cannot rescue the week", () => {
  it("is at risk when the best case is at risk (30 + 0.4×60 + 0.2×70 + 0.1×70 = 75)", () => {
    const r = validateMilestone(week1With([null, 60, 70, 70], [{ signOff: null }]));
    expect(r.bestCaseScore).toBe(75);
    expect(r.status).toBe("at_risk");
    expect(r.actions.map((a) => a.kind)).toContain("RECOVERY");
    expect(r.actions[0]?.kind).toBe("FOLLOW_UP");
  });
});

describe("validateMilestone: actions", () => {
  it("at risk: resources for the weak criteria (most points lost first), daily check-ins, re-validation", () => {
    const r = validateMilestone(week1With([90, 70, 90, 50]));
    expect(r.status).toBe("at_risk"); // 27 + 28 + 18 + 5 = 78
    expect(r.actions.map((a) => [a.kind, a.title, a.dueInHours])).toEqual([
      ["RECOVERY", 'Add resources to "System Architecture Designed"', 48],
      ["RECOVERY", 'Add resources to "Team Communication Established"', 48],
      ["RECOVERY", "Daily check-ins until re-validation", 24],
      ["RECOVERY", "Re-validate the milestone", 72],
    ]);
    expect(r.actions[0]?.detail).toContain("costs 12 points");
    expect(r.actions[2]?.detail).toContain("7 points under the 85 success threshold");
  });

  it("failed: delivery manager notified, recovery plan within 24 h, executive sponsor informed", () => {
    const r = validateMilestone(week1With([50, 50, 50, 50]));
    expect(r.status).toBe("failed");
    expect(r.actions.map((a) => [a.kind, a.title, a.dueInHours])).toEqual([
      ["ESCALATION", "Notify the delivery manager", 1],
      ["ESCALATION", "Recovery plan within 24 hours", 24],
      ["ESCALATION", "Inform the executive sponsor", 24],
    ]);
    expect(r.actions[0]?.detail).toContain("Score 50 is below the 70 escalation threshold");
  });
});

describe("validateMilestone: missing scores and evidence", () => {
  it("a criterion not scored yet gives no verdict: the week stays pending, the score provisional, no recovery or escalation", () => {
    const r = validateMilestone(week1With([90, 90, 90, null]));
    expect(r.unscored).toEqual(["Team Communication Established"]);
    expect(r).toMatchObject({ status: "not_scored", provisional: true, score: 81, bestCaseScore: 91 });
    expect(r.contributions[3]).toMatchObject({ score: 0, source: "unscored" });
    expect(r.actions).toEqual([]);
    expect(r.reasons.at(-1)).toBe(
      "Not scored yet: Team Communication Established. The week stays in progress until every criterion is scored.",
    );
  });

  it("a week scored 0 on what was scored and blank elsewhere is still pending, never failed", () => {
    const r = validateMilestone(week1With([0, 0, null, null]));
    expect(r.status).toBe("not_scored");
    expect(r.scoredStatus).toBe("failed");
    expect(r.actions.filter((a) => a.kind !== "FOLLOW_UP")).toEqual([]);
  });

  it("not scored and awaiting a sign-off: not scored wins, the sign-off follow-up is still asked for", () => {
    const r = validateMilestone(week1With([90, 90, 90, null], [{ signOff: null }]));
    expect(r.status).toBe("not_scored");
    expect(r.actions.map((a) => a.kind)).toEqual(["FOLLOW_UP"]);
  });

  it("scores an automated criterion from CI evidence when no score was entered", () => {
    const input = { ...week1With([90, 90, null, 90]), evidence: { testsPassed: 95, testsFailed: 5 } };
    const r = validateMilestone(input);
    expect(r.contributions[2]).toMatchObject({ score: 95, source: "evidence", weightedScore: 19 });
    expect(r.contributions[2]?.reason).toBe("from CI evidence: 95 of 100 tests pass = 95; × 0.2 = 19");
  });

  it("clamps scores to 0–100", () => {
    expect(validateMilestone(week1With([150, 150, 150, 150])).score).toBe(100);
    expect(validateMilestone(week1With([-5, -5, -5, -5])).score).toBe(0);
  });
});
