import type { KickoffPhase } from "@/domain/kickoff/config";

/**
 * The customer journey (docs/domain.md#journey CustomerSuccessOrchestrator): six phases run in order — qualification,
 * feasibility, tier recommendation, education, kickoff, monitoring. Pure: the state of each phase is data
 * the service stores on the Journey row; these functions only compute the next state and the status.
 *
 * Rules (ours where the seed is silent):
 * - A phase is pending, in progress, completed, stopped (the lead does not go on: qualification < 60,
 *   feasibility < 70, no tier fits — with the reasons), or failed (an error; with recovery actions).
 * - A stopped or failed journey resumes at that phase: completed phases are never run twice.
 * - The kickoff phase keeps its own six steps (docs/domain.md#kickoff) in `steps`.
 */
export const JOURNEY_PHASES = [
  "qualification",
  "feasibility",
  "tier_recommendation",
  "education",
  "kickoff",
  "monitoring",
] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];
export type PhaseStatus = "pending" | "in_progress" | "completed" | "stopped" | "failed";

export type JourneyStep = {
  phase: string;
  status: "pending" | "in_progress" | "completed" | "failed";
  startedAt: string | null;
  finishedAt: string | null;
  detail: string | null;
  error?: string;
};

/** One of the kickoff's own steps (docs/domain.md#kickoff), on the project and on the journey's kickoff phase. */
export type KickoffStep = JourneyStep & { phase: KickoffPhase };

export type PhaseState = {
  phase: JourneyPhase;
  status: PhaseStatus;
  startedAt: string | null;
  finishedAt: string | null;
  /** what happened, in a sentence */
  detail: string | null;
  /** why a phase stopped (the numbers that decided it) */
  reasons: string[];
  error?: string;
  recoveryActions?: string[];
  /** the kickoff's own steps */
  steps?: JourneyStep[];
};

export type JourneyOutcome = {
  status: "IN_PROGRESS" | "STOPPED" | "FAILED" | "MONITORING" | "COMPLETED";
  currentPhase: JourneyPhase;
};

export const PHASE_LABEL: Record<JourneyPhase, string> = {
  qualification: "Qualification",
  feasibility: "Feasibility",
  tier_recommendation: "Tier recommendation",
  education: "Education",
  kickoff: "Kickoff",
  monitoring: "Monitoring",
};

export function initialPhases(): PhaseState[] {
  return JOURNEY_PHASES.map((phase) => ({
    phase,
    status: "pending",
    startedAt: null,
    finishedAt: null,
    detail: null,
    reasons: [],
  }));
}

/**
 * The six phases in order from the stored ones: a phase not stored yet is pending. Parsing the stored
 * JSON (old names, bad entries) is the data layer's job (server/db/workflow-state.ts).
 */
export function completePhases(stored: readonly PhaseState[]): PhaseState[] {
  return initialPhases().map((p) => stored.find((s) => s.phase === p.phase) ?? p);
}

/** A copy of `phases` with one phase changed. */
export function setPhase(
  phases: readonly PhaseState[],
  phase: JourneyPhase,
  patch: Partial<Omit<PhaseState, "phase">>,
): PhaseState[] {
  return phases.map((p) => (p.phase === phase ? { ...p, ...patch } : p));
}

/** The first phase that is not completed (the one to run or resume), or null when all are. */
export function nextPhase(phases: readonly PhaseState[]): JourneyPhase | null {
  return phases.find((p) => p.status !== "completed")?.phase ?? null;
}

/** The journey's status from its phases: stopped / failed where a phase says so, monitoring once launched. */
export function journeyOutcome(phases: readonly PhaseState[]): JourneyOutcome {
  const stopped = phases.find((p) => p.status === "stopped");
  if (stopped) return { status: "STOPPED", currentPhase: stopped.phase };
  const failed = phases.find((p) => p.status === "failed");
  if (failed) return { status: "FAILED", currentPhase: failed.phase };
  const monitoring = phases.find((p) => p.phase === "monitoring");
  if (monitoring?.status === "completed") return { status: "COMPLETED", currentPhase: "monitoring" };
  if (monitoring?.status === "in_progress") return { status: "MONITORING", currentPhase: "monitoring" };
  return { status: "IN_PROGRESS", currentPhase: nextPhase(phases) ?? "monitoring" };
}

/** What to do about a failed or stopped phase (shown with it, and stored). */
export function recoveryActionsFor(phase: JourneyPhase, status: "stopped" | "failed"): string[] {
  if (status === "stopped") {
    const stopped: Record<JourneyPhase, string[]> = {
      qualification: [
        "Work on the missing criteria with the prospect (see the reasons), then re-assess",
        "Or mark the lead lost with a note, and offer the self-service assessment for later",
      ],
      feasibility: [
        "Re-scope the request (fewer requirements, a longer timeline or a larger budget) and analyse again",
        "Discuss the blockers with the customer's technical lead",
      ],
      tier_recommendation: [
        "No tier reaches the compatibility threshold: check the tier catalogue or propose a custom package",
      ],
      education: [],
      kickoff: [],
      monitoring: [],
    };
    return stopped[phase];
  }
  const failed: Record<JourneyPhase, string[]> = {
    qualification: ["Save a qualification assessment on the lead page, then resume the journey"],
    feasibility: ["Run the feasibility analysis on the lead page (it needs the project request), then resume"],
    tier_recommendation: ["Run the tier recommendation on the lead page, then resume"],
    education: ["Check the content library has items for this service type, then resume"],
    kickoff: [
      "Read the failed kickoff step below, fix its input (e.g. a stakeholder email already in use) and resume; nothing was saved",
    ],
    monitoring: ["Open the project and check its milestones"],
  };
  return failed[phase];
}
