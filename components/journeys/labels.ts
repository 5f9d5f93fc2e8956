import type { BadgeProps } from "@/components/ui/badge";

type Tone = NonNullable<BadgeProps["variant"]>;

export const JOURNEY_STATUS: Record<string, { label: string; tone: Tone }> = {
  IN_PROGRESS: { label: "In progress", tone: "secondary" },
  STOPPED: { label: "Stopped", tone: "warning" },
  FAILED: { label: "Failed", tone: "destructive" },
  MONITORING: { label: "Monitoring", tone: "success" },
  COMPLETED: { label: "Completed", tone: "outline" },
};

export const PHASE_STATUS_TONE: Record<string, Tone> = {
  completed: "success",
  in_progress: "secondary",
  stopped: "warning",
  failed: "destructive",
  pending: "outline",
};

export const RISK_TONE: Record<string, Tone> = { low: "success", medium: "warning", high: "destructive" };
