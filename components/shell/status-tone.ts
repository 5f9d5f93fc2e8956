import type { AlertSeverity, MilestoneStatus, ProjectStatus } from "@/generated/prisma/enums";
import type { BadgeProps } from "@/components/ui/badge";

/**
 * The badge colour of each stored state. Words come from `lib/labels/` (and the alert registry); this file
 * only says how a state looks, so a new enum value fails the type check here as well as there.
 */
export type Tone = NonNullable<BadgeProps["variant"]>;

export const PROJECT_STATUS_TONE: Record<ProjectStatus, Tone> = {
  KICKOFF: "secondary",
  ACTIVE: "success",
  AT_RISK: "warning",
  COMPLETED: "outline",
  FAILED: "destructive",
  REFUNDED: "destructive",
  CANCELLED: "outline",
};

export const MILESTONE_STATUS_TONE: Record<MilestoneStatus, Tone> = {
  PENDING: "outline",
  IN_PROGRESS: "secondary",
  SUCCESS: "success",
  AT_RISK: "warning",
  FAILED: "destructive",
};

export const ALERT_SEVERITY_TONE: Record<AlertSeverity, Tone> = {
  INFO: "secondary",
  WARNING: "warning",
  HIGH: "destructive",
  CRITICAL: "destructive",
};
