import { describe, expect, it } from "vitest";
import { completePhases, initialPhases, journeyOutcome, nextPhase, setPhase, type PhaseState } from "./phases";
import { journeyStatus, type StatusMilestone } from "./status";

const done = (phases: PhaseState[], ...names: PhaseState["phase"][]) =>
  names.reduce((p, n) => setPhase(p, n, { status: "completed" }), phases);

describe("journey phases", () => {
  it("runs in the seed's order and resumes at the first phase not completed", () => {
    const p = done(initialPhases(), "qualification", "feasibility");
    expect(nextPhase(p)).toBe("tier_recommendation");
    expect(journeyOutcome(p)).toEqual({ status: "IN_PROGRESS", currentPhase: "tier_recommendation" });
  });

  it("a stopped phase stops the journey there; a failed one fails it there", () => {
    expect(journeyOutcome(setPhase(initialPhases(), "qualification", { status: "stopped" }))).toEqual({
      status: "STOPPED",
      currentPhase: "qualification",
    });
    expect(
      journeyOutcome(
        setPhase(done(initialPhases(), "qualification", "feasibility", "tier_recommendation", "education"), "kickoff", {
          status: "failed",
        }),
      ),
    ).toEqual({ status: "FAILED", currentPhase: "kickoff" });
  });

  it("monitoring in progress is MONITORING, completed is COMPLETED", () => {
    const launched = done(
      initialPhases(),
      "qualification",
      "feasibility",
      "tier_recommendation",
      "education",
      "kickoff",
    );
    expect(journeyOutcome(setPhase(launched, "monitoring", { status: "in_progress" })).status).toBe("MONITORING");
    expect(journeyOutcome(setPhase(launched, "monitoring", { status: "completed" })).status).toBe("COMPLETED");
  });

  it("completes stored phases: missing ones pending, in journey order", () => {
    const feasibility: PhaseState = {
      phase: "feasibility",
      status: "completed",
      startedAt: null,
      finishedAt: null,
      detail: null,
      reasons: [],
    };
    const read = completePhases([feasibility]);
    expect(read.map((p) => p.status)).toEqual(["pending", "completed", "pending", "pending", "pending", "pending"]);
    expect(completePhases([])).toEqual(initialPhases());
  });
});

const week = (weekNumber: number, status: string, score: number | null): StatusMilestone => ({
  weekNumber,
  title: `Week ${weekNumber}`,
  dueDate: new Date(Date.UTC(2026, 10, 7 * weekNumber)),
  status,
  score,
});

describe("journey status (computed, never constant)", () => {
  const launched = setPhase(
    done(initialPhases(), "qualification", "feasibility", "tier_recommendation", "education", "kickoff"),
    "monitoring",
    { status: "in_progress" },
  );
  const guarantee = { successThreshold: 85, endsAt: new Date(Date.UTC(2026, 11, 1)), status: "ACTIVE" };

  it("progress: 10 points per set-up phase, 50 × share of weeks met", () => {
    const s = journeyStatus(launched, {
      id: "p",
      status: "ACTIVE",
      guarantee,
      milestones: [
        week(1, "SUCCESS", 90),
        week(2, "SUCCESS", 88),
        week(3, "IN_PROGRESS", null),
        week(4, "PENDING", null),
      ],
    });
    expect(s.overallProgress).toBe(75);
    expect(s.currentPhase).toBe("monitoring");
    expect(s.successMetrics).toMatchObject({ currentScore: 89, threshold: 85, onTrack: true, riskLevel: "low" });
    expect(s.nextMilestone?.weekNumber).toBe(3);
  });

  it("risk: high when a week failed, medium when at risk", () => {
    const failed = journeyStatus(launched, {
      id: "p",
      status: "AT_RISK",
      guarantee,
      milestones: [week(1, "FAILED", 60), week(2, "PENDING", null)],
    });
    expect(failed.successMetrics.riskLevel).toBe("high");
    const atRisk = journeyStatus(launched, {
      id: "p",
      status: "AT_RISK",
      guarantee,
      milestones: [week(1, "SUCCESS", 90), week(2, "AT_RISK", 80)],
    });
    expect(atRisk.successMetrics).toMatchObject({ currentScore: 85, riskLevel: "medium" });
  });

  it("a journey stopped at qualification has 0 progress and no project", () => {
    const s = journeyStatus(setPhase(initialPhases(), "qualification", { status: "stopped" }), null);
    expect(s).toMatchObject({
      status: "STOPPED",
      currentPhase: "qualification",
      overallProgress: 0,
      nextMilestone: null,
      estimatedCompletion: null,
    });
    expect(s.successMetrics.currentScore).toBeNull();
  });
});
