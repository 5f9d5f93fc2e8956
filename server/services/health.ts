import "server-only";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down"; migration: string | null }> {
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`;
    return { ok: true, database: "up", migration: rows[0]?.migration_name ?? null };
  } catch (error) {
    logger.warn({ err: error }, "health check: database unreachable");
    return { ok: false, database: "down", migration: null };
  }
}
