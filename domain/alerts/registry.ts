import type { AlertKind, AlertSeverity } from "@/generated/prisma/enums";

/**
 * The alert registry (docs/alerts.md): every kind of alert Onward raises, with its severity, its
 * urgency, the words people read and what it is about. Adding a kind to the `AlertKind` enum fails
 * the type check until it has its entry here. Pure: no I/O.
 *
 * Urgency decides who hears and when: `digest` waits for each person's digest (email and the bell
 * alike); `now` reaches the owners (technical lead, CSM) at once on every channel they chose;
 * `now_with_executives` reaches the executives too.
 */
export type AlertUrgency = "digest" | "now" | "now_with_executives";

/** What an alert is about, and so which links it carries besides the tenant. */
export type AlertSubject = "milestone" | "project" | "guarantee" | "account";

export type AlertKindInfo = { severity: AlertSeverity; urgency: AlertUrgency; label: string; subject: AlertSubject };

export const ALERT_KINDS = {
  MILESTONE_AT_RISK: { severity: "WARNING", urgency: "digest", label: "Week at risk", subject: "milestone" },
  MILESTONE_FAILED: { severity: "HIGH", urgency: "now", label: "Week failed", subject: "milestone" },
  MILESTONE_OVERDUE: { severity: "HIGH", urgency: "now", label: "Week overdue", subject: "milestone" },
  MILESTONE_ESCALATION: {
    severity: "CRITICAL",
    urgency: "now_with_executives",
    label: "Week escalated to executives",
    subject: "milestone",
  },
  QUALITY_ESCALATION_CODE: {
    severity: "HIGH",
    urgency: "now_with_executives",
    label: "Code quality escalation",
    subject: "project",
  },
  QUALITY_ESCALATION_DELIVERY: {
    severity: "HIGH",
    urgency: "now_with_executives",
    label: "Delivery quality escalation",
    subject: "project",
  },
  QUALITY_ESCALATION_PROCESS: {
    severity: "HIGH",
    urgency: "now_with_executives",
    label: "Process quality escalation",
    subject: "project",
  },
  QUALITY_ESCALATION_COMPREHENSIVE: {
    severity: "HIGH",
    urgency: "now_with_executives",
    label: "Quality escalation",
    subject: "project",
  },
  PROJECT_OFF_TRACK: { severity: "HIGH", urgency: "now", label: "Project off track", subject: "project" },
  PROJECT_CRITICAL_RISK: {
    severity: "CRITICAL",
    urgency: "now_with_executives",
    label: "Project at critical risk",
    subject: "project",
  },
  GUARANTEE_MET: { severity: "INFO", urgency: "digest", label: "Guarantee met", subject: "guarantee" },
  GUARANTEE_MISSED: { severity: "HIGH", urgency: "now", label: "Guarantee missed", subject: "guarantee" },
  REFUND_AWAITING_APPROVAL: {
    severity: "CRITICAL",
    urgency: "now_with_executives",
    label: "Refund awaiting approval",
    subject: "guarantee",
  },
  ACCOUNT_AT_RISK: { severity: "WARNING", urgency: "digest", label: "Account at risk", subject: "account" },
} as const satisfies Record<AlertKind, AlertKindInfo>;

/** Severities in people's words (badges, emails, Slack/Teams facts, exports). */
export const ALERT_SEVERITY_LABEL: Record<AlertSeverity, string> = {
  INFO: "Info",
  WARNING: "Warning",
  HIGH: "High",
  CRITICAL: "Critical",
};

export type AlertKindOf<S extends AlertSubject> = {
  [K in AlertKind]: (typeof ALERT_KINDS)[K]["subject"] extends S ? K : never;
}[AlertKind];

export function alertKindLabel(kind: AlertKind): string {
  return ALERT_KINDS[kind].label;
}

export function isUrgentAlert(kind: AlertKind): boolean {
  return ALERT_KINDS[kind].urgency !== "digest";
}

export function alertWantsExecutives(kind: AlertKind): boolean {
  return ALERT_KINDS[kind].urgency === "now_with_executives";
}

/** The verdict alerts of a validated week (one open at a time) and every alert about a week. */
export const WEEK_VERDICT_KINDS = [
  "MILESTONE_AT_RISK",
  "MILESTONE_FAILED",
] as const satisfies readonly AlertKindOf<"milestone">[];
export const WEEK_ALERT_KINDS = [
  ...WEEK_VERDICT_KINDS,
  "MILESTONE_OVERDUE",
  "MILESTONE_ESCALATION",
] as const satisfies readonly AlertKindOf<"milestone">[];

/** Escalations, as account health counts them (with every high or critical alert). */
export const ESCALATION_KINDS = [
  "MILESTONE_ESCALATION",
  "QUALITY_ESCALATION_CODE",
  "QUALITY_ESCALATION_DELIVERY",
  "QUALITY_ESCALATION_PROCESS",
  "QUALITY_ESCALATION_COMPREHENSIVE",
] as const satisfies readonly AlertKind[];
