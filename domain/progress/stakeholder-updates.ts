/**
 * Stakeholder-specific progress updates (docs/domain.md#progress-updates `_generate_stakeholder_updates`): an executive
 * brief (progress %, status, timeline, budget, risk, link to the executive view), a technical update
 * (quality gates, evidence, environments), a product update (deliverables, sign-offs pending,
 * upcoming) and a standard update for everyone else; then one digest per person and period, however
 * many projects and events it covers. Pure: no I/O.
 */
import { formatMoney } from "@/lib/money";
import type { ProgressReport } from "./report";
import { STATUS_LABEL, TIMELINE_LABEL, TREND_LABEL, isAlertingRisk, type ProgressAnalysis } from "./trends";

export type UpdateFormat = "executive" | "technical" | "product" | "standard";
export type StaffRole = "ADMIN" | "EXECUTIVE" | "CSM" | "TECH_LEAD" | "CUSTOMER";
export type StakeholderRole = "EXECUTIVE_SPONSOR" | "TECHNICAL_LEAD" | "PRODUCT_OWNER" | "MEMBER";

/** docs/domain.md#progress-updates: executive / technical_lead / product_owner, anyone else gets the standard update. */
export function updateFormatFor(person: { role: StaffRole; stakeholderRole: StakeholderRole | null }): UpdateFormat {
  if (person.role === "CUSTOMER") {
    if (person.stakeholderRole === "EXECUTIVE_SPONSOR") return "executive";
    if (person.stakeholderRole === "TECHNICAL_LEAD") return "technical";
    if (person.stakeholderRole === "PRODUCT_OWNER") return "product";
    return "standard";
  }
  if (person.role === "EXECUTIVE" || person.role === "ADMIN") return "executive";
  if (person.role === "TECH_LEAD") return "technical";
  return "standard";
}

export const FORMAT_LABEL: Record<UpdateFormat, string> = {
  executive: "Executive Summary",
  technical: "Technical Update",
  product: "Product Update",
  standard: "Progress Update",
};

export type ProjectUpdate = {
  projectId: string;
  projectName: string;
  progressPercent: number;
  report: ProgressReport;
  analysis: ProgressAnalysis;
  /** absolute URLs: the project page for this person, and the executive view */
  projectUrl: string;
  executiveUrl: string;
  currency: string;
};

export type UpdateSection = {
  projectId: string;
  title: string;
  facts: { label: string; value: string }[];
  lists: { heading: string; items: string[] }[];
  note: string | null;
  link: { label: string; url: string };
  priority: "high" | "normal";
};

export type Digest = {
  format: UpdateFormat;
  subject: string;
  intro: string;
  sections: UpdateSection[];
  /** projects left out of a long digest (the riskiest are kept) */
  omittedProjects: number;
  events: string[];
  omittedEvents: number;
  priority: "high" | "normal";
};

/** Projects per digest and events listed before "and N more" (ours: keeps one email readable). */
export const DIGEST_PROJECT_LIMIT = 10;
export const DIGEST_EVENT_LIMIT = 10;

const shortDate = (iso: string) => new Date(iso).toISOString().slice(0, 10);

function budgetLine(u: ProjectUpdate) {
  const a = u.analysis;
  if (a.budgetStatus === "guarantee_claimed")
    return `Guarantee claimed (${formatMoney(a.exposureCents, u.currency, "whole")})`;
  if (a.budgetStatus === "guarantee_at_risk")
    return `Fixed price; ${formatMoney(a.exposureCents, u.currency, "whole")} guarantee at risk`;
  return "Within budget (fixed price)";
}

function commonFacts(u: ProjectUpdate) {
  return [
    { label: "Progress", value: `${u.progressPercent.toFixed(1)}% complete` },
    { label: "Status", value: STATUS_LABEL[u.analysis.statusIndicator] },
    { label: "Timeline", value: TIMELINE_LABEL[u.analysis.timelineStatus] },
  ];
}

const upcomingItems = (r: ProgressReport) =>
  r.upcoming.map((m) => `Week ${m.weekNumber}: ${m.title} (due ${shortDate(m.dueDate)})`);
const orNone = (items: string[], none: string) => (items.length > 0 ? items : [none]);

