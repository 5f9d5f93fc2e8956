import "server-only";
import { chosenChannels, readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import { activePeople, activePeopleByRole } from "@/server/db/users";
import { type JobTenant } from "@/server/db/workspaces";
import { type recentAlerts } from "@/server/db/alerts";
import { insertOutboxMessagesReturning } from "@/server/db/outbox";
import { alertKindLabel, alertWantsExecutives, isUrgentAlert } from "@/domain/alerts/registry";
import { emitWebhookEvent } from "@/server/messaging/events";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { alertDocument } from "@/server/messaging/templates/documents";
import { renderMessage } from "@/server/messaging/templates/render";

/**
 * Alerts leave the building at once (docs/alerts.md): every new alert becomes an `alert.created`
 * webhook event, and one its kind makes urgent goes to the project's technical lead and CSM — and the
 * executives when the registry says so — on their external channels, whatever their digest frequency.
 * In-app notifications are written by `raiseAlert`, so they are not repeated here. Keys
 * `alert/<id>/<userId>/<channel>` make the sweep that calls this every few minutes send each alert once.
 */
export const ALERT_DISPATCH_WINDOW_MS = 24 * 60 * 60_000;

export type AlertRow = Awaited<ReturnType<typeof recentAlerts>>[number];

export async function dispatchAlert(
  db: Db,
  tenant: JobTenant,
  alert: AlertRow,
  now: Date,
  appUrl: string,
): Promise<{ webhooks: number; messages: number; messageIds: string[] }> {
  const url = `${appUrl}${alert.link ?? (alert.project ? `/projects/${alert.project.id}` : "/dashboard")}`;
  const label = alertKindLabel(alert.kind);
  const webhooks = await emitWebhookEvent(db, {
    tenantId: tenant.id,
    event: "alert.created",
    key: `alert/${alert.id}`,
    at: alert.createdAt,
    queuedAt: now,
    data: {
      alertId: alert.id,
      severity: alert.severity,
      kind: alert.kind,
      label,
      message: alert.message,
      url,
      projectId: alert.project?.id ?? null,
      projectName: alert.project?.name ?? null,
      raisedAt: alert.createdAt.toISOString(),
    },
  });
  if (alert.resolvedAt || !isUrgentAlert(alert.kind)) return { webhooks, messages: 0, messageIds: [] };

  const owners = [
    alert.project?.techLeadId,
    alert.project?.customerAccount.csmId ?? alert.customerAccount?.csmId,
  ].filter((id): id is string => typeof id === "string");
  let people = await activePeople(db, tenant.id, [...new Set(owners)]);
  if (alertWantsExecutives(alert.kind))
    people = [
      ...people,
      ...(await activePeopleByRole(db, tenant.id, ["EXECUTIVE"])).filter((e) => !people.some((p) => p.id === e.id)),
    ];
  if (people.length === 0) people = await activePeopleByRole(db, tenant.id, ["ADMIN"]);

  const message = renderMessage(
    alertDocument(
      { severity: alert.severity, label, message: alert.message, url, projectName: alert.project?.name ?? null },
      `${appUrl}/settings/notifications`,
    ),
  );
  const rows = people.flatMap((person) => {
    const prefs = readChannelPrefs(person.channelPrefs);
    const channels = chosenChannels(prefs).filter((c) => c !== "in_app");
    return rowsForPerson(
      { id: person.id, tenantId: tenant.id, email: person.email, prefs },
      message,
      `alert/${alert.id}/${person.id}`,
      { now, channels, mailKind: "alert" },
    );
  });
  const written = await insertOutboxMessagesReturning(db, rows);
  return { webhooks, messages: written.length, messageIds: written.map((r) => r.id) };
}
