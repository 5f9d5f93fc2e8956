import { describe, expect, it } from "vitest";
import { initialPhases, type KickoffStep, type PhaseState } from "@/domain/journey/phases";
import { journeyPhasesJson, kickoffStepsJson, readJourneyPhases, readKickoffSteps } from "./workflow-state";

describe("Journey.phases read and write (docs/architecture.md#workflow-state)", () => {
  it("reads stored phases defensively: old names renamed, bad entries dropped, missing ones pending, in order", () => {
    const read = readJourneyPhases([
      { phase: "feasibility", status: "completed" },
      { phase: "tier", status: "stopped", reasons: ["no tier fits"] },
      { phase: "bogus", status: "completed" },
      { phase: "education", status: "exploded" },
      null,
    ]);
    expect(read.map((p) => [p.phase, p.status])).toEqual([
      ["qualification", "pending"],
      ["feasibility", "completed"],
      ["tier_recommendation", "stopped"],
      ["education", "pending"],
      ["kickoff", "pending"],
      ["monitoring", "pending"],
    ]);
    expect(read[1]).toEqual({
      phase: "feasibility",
      status: "completed",
      startedAt: null,
      finishedAt: null,
      detail: null,
      reasons: [],
    });
    expect(read[2]?.reasons).toEqual(["no tier fits"]);
    expect(readJourneyPhases("nonsense")).toEqual(initialPhases());
    expect(readJourneyPhases(null)).toEqual(initialPhases());
  });

  it("writes what it reads back unchanged, and refuses a phase that is not one", () => {
    const phases: PhaseState[] = initialPhases().map((p, i) =>
      i === 4
        ? {
            ...p,
            status: "failed",
            error: "taken",
            recoveryActions: ["fix"],
            steps: [{ phase: "setup", status: "failed", startedAt: "x", finishedAt: "y", detail: null, error: "e" }],
          }
        : p,
    );
    expect(readJourneyPhases(journeyPhasesJson(phases) as never)).toEqual(phases);
    const bogus = { phase: "bogus", status: "pending", startedAt: null, finishedAt: null, detail: null, reasons: [] };
    expect(() => journeyPhasesJson([bogus as unknown as PhaseState])).toThrow();
  });
});

describe("Project.kickoff read and write", () => {
  it("reads the steps that parse and writes them back unchanged", () => {
    const setup: KickoffStep = { phase: "setup", status: "completed", startedAt: "a", finishedAt: "b", detail: "done" };
    const steps: KickoffStep[] = [
      setup,
      { phase: "launch", status: "pending", startedAt: null, finishedAt: null, detail: null },
    ];
    expect(readKickoffSteps(kickoffStepsJson(steps) as never)).toEqual(steps);
    expect(readKickoffSteps([{ phase: "launch", status: "completed", finishedAt: "t" }, { phase: "dance" }])).toEqual([
      { phase: "launch", status: "completed", startedAt: null, finishedAt: "t", detail: null },
    ]);
    expect(readKickoffSteps({})).toEqual([]);
    expect(() => kickoffStepsJson([{ ...setup, status: "stopped" as never }])).toThrow();
  });
});
