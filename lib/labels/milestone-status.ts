import type { MilestoneStatus } from "@/generated/prisma/enums";

/** A week's state in words, for screens, notifications and emails alike. */
export const MILESTONE_STATUS_LABEL: Record<MilestoneStatus, string> = {
  PENDING: "Upcoming",
  IN_PROGRESS: "In progress",
  SUCCESS: "Met",
  AT_RISK: "At risk",
  FAILED: "Missed",
};
