import { SERVICE_TYPE_LABELS } from "@/server/engines/qualification/labels";
import type { BadgeProps } from "@/components/ui/badge";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";

type Tone = NonNullable<BadgeProps["variant"]>;

/** Human words and badge tones for stored enum values, in one place. */
export const PROJECT_STATUS: Record<string, { label: string; tone: Tone }> = {
  KICKOFF: { label: "Kickoff", tone: "secondary" },
  ACTIVE: { label: "On track", tone: "success" },
  AT_RISK: { label: "At risk", tone: "warning" },
  COMPLETED: { label: "Completed", tone: "outline" },
  FAILED: { label: "Failed", tone: "destructive" },
  REFUNDED: { label: "Refunded", tone: "destructive" },
  CANCELLED: { label: "Cancelled", tone: "outline" },
};

export const MILESTONE_STATUS: Record<string, { label: string; tone: Tone }> = {
  PENDING: { label: "Upcoming", tone: "outline" },
  IN_PROGRESS: { label: "In progress", tone: "secondary" },
  SUCCESS: { label: "Met", tone: "success" },
  AT_RISK: { label: "At risk", tone: "warning" },
  FAILED: { label: "Missed", tone: "destructive" },
};

export const LEAD_STAGE: Record<string, string> = LEAD_STAGE_LABEL;

export const SERVICE_TYPE: Record<string, string> = SERVICE_TYPE_LABELS;

/** What raised an alert, as people say it (kinds are stored as the code that raises them names them). */
export function alertKindLabel(kind: string): string {
  const known: Record<string, string> = {
    milestone_at_risk: "Week at risk",
    milestone_failed: "Week failed",
    milestone_overdue: "Week overdue",
    milestone_escalation: "Week escalated",
    progress_risk: "Delivery risk",
    "refund.pending_approval": "Refund awaiting approval",
    "guarantee.succeeded": "Guarantee met",
    "guarantee.failed": "Guarantee missed",
    "retention.at_risk": "Account at risk",
    "health.decline": "Health decline",
    "quality.escalation": "Quality escalation",
  };
  if (known[kind]) return known[kind];
  if (kind.startsWith("quality_escalation.")) return `Quality escalation (${kind.slice("quality_escalation.".length)})`;
  return kind.replaceAll(/[._]/g, " ");
}

export const ALERT_SEVERITY: Record<string, { label: string; tone: Tone }> = {
  INFO: { label: "Info", tone: "secondary" },
  WARNING: { label: "Warning", tone: "warning" },
  HIGH: { label: "High", tone: "destructive" },
  CRITICAL: { label: "Critical", tone: "destructive" },
};
