import { PrismaPg } from "@prisma/adapter-pg";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session-user";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * A tRPC caller whose own Prisma client counts the SQL statements it sends (Prisma query events), for
 * the "a fixed number of statements whatever the size" tests (bench/README.md, P2). Call
 * `closeCountingClients()` in afterAll.
 */
const clients: PrismaClient[] = [];

export function countingCaller(user: SessionUser, now: () => Date) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
    log: [{ emit: "event", level: "query" }],
  });
  clients.push(client);
  const statements: string[] = [];
  client.$on("query", (e) => statements.push(e.query));
  const caller = createCaller(createInnerContext({ user, db: client, now }));
  return {
    caller,
    async count<T>(call: (c: typeof caller) => Promise<T>): Promise<number> {
      statements.length = 0;
      await call(caller);
      return statements.length;
    },
  };
}

export async function closeCountingClients() {
  await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
}
