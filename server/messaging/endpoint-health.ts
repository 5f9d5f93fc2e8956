import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/db/audit";
import { activePeopleByRole } from "@/server/db/users";
import { insertOutboxMessages } from "@/server/db/outbox";
import { disableEndpointIf, setEndpointFailingSince } from "@/server/db/webhooks";
import { readChannelPrefs } from "@/lib/schemas/channel-prefs";
import { rowsForPerson } from "./fan-out";
import type { DeliveryOutcome } from "./retry";
import { endpointDisabledDocument } from "./templates/channel-health";
import { renderMessage } from "./templates/render";
import { endpointHealthAfter } from "./webhook-schedule";

/**
 * After an HTTP attempt to an endpoint (docs/webhooks/README.md#retries-and-disabling): a success
 * clears its failing mark, a failure sets it, and 410 Gone or five days of failures disable it — in
 * one transaction with the audit entry and the notice to every admin, in the app and by email. The
 * conditional update makes the notice go out once, whichever worker gets there first.
 */
export async function recordEndpointAttempt(
  db: Db,
  tenantId: string,
  endpoint: { id: string; url: string; failingSince: Date | null; active: boolean },
  outcome: DeliveryOutcome,
  now: Date,
  appUrl: string,
): Promise<{ disabled: boolean }> {
  const health = endpointHealthAfter(endpoint.failingSince, outcome, now);
  if (health.failingSince?.getTime() !== endpoint.failingSince?.getTime())
    await setEndpointFailingSince(db, tenantId, endpoint.id, health.failingSince);
  const reason = health.disable;
  if (!reason || !endpoint.active) return { disabled: false };
  return db.$transaction(async (tx) => {
    if (!(await disableEndpointIf(tx, tenantId, endpoint.id, now, reason))) return { disabled: false };
    await recordAudit(tx, {
      tenantId,
      actorId: null,
      action: "webhook.disabled",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      before: { active: true },
      after: { active: false, reason, lastStatus: outcome.statusCode },
      at: now,
    });
    const message = renderMessage(
      endpointDisabledDocument({
        url: endpoint.url,
        reason,
        settingsUrl: `${appUrl}/settings/webhooks/${endpoint.id}`,
      }),
    );
    const admins = await activePeopleByRole(tx, tenantId, ["ADMIN"]);
    await insertOutboxMessages(
      tx,
      admins.flatMap((a) =>
        rowsForPerson(
          { id: a.id, tenantId, email: a.email, prefs: readChannelPrefs(a.channelPrefs) },
          message,
          `webhook-disabled/${endpoint.id}/${now.getTime()}/${a.id}`,
          { now, channels: ["in_app", "email"] },
        ),
      ),
    );
    return { disabled: true };
  });
}
