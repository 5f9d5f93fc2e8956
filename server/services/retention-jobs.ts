import "server-only";
import type { Db } from "@/server/db/client";
import { listTenantsForJobs } from "@/server/db/workspaces";
import { accountsAfter, refreshSnapshot } from "@/server/db/retention";
import { logger } from "@/server/logger";
import { loadConfig } from "./config";
import { assessAccount, ensurePlan, storedComponents, utcDay } from "./retention";

/**
 * Daily health and retention recompute (docs/health.md#one-score): one HealthSnapshot per account per
 * UTC day, recomputed on every run (a run of the same day replaces it when the scores changed and writes
 * nothing when they did not), and a retention plan when the account has none or its strategy changed
 * (serialised per account, so two runs at once plan once). An account not scored yet gets neither. Each
 * account in its own transaction; batches by id.
 */
export const HEALTH_BATCH = 50;

export type SnapshotCounts = { accounts: number; snapshots: number; plans: number; errors: number };

export async function snapshotHealth(
  db: Db,
  now: Date,
  opts: { tenantId?: string | null } = {},
): Promise<SnapshotCounts> {
  const counts: SnapshotCounts = { accounts: 0, snapshots: 0, plans: 0, errors: 0 };
  const day = utcDay(now);
  const requestId = `job:health:${day.toISOString().slice(0, 10)}`;
  for (const tenant of await listTenantsForJobs(db, opts.tenantId ?? null)) {
    const config = await loadConfig({ db, tenantId: tenant.id, actorId: "", ip: "", requestId, now }, "retention");
    let afterId: string | null = null;
    for (;;) {
      const batch = await accountsAfter(db, tenant.id, afterId, HEALTH_BATCH);
      for (const account of batch) {
        counts.accounts += 1;
        try {
          const a = await assessAccount(db, tenant.id, account.id, now, config);
          const score = a.health.score;
          if (score === null) {
            afterId = account.id;
            continue;
          }
          await db.$transaction(async (tx) => {
            const written = await refreshSnapshot(tx, {
              tenantId: tenant.id,
              customerAccountId: account.id,
              day,
              score,
              expansionScore: a.expansion.score,
              components: storedComponents(a),
              at: now,
            });
            if (written !== "unchanged") counts.snapshots += 1;
            const planId = await ensurePlan(
              tx,
              { tenantId: tenant.id, actorId: null, ip: null, requestId, now },
              account,
              a,
              config.data,
              false,
            );
            if (planId) counts.plans += 1;
          });
        } catch (error) {
          counts.errors += 1;
          logger.warn(
            { err: error, tenantId: tenant.id, accountId: account.id },
            "health snapshot failed for one account",
          );
        }
        afterId = account.id;
      }
      if (batch.length < HEALTH_BATCH) break;
    }
  }
  return counts;
}
