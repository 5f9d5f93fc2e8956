/**
 * Trend analysis of a project's progress (docs/domain.md#progress-updates `_analyze_progress_trends`): status indicator,
 * timeline status, budget status, risk level and risk summary, from the weekly milestones, the open
 * alerts, the latest quality validation and the history of earlier progress updates.
 * Pure: no I/O, `now` is passed in. Every conclusion carries the reason that produced it.
 */
import type { MilestoneStatus, ProjectProgress } from "./project-progress";

export type AlertSeverity = "INFO" | "WARNING" | "HIGH" | "CRITICAL";
export type RiskLevel = "low" | "medium" | "high" | "critical";
export type StatusIndicator = "on_track" | "needs_attention" | "off_track";
export type TimelineStatus = "completed" | "ahead" | "on_schedule" | "behind";
export type BudgetStatus = "within_budget" | "guarantee_at_risk" | "guarantee_claimed";
export type ProgressTrend = "first_update" | "improving" | "steady" | "stalled" | "declining";

export type TrendInput = {
  now: Date;
  progress: ProjectProgress;
  milestones: readonly { weekNumber: number; status: MilestoneStatus; dueDate: Date }[];
  /** earlier progress updates, any order */
  history: readonly { progress: number; at: Date }[];
  openAlerts: readonly { severity: AlertSeverity }[];
  quality: { score: number; escalated: boolean } | null;
  guarantee: {
    amountCents: number;
    endsAt: Date;
    status: "ACTIVE" | "PAUSED" | "SUCCEEDED" | "FAILED" | "REMEDIED";
  } | null;
};

export type ProgressAnalysis = {
  statusIndicator: StatusIndicator;
  timelineStatus: TimelineStatus;
  /** percentage points: progress minus the share of weeks already due */
  scheduleVariance: number;
  budgetStatus: BudgetStatus;
  /** guarantee amount at stake when the budget is at risk, else 0 */
  exposureCents: number;
  trend: ProgressTrend;
  /** percentage points per week over the history window, null on the first update */
  velocityPerWeek: number | null;
  riskLevel: RiskLevel;
  riskPoints: number;
  riskSummary: string;
  reasons: string[];
};

/** Risk points per finding (ours: the seed names the levels, not the weights). */
export const RISK_POINTS = {
  failedWeek: 3,
  atRiskWeek: 2,
  overdueWeek: 2,
  criticalAlert: 3,
  highAlert: 2,
  warningAlert: 1,
  qualityEscalated: 2,
  behindSchedule: 1,
  stalled: 1,
  guaranteeEndingBehind: 2,
} as const;

/** Lowest point total of each level: 0–1 low, 2–3 medium, 4–6 high, 7+ critical. */
export const RISK_LEVEL_FLOOR = { medium: 2, high: 4, critical: 7 } as const;
/** A project with no progress change for this many days (and not complete) has stalled. */
export const STALL_DAYS = 7;
/** Guarantee days left under which being behind schedule adds risk. */
export const GUARANTEE_ENDING_DAYS = 7;
/** How far back the velocity looks. */
export const VELOCITY_WINDOW_DAYS = 28;

const DAY_MS = 86_400_000;

export function riskLevelFor(points: number): RiskLevel {
  if (points >= RISK_LEVEL_FLOOR.critical) return "critical";
  if (points >= RISK_LEVEL_FLOOR.high) return "high";
  if (points >= RISK_LEVEL_FLOOR.medium) return "medium";
  return "low";
}

