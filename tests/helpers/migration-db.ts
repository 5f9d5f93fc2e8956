import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { listMigrations, migrate } from "@/server/db/migrate";
import { createSiblingDatabase } from "./sibling-database";

const REAL_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");

/**
 * A database of its own, migrated up to (not including) `migration`, for testing what that migration does
 * to rows written in the earlier schema: `body` gets a connected client and `migrateRest()`, which applies
 * the remaining migrations. Needs a real PostgreSQL (TEST_DATABASE_URL): the embedded PGlite serves one
 * database. The database and the temporary migration folder are removed afterwards.
 */
export async function withDatabaseBefore(
  migration: string,
  body: (client: pg.Client, migrateRest: () => Promise<unknown>) => Promise<void>,
) {
  const db = await createSiblingDatabase(process.env.TEST_DATABASE_URL ?? "", "onward_mig");
  const url = db.url;
  const before = mkdtempSync(path.join(os.tmpdir(), "onward-pre-migration-"));
  for (const m of listMigrations(REAL_DIR).filter((x) => x.name < migration))
    cpSync(path.join(REAL_DIR, m.name), path.join(before, m.name), { recursive: true });
  const client = new pg.Client({ connectionString: url });
  try {
    await migrate(url, before);
    await client.connect();
    await body(client, () => migrate(url, REAL_DIR));
  } finally {
    await client.end().catch(() => undefined);
    await db.drop();
    rmSync(before, { recursive: true, force: true });
  }
}
