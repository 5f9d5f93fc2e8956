import { recentAlerts } from "@/server/db/alerts";
import { deliveryConfig } from "@/server/messaging/config";
import { deliverDueMessages } from "@/server/messaging/worker";
import { ALERT_DISPATCH_WINDOW_MS, dispatchAlert, type AlertRow } from "@/server/services/urgent-alerts";
import { runPhases } from "./batches";
import { minuteKey } from "./period";
import type { JobDefinition } from "./runner";

/**
 * The outbox sweep, every five minutes: first every alert of the last 24 hours is turned into its
 * webhook event and, when urgent, messages to the people responsible (keys make this a no-op for
 * alerts already dispatched); then due messages are delivered — new ones, and failed ones whose
 * backoff has passed — until the queue is empty or the time budget is spent.
 */
export const outboxJob: JobDefinition = {
  name: "outbox",
  title: "Outbox delivery",
  description:
    "Dispatches new alerts (urgent ones at once), then sends queued email, Slack, Teams, webhook and in-app messages, retrying failures with backoff.",
  schedule: "*/5 * * * *",
  period: minuteKey,
  async run(ctx) {
    const config = deliveryConfig();
    const alerts = await runPhases(ctx, [
      {
        name: "alerts",
        load: (tenant, afterId, take) =>
          recentAlerts(ctx.db, tenant.id, new Date(ctx.now.getTime() - ALERT_DISPATCH_WINDOW_MS), afterId, take),
        handle: async (tenant, alert: AlertRow) => {
          const r = await dispatchAlert(ctx.db, tenant, alert, ctx.now, config.appUrl);
          if (r.messages > 0) ctx.count(tenant.id, "alert messages queued", r.messages);
          if (r.webhooks > 0) ctx.count(tenant.id, "alert webhooks queued", r.webhooks);
        },
      },
    ]);
    if (alerts === "paused") return "paused";
    await deliverDueMessages(ctx.db, {
      now: ctx.now,
      config,
      tenantId: ctx.tenantId,
      deadline: ctx.deadline,
      onResult: (msg, result) => ctx.count(msg.tenantId ?? "_all", `messages ${result}`),
    });
    return "done";
  },
};
