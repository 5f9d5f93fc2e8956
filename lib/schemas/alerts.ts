import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";

/** Which alerts the alerts page lists: still open (the default), resolved, or all of them. */
export const ALERT_STATUS_FILTERS = ["open", "resolved", "all"] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];
export const ALERT_SEVERITIES = ["CRITICAL", "HIGH", "WARNING", "INFO"] as const;

export const ZListAlertsSchema = ZPaginationSchema.extend({
  status: z.enum(ALERT_STATUS_FILTERS, { error: "Choose open, resolved or all" }).default("open"),
  severity: z.enum(ALERT_SEVERITIES, { error: "Choose a severity: critical, high, warning or info" }).optional(),
});
export type ListAlertsInput = z.infer<typeof ZListAlertsSchema>;
export const ZAlertsExportSchema = ZListAlertsSchema.pick({ status: true, severity: true });
export type AlertsExportInput = z.infer<typeof ZAlertsExportSchema>;

export const ALERT_NOTE_MAX = 500;
export const ZResolveAlertSchema = z.object({
  alertId: ZIdSchema,
  /** what was done about it, kept in the audit trail */
  note: z.string().trim().max(ALERT_NOTE_MAX, `Keep the note under ${ALERT_NOTE_MAX} characters`).optional(),
});
export type ResolveAlertInput = z.infer<typeof ZResolveAlertSchema>;
