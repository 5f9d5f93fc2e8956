/**
 * What a progress update of one project says (docs/domain.md#progress-updates `track_progress_update`): achievements since
 * the previous update, upcoming milestones, and the facts each stakeholder format draws on. The
 * result is stored with the ProgressUpdate, so a digest renders from it without reading the project
 * again. Pure: no I/O, `now` is passed in.
 */
import type { MilestoneStatus } from "./project-progress";

export type ReportMilestone = {
  weekNumber: number;
  title: string;
  dueDate: Date;
  status: MilestoneStatus;
  score: number | null;
  validatedAt: Date | null;
  criteria: readonly {
    name: string;
    deliverable: string;
    requiresSignOff: boolean;
    latestSignOff: { decision: "APPROVED" | "CHANGES_REQUESTED"; at: Date } | null;
  }[];
};

export type ReportInput = {
  now: Date;
  /** the previous update's time: achievements are what happened since (or in the last 24 h) */
  since: Date | null;
  milestones: readonly ReportMilestone[];
  quality: { score: number; gatesPassed: number; gatesFailed: number; escalated: boolean; at: Date } | null;
  evidence: {
    coverage: number | null;
    testsPassed: number | null;
    testsFailed: number | null;
    commitSha: string | null;
    buildUrl: string | null;
    at: Date;
  } | null;
  environments: readonly { kind: string; status: string }[];
};

/** Stored in ProgressUpdate.analysis.report (dates as ISO strings: it is JSON). */
export type ProgressReport = {
  weekNumber: number | null;
  achievements: string[];
  upcoming: { weekNumber: number; title: string; dueDate: string }[];
  nextMilestoneDate: string | null;
  deliverables: { weekNumber: number; name: string; deliverable: string }[];
  pendingSignOffs: { weekNumber: number; name: string }[];
  quality: { score: number; gatesPassed: number; gatesFailed: number; escalated: boolean; at: string } | null;
  evidence: {
    coverage: number | null;
    testsPassed: number | null;
    testsFailed: number | null;
    commitSha: string | null;
    buildUrl: string | null;
    at: string;
  } | null;
  environments: { kind: string; status: string }[];
};

/** How many upcoming weeks an update lists. */
export const UPCOMING_LIMIT = 3;
const DAY_MS = 86_400_000;

export function buildProgressReport(input: ReportInput): ProgressReport {
  const since = input.since ?? new Date(input.now.getTime() - DAY_MS);
  const within = (d: Date | null) => d !== null && d.getTime() > since.getTime() && d.getTime() <= input.now.getTime();
  const weeks = [...input.milestones].sort((a, b) => a.weekNumber - b.weekNumber);

  const achievements: string[] = [];
  for (const m of weeks) {
    if (m.status === "SUCCESS" && within(m.validatedAt))
      achievements.push(
        `Week ${m.weekNumber} "${m.title}" met${m.score !== null ? ` (score ${Math.round(m.score)})` : ""}`,
      );
    for (const c of m.criteria) {
      if (c.latestSignOff?.decision === "APPROVED" && within(c.latestSignOff.at))
        achievements.push(`Signed off: ${c.name} (week ${m.weekNumber})`);
    }
  }
  if (input.quality && within(input.quality.at) && !input.quality.escalated) {
    achievements.push(
      `Quality validation passed ${input.quality.gatesPassed} of ${input.quality.gatesPassed + input.quality.gatesFailed} gates (score ${Math.round(input.quality.score)})`,
    );
  }

  const open = weeks.filter((m) => m.status !== "SUCCESS");
  const current = open[0] ?? weeks.at(-1) ?? null;
  const upcoming = open.filter((m) => m.dueDate.getTime() >= input.now.getTime()).slice(0, UPCOMING_LIMIT);
  const pendingSignOffs = open.flatMap((m) =>
    m.criteria
      .filter((c) => c.requiresSignOff && c.latestSignOff?.decision !== "APPROVED")
      .map((c) => ({ weekNumber: m.weekNumber, name: c.name })),
  );

  return {
    weekNumber: current?.weekNumber ?? null,
    achievements,
    upcoming: upcoming.map((m) => ({ weekNumber: m.weekNumber, title: m.title, dueDate: m.dueDate.toISOString() })),
    nextMilestoneDate: upcoming[0]?.dueDate.toISOString() ?? null,
    deliverables:
      current && current.status !== "SUCCESS"
        ? current.criteria.map((c) => ({ weekNumber: current.weekNumber, name: c.name, deliverable: c.deliverable }))
        : [],
    pendingSignOffs,
    quality: input.quality ? { ...input.quality, at: input.quality.at.toISOString() } : null,
    evidence: input.evidence ? { ...input.evidence, at: input.evidence.at.toISOString() } : null,
    environments: input.environments.map((e) => ({ kind: e.kind, status: e.status })),
  };
}