export function isAlertingRisk(level: RiskLevel): boolean {
  return level === "high" || level === "critical";
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function timelineOf(input: TrendInput): { status: TimelineStatus; variance: number } {
  const { milestones, progress, now } = input;
  if (progress.totalWeeks > 0 && progress.metWeeks === progress.totalWeeks) return { status: "completed", variance: 0 };
  const dueWeeks = milestones.filter((m) => m.dueDate.getTime() <= now.getTime()).length;
  const expected = progress.totalWeeks === 0 ? 0 : (dueWeeks / progress.totalWeeks) * 100;
  const variance = Math.round((progress.progressPercent - expected) * 10) / 10;
  const dueNotMet = milestones.some((m) => m.dueDate.getTime() <= now.getTime() && m.status !== "SUCCESS");
  if (dueNotMet || variance < 0) return { status: "behind", variance };
  if (variance > 0) return { status: "ahead", variance };
  return { status: "on_schedule", variance };
}

function trendOf(input: TrendInput): { trend: ProgressTrend; velocity: number | null } {
  const { now, progress } = input;
  const history = [...input.history]
    .filter((h) => h.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = history.at(-1);
  if (!last) return { trend: "first_update", velocity: null };
  const windowStart = now.getTime() - VELOCITY_WINDOW_DAYS * DAY_MS;
  const first = history.find((h) => h.at.getTime() >= windowStart) ?? last;
  const weeks = Math.max((now.getTime() - first.at.getTime()) / (7 * DAY_MS), 1 / 7);
  const velocity = Math.round(((progress.progressPercent - first.progress) / weeks) * 10) / 10;
  if (progress.progressPercent < last.progress) return { trend: "declining", velocity };
  if (progress.progressPercent > last.progress) return { trend: "improving", velocity };
  // unchanged since the last update: stalled once nothing moved for STALL_DAYS
  const sameSince = [...history].reverse().find((h) => h.progress !== progress.progressPercent);
  const flatFrom = sameSince ? history[history.indexOf(sameSince) + 1] : history[0];
  const flatDays = flatFrom ? (now.getTime() - flatFrom.at.getTime()) / DAY_MS : 0;
  if (progress.progressPercent < 100 && flatDays >= STALL_DAYS) return { trend: "stalled", velocity };
  return { trend: "steady", velocity };
}

export function analyzeProgress(input: TrendInput): ProgressAnalysis {
  const reasons: string[] = [];
  let points = 0;
  const add = (n: number, reason: string) => {
    points += n;
    reasons.push(reason);
  };

  const failed = input.milestones.filter((m) => m.status === "FAILED").map((m) => m.weekNumber);
  const atRisk = input.milestones.filter((m) => m.status === "AT_RISK").map((m) => m.weekNumber);
  if (failed.length > 0)
    add(RISK_POINTS.failedWeek * failed.length, `${plural(failed.length, "failed week")} (week ${failed.join(", ")})`);
  if (atRisk.length > 0)
    add(RISK_POINTS.atRiskWeek * atRisk.length, `${plural(atRisk.length, "week")} at risk (week ${atRisk.join(", ")})`);
  const overdue = input.progress.overdueWeeks;
  if (overdue.length > 0)
    add(
      RISK_POINTS.overdueWeek * overdue.length,
      `${plural(overdue.length, "week")} past due without validation (week ${overdue.join(", ")})`,
    );

  const bySeverity = (s: AlertSeverity) => input.openAlerts.filter((a) => a.severity === s).length;
  const critical = bySeverity("CRITICAL");
  const high = bySeverity("HIGH");
  const warning = bySeverity("WARNING");
  if (critical > 0) add(RISK_POINTS.criticalAlert * critical, `${plural(critical, "open critical alert")}`);
  if (high > 0) add(RISK_POINTS.highAlert * high, `${plural(high, "open high alert")}`);
  if (warning > 0) add(RISK_POINTS.warningAlert * warning, `${plural(warning, "open warning")}`);
  if (input.quality?.escalated)
    add(RISK_POINTS.qualityEscalated, `the latest quality validation escalated (score ${input.quality.score})`);

  const timeline = timelineOf(input);
  if (timeline.status === "behind")
    add(RISK_POINTS.behindSchedule, `behind schedule by ${Math.abs(timeline.variance)} points`);
  const { trend, velocity } = trendOf(input);
  if (trend === "stalled") add(RISK_POINTS.stalled, `no progress for ${STALL_DAYS}+ days`);

  const daysLeft = input.progress.guaranteeDaysLeft;
  const guaranteeOpen =
    input.guarantee !== null && (input.guarantee.status === "ACTIVE" || input.guarantee.status === "PAUSED");
  if (guaranteeOpen && daysLeft !== null && daysLeft <= GUARANTEE_ENDING_DAYS && timeline.status === "behind") {
    add(RISK_POINTS.guaranteeEndingBehind, `${plural(daysLeft, "day")} left on the guarantee while behind schedule`);
  }

  const riskLevel = riskLevelFor(points);
  const statusIndicator: StatusIndicator =
    riskLevel === "low" ? "on_track" : riskLevel === "medium" ? "needs_attention" : "off_track";

  let budgetStatus: BudgetStatus = "within_budget";
  let exposureCents = 0;
  if (input.guarantee && (input.guarantee.status === "FAILED" || input.guarantee.status === "REMEDIED")) {
    budgetStatus = "guarantee_claimed";
    exposureCents = input.guarantee.amountCents;
  } else if (guaranteeOpen && input.guarantee && (failed.length > 0 || isAlertingRisk(riskLevel))) {
    budgetStatus = "guarantee_at_risk";
    exposureCents = input.guarantee.amountCents;
  }

  const riskSummary =
    reasons.length === 0
      ? "No risk found: every due week is met and nothing is open."
      : `Risk ${riskLevel} (${points} points): ${reasons.join("; ")}.`;
  return {
    statusIndicator,
    timelineStatus: timeline.status,
    scheduleVariance: timeline.variance,
    budgetStatus,
    exposureCents,
    trend,
    velocityPerWeek: velocity,
    riskLevel,
    riskPoints: points,
    riskSummary,
    reasons,
  };
}

export const STATUS_LABEL: Record<StatusIndicator, string> = {
  on_track: "On track",
  needs_attention: "Needs attention",
  off_track: "Off track",
};
export const TIMELINE_LABEL: Record<TimelineStatus, string> = {
  completed: "Completed",
  ahead: "Ahead of schedule",
  on_schedule: "On schedule",
  behind: "Behind schedule",
};
export const TREND_LABEL: Record<ProgressTrend, string> = {
  first_update: "First update",
  improving: "Improving",
  steady: "Steady",
  stalled: "Stalled",
  declining: "Declining",
};
