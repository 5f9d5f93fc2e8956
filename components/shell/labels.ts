import { ALERT_SEVERITY_LABEL } from "@/domain/alerts/registry";
import { SERVICE_TYPE_LABELS } from "@/domain/qualification/labels";
import type { BadgeProps } from "@/components/ui/badge";
import { LEAD_STAGE_LABEL } from "@/lib/labels/lead-stage";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";

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
  PENDING: { label: MILESTONE_STATUS_LABEL.PENDING, tone: "outline" },
  IN_PROGRESS: { label: MILESTONE_STATUS_LABEL.IN_PROGRESS, tone: "secondary" },
  SUCCESS: { label: MILESTONE_STATUS_LABEL.SUCCESS, tone: "success" },
  AT_RISK: { label: MILESTONE_STATUS_LABEL.AT_RISK, tone: "warning" },
  FAILED: { label: MILESTONE_STATUS_LABEL.FAILED, tone: "destructive" },
};

export const LEAD_STAGE: Record<string, string> = LEAD_STAGE_LABEL;

export const SERVICE_TYPE: Record<string, string> = SERVICE_TYPE_LABELS;

/** What raised an alert, as people say it: the alert registry's label (docs/alerts.md). */
export { alertKindLabel } from "@/domain/alerts/registry";

export const ALERT_SEVERITY: Record<string, { label: string; tone: Tone }> = {
  INFO: { label: ALERT_SEVERITY_LABEL.INFO, tone: "secondary" },
  WARNING: { label: ALERT_SEVERITY_LABEL.WARNING, tone: "warning" },
  HIGH: { label: ALERT_SEVERITY_LABEL.HIGH, tone: "destructive" },
  CRITICAL: { label: ALERT_SEVERITY_LABEL.CRITICAL, tone: "destructive" },
};
