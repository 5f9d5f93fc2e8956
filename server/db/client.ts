import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { replicaEnv } from "@/lib/env";
import { createReadReplica, type ReadReplica } from "./replica";

/**
 * The one Prisma client. Created lazily so importing server code (or `next build`) never opens a
 * connection; cached on globalThis so dev hot-reload does not leak pools.
 */
const holder = globalThis as unknown as { onwardPrisma?: PrismaClient; onwardReplica?: ReadReplica | null };

export function createPrismaClient(connectionString: string, opts: { connectTimeoutMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}

/** A replica that does not answer within this is treated as down (docs/deploy.md#read-replica). */
export const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/** A read replica over its own pool at `url`; `read` falls back to the primary it is given. */
export function connectReadReplica(url: string, options: { maxLagSeconds: number; checkEverySeconds: number }) {
  return createReadReplica(createPrismaClient(url, { connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS }), options);
}

/**
 * The read replica of DATABASE_REPLICA_URL, or null when none is set (then every read goes to `db()`).
 * Lazy and cached like `db()`.
 */
export function readReplica(): ReadReplica | null {
  if (holder.onwardReplica === undefined) {
    const env = replicaEnv();
    holder.onwardReplica = env.DATABASE_REPLICA_URL
      ? connectReadReplica(env.DATABASE_REPLICA_URL, {
          maxLagSeconds: env.REPLICA_MAX_LAG_SECONDS,
          checkEverySeconds: env.REPLICA_CHECK_SECONDS,
        })
      : null;
  }
  return holder.onwardReplica;
}

/** Closes the replica's pool and forgets it: the next `readReplica()` reads the environment again. */
export async function closeReadReplica(): Promise<void> {
  const replica = holder.onwardReplica;
  holder.onwardReplica = undefined;
  await replica?.close();
}

export function db(): PrismaClient {
  if (!holder.onwardPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm run dev / npm start set it for the embedded database)");
    holder.onwardPrisma = createPrismaClient(url);
  }
  return holder.onwardPrisma;
}

export type Db = PrismaClient;
export type { ReadReplica };
/** A client or an interactive transaction: data functions accept either. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;
export type { Prisma };
