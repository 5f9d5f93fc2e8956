import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/server/db/migrate";

/**
 * Runs migrate() against the shared test database. Experiments use migrations named
 * 00000000000000_vitest_<run>_* (sorted before every real one, so the "latest migration" never
 * changes) that create uniquely named tables; afterAll drops the tables and their history rows.
 */
const REAL_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
const RUN = randomUUID().slice(0, 8);
const PREFIX = `00000000000000_vitest_${RUN}`;
const url = () => process.env.DATABASE_URL ?? "";

let client: pg.Client;
const tempDirs: string[] = [];

function tempMigrations(migrations: Record<string, string>, withReal = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "onward-migrations-"));
  tempDirs.push(dir);
  if (withReal) cpSync(REAL_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function historyRows(name: string) {
  const res = await client.query<{
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    applied_steps_count: number;
  }>(
    `SELECT checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = $1`,
    [name],
  );
  return res.rows;
}

async function tableExists(table: string): Promise<boolean> {
  const res = await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`"${table}"`]);
  return res.rows[0]?.t !== null && res.rows[0]?.t !== undefined;
}

const realMigrations = listMigrations(REAL_DIR);

beforeAll(async () => {
  client = new pg.Client({ connectionString: url() });
  await client.connect();
});

afterAll(async () => {
  const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE $1`, [
    `vitest_${RUN}_%`,
  ]);
  for (const { tablename } of tables.rows) await client.query(`DROP TABLE IF EXISTS "${tablename}"`);
  await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE $1`, [`${PREFIX}%`]);
  await client.end();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("migrate()", () => {
  it("finds the project's migrations", () => {
    expect(realMigrations.length).toBeGreaterThan(0);
    expect(realMigrations.map((m) => m.name)).toEqual([...realMigrations.map((m) => m.name)].sort());
  });

  it("is a no-op on the already-migrated database", async () => {
    expect(await migrate(url(), REAL_DIR)).toEqual({ applied: [], alreadyApplied: realMigrations.length });
  });

  it("records each applied migration the way Prisma does: one finished row with the file's sha256", async () => {
    for (const m of realMigrations) {
      const file = readFileSync(path.join(REAL_DIR, m.name, "migration.sql"));
      const rows = await historyRows(m.name);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]?.finished_at).toBeInstanceOf(Date);
      expect(rows[0]?.rolled_back_at).toBeNull();
      expect(rows[0]?.applied_steps_count).toBe(1);
    }
  });

  it("applies a new migration exactly once, next to the already-applied ones", async () => {
    const name = `${PREFIX}_add_table`;
    const table = `vitest_${RUN}_added`;
    const sql = `CREATE TABLE "${table}" (id int PRIMARY KEY);\nINSERT INTO "${table}" VALUES (1);\n`;
    const dir = tempMigrations({ [name]: sql }, true);

    expect(await migrate(url(), dir)).toEqual({ applied: [name], alreadyApplied: realMigrations.length });
    expect(await migrate(url(), dir)).toEqual({ applied: [], alreadyApplied: realMigrations.length + 1 });
    expect((await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]).toEqual({ n: 1 });
    const rows = await historyRows(name);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
  });

  it("applies several new migrations in name order", async () => {
    const table = `vitest_${RUN}_ordered`;
    const second = `${PREFIX}_ordered_2_alter`;
    const first = `${PREFIX}_ordered_1_create`;
    // written second-first: the alter only works if the create ran before it
    const dir = tempMigrations({
      [second]: `ALTER TABLE "${table}" ADD COLUMN label text;`,
      [first]: `CREATE TABLE "${table}" (id int);`,
    });
    expect((await migrate(url(), dir)).applied).toEqual([first, second]);
    expect(await tableExists(table)).toBe(true);
  });

  it("refuses a migration edited after it was applied, with a clear error, and changes nothing", async () => {
    const name = `${PREFIX}_edited`;
    const table = `vitest_${RUN}_edited`;
    const dir = tempMigrations({ [name]: `CREATE TABLE "${table}" (id int);` });
    await migrate(url(), dir);
    const before = await historyRows(name);
    writeMigration(dir, name, `CREATE TABLE "${table}" (id int, extra text);`);
    writeMigration(dir, `${PREFIX}_edited_next`, `CREATE TABLE "vitest_${RUN}_never" (id int);`);

    await expect(migrate(url(), dir)).rejects.toThrow(`Migration ${name} was edited after it was applied`);
    expect(await historyRows(name)).toEqual(before);
    expect(await tableExists(`vitest_${RUN}_never`)).toBe(false);
  });

  it("rolls a failing migration back completely and records nothing, so a fixed version can run", async () => {
    const name = `${PREFIX}_failing`;
    const table = `vitest_${RUN}_half_done`;
    const dir = tempMigrations({
      [name]: `CREATE TABLE "${table}" (id int);\nINSERT INTO "${table}" VALUES (1);\nSELECT 1 / 0;\n`,
    });

    await expect(migrate(url(), dir)).rejects.toThrow(new RegExp(`Migration ${name} failed: .*division by zero`));
    expect(await tableExists(table)).toBe(false);
    expect(await historyRows(name)).toEqual([]);

    writeMigration(dir, name, `CREATE TABLE "${table}" (id int);\n`);
    expect((await migrate(url(), dir)).applied).toEqual([name]);
    expect(await tableExists(table)).toBe(true);
  });

  // The embedded PGlite is one backend session behind every socket, so its advisory locks do not
  // exclude each other: this only means something on a real server (TEST_DATABASE_URL).
  it.skipIf(!process.env.TEST_DATABASE_URL)("two runs at the same time apply a new migration once", async () => {
    const name = `${PREFIX}_concurrent`;
    const table = `vitest_${RUN}_concurrent`;
    const dir = tempMigrations({ [name]: `CREATE TABLE "${table}" (id int);\nINSERT INTO "${table}" VALUES (1);\n` });
    const results = await Promise.all([migrate(url(), dir), migrate(url(), dir)]);
    expect(results.map((r) => r.applied).flat()).toEqual([name]);
    expect(await historyRows(name)).toHaveLength(1);
  });
});
