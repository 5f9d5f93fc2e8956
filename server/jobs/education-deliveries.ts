import { dueEducationAfter } from "@/server/db/education-deliveries";
import { deliveryConfig } from "@/server/messaging/config";
import { sendEducationDelivery, type DueDelivery } from "@/server/services/education-deliveries";
import { runPhases } from "./batches";
import { hourKey } from "./period";
import type { JobDefinition } from "./runner";

/** Hourly: every education delivery whose time has come is sent once (server/services/education-deliveries.ts). */
export const educationDeliveriesJob: JobDefinition = {
  name: "education-deliveries",
  title: "Education deliveries",
  description: "Sends each scheduled getting-started item when it is due, with a link to the portal where it is read.",
  schedule: "15 * * * *",
  period: hourKey,
  async run(ctx) {
    const { appUrl } = deliveryConfig();
    return runPhases(ctx, [
      {
        name: "deliveries",
        load: (tenant, afterId, take) => dueEducationAfter(ctx.db, tenant.id, ctx.now, afterId, take),
        handle: async (tenant, d: DueDelivery) => {
          const r = await sendEducationDelivery(ctx.db, tenant, d, ctx.now, appUrl);
          if (r !== "already_sent") ctx.count(tenant.id, r === "sent" ? "items sent" : "no recipient");
        },
      },
    ]);
  },
};
