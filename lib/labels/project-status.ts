import type { ProjectStatus } from "@/generated/prisma/enums";

/** A project's state in words, as the staff pages and the customer portal name it. */
export const PROJECT_STATUS_LABEL: Record<ProjectStatus, string> = {
  KICKOFF: "Kickoff",
  ACTIVE: "On track",
  AT_RISK: "At risk",
  COMPLETED: "Completed",
  FAILED: "Failed",
  REFUNDED: "Refunded",
  CANCELLED: "Cancelled",
};
