import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

/**
 * The one Prisma client. Created lazily so importing server code (or `next build`) never opens a
 * connection; cached on globalThis so dev hot-reload does not leak pools.
 */
const holder = globalThis as unknown as { onwardPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
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
/** A client or an interactive transaction: data functions accept either. */
export type DbOrTx = PrismaClient | Prisma.TransactionClient;
export type { Prisma };
