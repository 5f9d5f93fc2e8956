import type { RecurringMailKind } from "@/lib/schemas/channel-prefs";

/** What each kind of recurring mail is called where people see it (the unsubscribe page, the audit log). */
export const MAIL_KIND_LABEL: Record<RecurringMailKind, string> = {
  digest: "progress digest",
  reminder: "milestone reminder",
  alert: "urgent alert",
};
