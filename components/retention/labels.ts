import type { BadgeProps } from "@/components/ui/badge";
import type { HealthBand } from "@/lib/schemas/retention";
import { RETENTION_STRATEGY_LABEL } from "@/lib/labels/retention-strategy";

type Tone = NonNullable<BadgeProps["variant"]>;

/** The retention strategies' labels (lib/labels/retention-strategy.ts) with their badge tones. */
export const STRATEGY: Record<string, { label: string; tone: Tone }> = {
  HIGH_SATISFACTION_EXPANSION: { label: RETENTION_STRATEGY_LABEL.HIGH_SATISFACTION_EXPANSION, tone: "success" },
  MODERATE_SATISFACTION_IMPROVEMENT: {
    label: RETENTION_STRATEGY_LABEL.MODERATE_SATISFACTION_IMPROVEMENT,
    tone: "warning",
  },
  AT_RISK_RECOVERY: { label: RETENTION_STRATEGY_LABEL.AT_RISK_RECOVERY, tone: "destructive" },
};

export const TASK_STATUS: Record<string, { label: string; tone: Tone }> = {
  OPEN: { label: "Open", tone: "secondary" },
  SNOOZED: { label: "Snoozed", tone: "outline" },
  DONE: { label: "Done", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "outline" },
};

/** Health bands of the strategy rule (85 and 70 by default). */
export function healthTone(score: number | null): Tone {
  if (score === null) return "outline";
  return score >= 85 ? "success" : score >= 70 ? "warning" : "destructive";
}

/** The account list's health filters (docs/health.md#bands). */
export const HEALTH_BAND: Record<HealthBand, string> = {
  at_risk: "At risk",
  moderate: "Moderate",
  healthy: "Healthy",
  unscored: "Not scored yet",
};
