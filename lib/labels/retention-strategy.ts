import type { RetentionStrategy } from "@/generated/prisma/enums";

/** The retention strategies as the account page, tasks and notifications name them. */
export const RETENTION_STRATEGY_LABEL: Record<RetentionStrategy, string> = {
  HIGH_SATISFACTION_EXPANSION: "Expansion",
  MODERATE_SATISFACTION_IMPROVEMENT: "Improvement",
  AT_RISK_RECOVERY: "At-risk recovery",
};

/** The detail line of a retention plan's task: which part of which plan it is. */
export function retentionTaskDetail(phase: "immediate" | "follow_up", strategy: RetentionStrategy): string {
  return `${phase === "immediate" ? "Immediate action" : "Follow-up"} of the ${RETENTION_STRATEGY_LABEL[strategy].toLowerCase()} plan.`;
}
