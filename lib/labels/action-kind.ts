import type { ActionKind } from "@/generated/prisma/enums";

/** What kind of task an action item is, in words. */
export const ACTION_KIND_LABEL: Record<ActionKind, string> = {
  RECOVERY: "Recovery",
  ESCALATION: "Escalation",
  RETENTION: "Retention",
  QUALITY: "Quality",
  FOLLOW_UP: "Follow-up",
};