export function stakeholderSection(format: UpdateFormat, u: ProjectUpdate): UpdateSection {
  const r = u.report;
  const a = u.analysis;
  const week = r.weekNumber !== null ? ` - Week ${r.weekNumber}` : "";
  const base = {
    projectId: u.projectId,
    title: `${u.projectName}${week}`,
    priority: isAlertingRisk(a.riskLevel) ? ("high" as const) : ("normal" as const),
  };
  const risk = { label: "Risk", value: `${a.riskLevel}${a.riskLevel !== "low" ? ` — ${a.reasons.join("; ")}` : ""}` };
  const achievements = {
    heading: "Key achievements",
    items: orNone(r.achievements, "No new milestone results since the last update."),
  };
  const upcoming = { heading: "Upcoming milestones", items: orNone(upcomingItems(r), "No milestone due ahead.") };

  if (format === "executive") {
    return {
      ...base,
      facts: [
        ...commonFacts(u),
        { label: "Budget", value: budgetLine(u) },
        risk,
        ...(r.nextMilestoneDate ? [{ label: "Next review", value: shortDate(r.nextMilestoneDate) }] : []),
      ],
      lists: [achievements, upcoming],
      note: a.riskLevel !== "low" ? a.riskSummary : null,
      link: { label: "Open the executive view", url: u.executiveUrl },
    };
  }
  if (format === "technical") {
    const q = r.quality;
    const e = r.evidence;
    const evidence = e
      ? [
          e.coverage !== null ? `coverage ${e.coverage}%` : null,
          e.testsPassed !== null || e.testsFailed !== null
            ? `${e.testsPassed ?? 0} tests passed, ${e.testsFailed ?? 0} failed`
            : null,
          e.commitSha ? `commit ${e.commitSha.slice(0, 7)}` : null,
          `reported ${shortDate(e.at)}`,
        ]
          .filter((s): s is string => s !== null)
          .join(", ")
      : "No CI evidence received yet";
    return {
      ...base,
      facts: [
        ...commonFacts(u),
        {
          label: "Quality gates",
          value: q
            ? `${q.gatesPassed} of ${q.gatesPassed + q.gatesFailed} passed, score ${Math.round(q.score)}${q.escalated ? " (escalated)" : ""}`
            : "Not validated yet",
        },
        { label: "Evidence", value: evidence },
        {
          label: "Trend",
          value: `${TREND_LABEL[a.trend]}${a.velocityPerWeek !== null ? ` (${a.velocityPerWeek} points/week)` : ""}`,
        },
        risk,
      ],
      lists: [
        {
          heading: "Environments",
          items: orNone(
            r.environments.map((env) => `${env.kind.toLowerCase()}: ${env.status.toLowerCase()}`),
            "No environments provisioned.",
          ),
        },
        achievements,
        upcoming,
      ],
      note: a.riskLevel !== "low" ? a.riskSummary : null,
      link: { label: "Open the project", url: u.projectUrl },
    };
  }
  if (format === "product") {
    return {
      ...base,
      facts: [...commonFacts(u), risk],
      lists: [
        {
          heading: "Deliverables this week",
          items: orNone(
            r.deliverables.map((d) => `${d.name}: ${d.deliverable}`),
            "Nothing open this week.",
          ),
        },
        {
          heading: "Sign-offs pending",
          items: orNone(
            r.pendingSignOffs.map((s) => `Week ${s.weekNumber}: ${s.name}`),
            "No sign-off waiting.",
          ),
        },
        upcoming,
        achievements,
      ],
      note: null,
      link: { label: "Review and sign off", url: u.projectUrl },
    };
  }
  return {
    ...base,
    facts: commonFacts(u),
    lists: [achievements, upcoming],
    note: null,
    link: { label: "Open the project", url: u.projectUrl },
  };
}

export function composeDigest(input: {
  format: UpdateFormat;
  recipientName: string;
  cadence: "daily" | "weekly";
  periodLabel: string;
  updates: readonly ProjectUpdate[];
  /** what happened since the last digest (newest first), and how many events there were in all */
  events: readonly string[];
  totalEvents?: number;
}): Digest | null {
  if (input.updates.length === 0) return null;
  const ranked = [...input.updates].sort(
    (a, b) => b.analysis.riskPoints - a.analysis.riskPoints || a.projectName.localeCompare(b.projectName),
  );
  const kept = ranked.slice(0, DIGEST_PROJECT_LIMIT);
  const sections = kept.map((u) => stakeholderSection(input.format, u));
  const priority = sections.some((s) => s.priority === "high") ? "high" : "normal";
  const only = kept.length === 1 ? kept[0] : undefined;
  const subject = only
    ? `Project ${only.projectName}${only.report.weekNumber !== null ? ` - Week ${only.report.weekNumber}` : ""} ${FORMAT_LABEL[input.format]}`
    : `${input.cadence === "daily" ? "Daily" : "Weekly"} ${FORMAT_LABEL[input.format].toLowerCase()}: ${input.updates.length} projects, ${input.periodLabel}`;
  const offTrack = input.updates.filter((u) => u.analysis.statusIndicator === "off_track").length;
  const intro = `Hello ${input.recipientName}, here is your ${input.cadence} update for ${input.periodLabel}: ${input.updates.length === 1 ? "one project" : `${input.updates.length} projects`}${offTrack > 0 ? `, ${offTrack} off track` : ""}.`;
  return {
    format: input.format,
    subject: priority === "high" ? `[Attention] ${subject}` : subject,
    intro,
    sections,
    omittedProjects: ranked.length - kept.length,
    events: input.events.slice(0, DIGEST_EVENT_LIMIT),
    omittedEvents: Math.max(
      0,
      (input.totalEvents ?? input.events.length) - Math.min(input.events.length, DIGEST_EVENT_LIMIT),
    ),
    priority,
  };
}
