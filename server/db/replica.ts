import "server-only";
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";

/**
 * Routing of pure reads to a streaming read replica (docs/architecture.md#read-replica). A read goes to
 * the replica while it is fresh enough: replaying everything it has received from a live WAL stream
 * (an idle primary writes nothing, so the last replayed transaction's age says nothing then), or else
 * behind by at most `maxLagSeconds` (`now() - pg_last_xact_replay_timestamp()`, an upper bound of how
 * old what it lacks is). Freshness is checked at most every `checkEverySeconds`, one check shared by
 * the reads that wait for it. A replica that is stale or cannot be reached sends reads to the primary;
 * the switch is logged once each way (docs/deploy.md#read-replica).
 */
export type ReplicaOptions = { maxLagSeconds: number; checkEverySeconds: number };

export type ReadReplica = {
  /** `query` on the replica when it is fresh, else (or when it turns out unreachable) on `primary` */
  read<T>(primary: PrismaClient, query: (db: PrismaClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

type Health = { usable: true } | { usable: false; reason: "unreachable"; error: string } | StaleHealth;
type StaleHealth = { usable: false; reason: "lagging"; lagSeconds: number | null };

type FreshnessRow = { recovery: boolean; caught_up: boolean | null; lag: number | null };

/** Errors that say the replica cannot be reached (pg's, or Prisma's driver-adapter wrapping of them). */
function unreachable(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  if (cause?.kind === "DatabaseNotReachable") return true;
  // connection exceptions (08…), the server shutting down or starting (57P01–57P03)
  if (cause?.code && (/^08/.test(cause.code) || /^57P0[123]$/.test(cause.code))) return true;
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? `${error.message} ${typeof code === "string" ? code : ""}` : "";
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded when trying to connect/i.test(
    text,
  );
}

/** A hot standby cancels a query whose rows replay is about to remove (a recovery conflict, 40001). */
function recoveryConflict(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === "40001";
}

export function createReadReplica(replica: PrismaClient, options: ReplicaOptions): ReadReplica {
  let health: Health = { usable: true };
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;

  const settle = (next: Health) => {
    if (next.usable !== health.usable) {
      if (next.usable) logger.info("read replica: fresh again, reads go to it");
      else if (next.reason === "lagging")
        logger.warn(
          { lagSeconds: next.lagSeconds, maxLagSeconds: options.maxLagSeconds },
          "read replica: behind the primary beyond the budget, reads go to the primary",
        );
      else logger.warn({ error: next.error }, "read replica: unreachable, reads go to the primary");
    }
    health = next;
    checkedAt = performance.now();
  };

  const check = async () => {
    try {
      const [row] = await replica.$queryRaw<FreshnessRow[]>`
        SELECT pg_is_in_recovery() AS recovery,
               (pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver)) AS caught_up,
               EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag`;
      // not in recovery: pointed at a primary (or a promoted replica), which is as fresh as it gets
      if (!row || !row.recovery || row.caught_up || (row.lag !== null && row.lag <= options.maxLagSeconds))
        settle({ usable: true });
      else settle({ usable: false, reason: "lagging", lagSeconds: row.lag });
    } catch (error) {
      settle({ usable: false, reason: "unreachable", error: error instanceof Error ? error.message : String(error) });
    }
  };

  const fresh = async () => {
    if (performance.now() - checkedAt >= options.checkEverySeconds * 1000) {
      checking ??= check().finally(() => (checking = null));
      await checking;
    } else if (checking) await checking;
    return health.usable;
  };

  return {
    async read(primary, query) {
      if (!(await fresh())) return query(primary);
      try {
        return await query(replica);
      } catch (error) {
        if (unreachable(error)) {
          settle({
            usable: false,
            reason: "unreachable",
            error: error instanceof Error ? error.message : String(error),
          });
          return query(primary);
        }
        if (recoveryConflict(error)) return query(primary);
        throw error;
      }
    },
    close: () => replica.$disconnect(),
  };
}
