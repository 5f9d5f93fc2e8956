/**
 * Backup and restore (docs/security.md), shared by scripts/backup.ts, scripts/restore.ts and the test.
 *
 * - A real PostgreSQL server: `pg_dump -Fc` / `pg_restore --no-owner --single-transaction --exit-on-error`.
 *   The manifest's row counts are taken inside the very snapshot pg_dump dumps (pg_export_snapshot +
 *   `pg_dump --snapshot`), so a write during the backup can never make a good dump look wrong.
 * - The embedded PGlite: its own physical dump (`dumpDataDir`, a gzipped tar of the data directory),
 *   restored with the `loadDataDir` option. pg_dump cannot be used there: PGlite 0.5 is PostgreSQL 18
 *   and the machine's pg_dump 15 refuses it ("aborting because of server version mismatch", tried
 *   against the pglite-socket server). The data directory is opened by the backup only while no
 *   launcher holds it (two processes on one data dir lose rows — docs/architecture.md#platform-constraints): see the lock below.
 *
 * Every dump gets `<file>.manifest.json` beside it (format, per-table row counts, size, sha256), so a
 * restore checks itself: identical row counts for every table, or a non-zero exit.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const run = promisify(execFile);

export type Format = "pg_dump-custom" | "pglite-datadir";
export type Counts = Record<string, number>;
export type Manifest = {
  format: Format;
  createdAt: string;
  bytes: number;
  sha256: string;
  tables: Counts;
  totalRows: number;
};
/** Anything that runs SQL and returns rows: a pg.Client or a PGlite instance. */
export type Queryable = { query: <T>(sql: string) => Promise<{ rows: T[] }> };

export const manifestPath = (file: string) => `${file}.manifest.json`;
export const isServerUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);

/** Row count of every table of the public schema (migrations table included), in name order. */
export async function tableCounts(db: Queryable): Promise<Counts> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Counts = {};
  for (const { name } of tables.rows) {
    const res = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "public"."${name.replaceAll('"', '""')}"`,
    );
    counts[name] = Number(res.rows[0]?.n ?? 0);
  }
  return counts;
}

function writeManifest(file: string, format: Format, tables: Counts): Manifest {
  const bytes = readFileSync(file);
  const manifest: Manifest = {
    format,
    createdAt: new Date().toISOString(),
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    tables,
    totalRows: Object.values(tables).reduce((a, b) => a + b, 0),
  };
  writeFileSync(manifestPath(file), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function readManifest(file: string): Manifest {
  if (!existsSync(file)) throw new Error(`No backup at ${file}`);
  if (!existsSync(manifestPath(file)))
    throw new Error(`No manifest beside the backup (${manifestPath(file)}): it cannot be checked`);
  const manifest = JSON.parse(readFileSync(manifestPath(file), "utf8")) as Manifest;
  const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
  if (digest !== manifest.sha256)
    throw new Error(`${file} does not match its manifest (sha256 differs): damaged or replaced`);
  return manifest;
}

// ------------------------------------------------------------------ real server

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** pg_dump -Fc of `url` into `file`; the counts come from the same snapshot as the dump. */
export function backupServer(url: string, file: string): Promise<Manifest> {
  return withClient(url, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const snapshot = (await c.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0]?.s ?? "";
      const tables = await tableCounts(c);
      await run("pg_dump", ["-Fc", "--no-owner", `--snapshot=${snapshot}`, "-f", file, "-d", url]);
      return writeManifest(file, "pg_dump-custom", tables);
    } finally {
      await c.query("COMMIT");
    }
  });
}

/** Tables in the target's public schema: a restore goes into an empty database only (unless forced). */
export const serverTableCount = (url: string) =>
  withClient(url, async (c) =>
    Number(
      (await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]
        ?.n,
    ),
  );

export async function restoreServer(file: string, url: string, opts: { force?: boolean } = {}): Promise<Counts> {
  const existing = await serverTableCount(url);
  if (existing > 0 && !opts.force)
    throw new Error(
      `The target database is not empty (${existing} tables): restore into a fresh database, or pass --force to replace its objects`,
    );
  const clean = existing > 0 ? ["--clean", "--if-exists"] : [];
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    ...clean,
    "-d",
    url,
    file,
  ]);
  return withClient(url, tableCounts);
}

// ------------------------------------------------------------------ embedded PGlite

/** The embedded database's own dump of an open instance (only this process may have it open). */
export async function backupEmbedded(db: PGlite, file: string): Promise<Manifest> {
  const tables = await tableCounts(db);
  const dump = await db.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return writeManifest(file, "pglite-datadir", tables);
}

const dirIsEmpty = (dir: string) => !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);

/**
 * Loads the dump into a fresh data directory ("memory://" for a throw-away instance) and returns the
 * open instance with its counts; the caller closes it. `force` empties a non-empty directory first.
 */
export async function restoreEmbedded(
  file: string,
  dir: string,
  opts: { force?: boolean } = {},
): Promise<{ db: PGlite; counts: Counts }> {
  if (!dir.startsWith("memory://") && !dirIsEmpty(dir)) {
    if (!opts.force)
      throw new Error(
        `The target data directory ${dir} is not empty: restore into a fresh one, or pass --force to replace it`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  const db = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  return { db, counts: await tableCounts(db) };
}

// ------------------------------------------------------------------ checking a restore

export type Comparison = { tables: number; rows: number; mismatches: string[]; lines: string[] };

/** Every table of the manifest with the same count in the restore, and no table the manifest lacks. */
export function compareCounts(expected: Counts, actual: Counts): Comparison {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const mismatches: string[] = [];
  const lines = names.map((name) => {
    const want = expected[name];
    const got = actual[name];
    const same = want === got;
    if (!same) mismatches.push(`${name}: backup ${want ?? "absent"}, restored ${got ?? "absent"}`);
    return `${same ? "✓" : "✗"} ${name.padEnd(28)} ${String(want ?? "-").padStart(7)} ${String(got ?? "-").padStart(7)}`;
  });
  return { tables: names.length, rows: Object.values(actual).reduce((a, b) => a + b, 0), mismatches, lines };
}
