/**
 * Journey status (docs/domain.md#journey get_customer_journey_status — whose values the seed hard-codes; ours are
 * computed). Pure.
 *
 * - overall progress: the five set-up phases are worth 10 points each when completed; monitoring is worth
 *   50 × the share of the project's weekly milestones met. A stopped or failed journey keeps its points.
 * - success metrics: the current success score is the mean score of the validated weeks (each week has its
 *   own weighted score, docs/domain.md#milestones), compared with the guarantee's threshold; risk is high when a week failed
 *   or the score is below the threshold by more than 10 points, medium when a week is at risk or the score
 *   is below the threshold, low otherwise.
 * - next milestone: the earliest week not met yet; estimated completion: the last week's due date, or the
 *   guarantee's end when later (a paused clock moves it).
 */
import { journeyOutcome, type PhaseState } from "./phases";

export type StatusMilestone = {
  weekNumber: number;
  title: string;
  dueDate: Date;
  status: string;
  score: number | null;
};
export type StatusProject = {
  id: string;
  status: string;
  milestones: StatusMilestone[];
  guarantee: { successThreshold: number; endsAt: Date; status: string } | null;
};

const SETUP_POINTS = 10;
const MONITORING_POINTS = 50;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function journeyStatus(phases: readonly PhaseState[], project: StatusProject | null) {
  const outcome = journeyOutcome(phases);
  const setup = phases.filter((p) => p.phase !== "monitoring" && p.status === "completed").length * SETUP_POINTS;
  const weeks = project?.milestones ?? [];
  const met = weeks.filter((m) => m.status === "SUCCESS").length;
  const monitoring = weeks.length === 0 ? 0 : (met / weeks.length) * MONITORING_POINTS;
  const monitoringStarted = phases.some((p) => p.phase === "monitoring" && p.status !== "pending");
  const overallProgress = round1(setup + (monitoringStarted ? monitoring : 0));
  const progressReason =
    `${setup / SETUP_POINTS} of 5 set-up phases done (${setup} points)` +
    (monitoringStarted
      ? `; ${met} of ${weeks.length} weekly milestones met (${round1(monitoring)} of ${MONITORING_POINTS} points)`
      : "");

  const validated = weeks.filter((m) => m.score !== null && m.status !== "PENDING" && m.status !== "IN_PROGRESS");
  const threshold = project?.guarantee?.successThreshold ?? null;
  const currentScore =
    validated.length === 0 ? null : round1(validated.reduce((s, m) => s + (m.score ?? 0), 0) / validated.length);
  const anyFailed = weeks.some((m) => m.status === "FAILED");
  const anyAtRisk = weeks.some((m) => m.status === "AT_RISK");
  let riskLevel: "low" | "medium" | "high" = "low";
  const riskReasons: string[] = [];
  if (anyFailed) riskReasons.push("a weekly milestone failed");
  if (anyAtRisk) riskReasons.push("a weekly milestone is at risk");
  if (currentScore !== null && threshold !== null && currentScore < threshold)
    riskReasons.push(`success score ${currentScore} is below the guarantee's ${threshold}`);
  if (anyFailed || (currentScore !== null && threshold !== null && currentScore < threshold - 10)) riskLevel = "high";
  else if (anyAtRisk || (currentScore !== null && threshold !== null && currentScore < threshold)) riskLevel = "medium";

  const next =
    [...weeks].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime()).find((m) => m.status !== "SUCCESS") ?? null;
  const lastDue = weeks.reduce<Date | null>((max, m) => (max === null || m.dueDate > max ? m.dueDate : max), null);
  const guaranteeEnd = project?.guarantee?.endsAt ?? null;
  const estimatedCompletion =
    lastDue && guaranteeEnd ? (guaranteeEnd > lastDue ? guaranteeEnd : lastDue) : (lastDue ?? guaranteeEnd);

  return {
    status: outcome.status,
    currentPhase: outcome.currentPhase,
    overallProgress,
    progressReason,
    phases,
    successMetrics: {
      currentScore,
      threshold,
      onTrack: currentScore === null || threshold === null ? null : currentScore >= threshold,
      riskLevel,
      reasons:
        riskReasons.length > 0
          ? riskReasons
          : [validated.length === 0 ? "no week validated yet" : "every validated week is on track"],
    },
    nextMilestone: next
      ? { weekNumber: next.weekNumber, title: next.title, dueDate: next.dueDate, status: next.status }
      : null,
    estimatedCompletion,
  };
}
