import { activeProjectIdsAfter, digestPeopleAfter } from "@/server/db/progress-updates";
import { deliveryConfig } from "@/server/messaging/config";
import { queueDigest, queueDigests, type DigestPerson } from "@/server/services/digests";
import { writeProgressUpdate, writeProgressUpdates, type UpdateResult } from "@/server/services/progress-updates";
import { runPhases } from "./batches";
import { dayKey } from "./period";
import type { JobContext, JobDefinition } from "./runner";

/**
 * Daily progress digests (docs/domain.md#progress-updates, "next update in 24 h"): first one progress update per active
 * project and tenant-local day (with a risk alert when high or critical), then one digest per person
 * whose frequency makes one due today, in their role's format. The outbox sweep delivers them.
 * Both phases handle a page at once (bench/README.md, P5: a constant number of statements per page); the
 * item-by-item handlers are the fallback when a page fails, so the failing item is recorded alone.
 */
const PAGE = 200;

function countUpdate(ctx: JobContext, tenantId: string, r: UpdateResult) {
  if (r.created) ctx.count(tenantId, "progress updates");
  if (r.alerted) ctx.count(tenantId, "risk alerts");
}

export const progressDigestsJob: JobDefinition = {
  name: "progress-digests",
  title: "Daily progress digests",
  description:
    "Writes each active project's daily progress update with trend analysis, then queues one role-specific digest per stakeholder (daily, or weekly on Mondays).",
  schedule: "0 7 * * *",
  period: dayKey,
  async run(ctx) {
    const { appUrl } = deliveryConfig();
    return runPhases(ctx, [
      {
        name: "projects",
        batchSize: PAGE,
        load: (tenant, afterId, take) => activeProjectIdsAfter(ctx.db, tenant.id, afterId, take),
        handleBatch: async (tenant, projects: { id: string }[]) => {
          const results = await writeProgressUpdates(
            ctx.db,
            tenant,
            projects.map((p) => p.id),
            ctx.now,
          );
          for (const r of results.values()) countUpdate(ctx, tenant.id, r);
        },
        handle: async (tenant, project: { id: string }) =>
          countUpdate(ctx, tenant.id, await writeProgressUpdate(ctx.db, tenant, project.id, ctx.now)),
      },
      {
        name: "people",
        batchSize: PAGE,
        load: (tenant, afterId, take) => digestPeopleAfter(ctx.db, tenant.id, afterId, take),
        handleBatch: async (tenant, people: DigestPerson[]) => {
          const results = await queueDigests(ctx.db, tenant, people, ctx.now, appUrl);
          for (const r of results.values()) if (r === "queued") ctx.count(tenant.id, "digests queued");
        },
        handle: async (tenant, person: DigestPerson) => {
          if ((await queueDigest(ctx.db, tenant, person, ctx.now, appUrl)) === "queued")
            ctx.count(tenant.id, "digests queued");
        },
      },
    ]);
  },
};
