import { activeProjectIdsAfter, digestPeopleAfter } from "@/server/db/progress-updates";
import { deliveryConfig } from "@/server/messaging/config";
import { queueDigest } from "@/server/services/digests";
import { writeProgressUpdate } from "@/server/services/progress-updates";
import { runPhases } from "./batches";
import { dayKey } from "./period";
import type { JobDefinition } from "./runner";

/**
 * Daily progress digests (seed §3.2, "next update in 24 h"): first one progress update per active
 * project and tenant-local day (with a risk alert when high or critical), then one digest per person
 * whose frequency makes one due today, in their role's format. The outbox sweep delivers them.
 */
export const progressDigestsJob: JobDefinition = {
  name: "progress-digests",
  title: "Daily progress digests",
  description: "Writes each active project's daily progress update with trend analysis, then queues one role-specific digest per stakeholder (daily, or weekly on Mondays).",
  schedule: "0 7 * * *",
  period: dayKey,
  async run(ctx) {
    const { appUrl } = deliveryConfig();
    return runPhases(ctx, [
      {
        name: "projects",
        load: (tenant, afterId, take) => activeProjectIdsAfter(ctx.db, tenant.id, afterId, take),
        handle: async (tenant, project: { id: string }) => {
          const r = await writeProgressUpdate(ctx.db, tenant, project.id, ctx.now);
          if (r.created) ctx.count(tenant.id, "progress updates");
          if (r.alerted) ctx.count(tenant.id, "risk alerts");
        },
      },
      {
        name: "people",
        load: (tenant, afterId, take) => digestPeopleAfter(ctx.db, tenant.id, afterId, take),
        handle: async (tenant, person: Parameters<typeof queueDigest>[2]) => {
          const r = await queueDigest(ctx.db, tenant, person, ctx.now, appUrl);
          if (r === "queued") ctx.count(tenant.id, "digests queued");
        },
      },
    ]);
  },
};
