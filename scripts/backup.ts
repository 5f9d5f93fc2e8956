/**
 * `npm run db:backup [-- --out FILE]` (docs/security.md): DATABASE_URL → pg_dump -Fc; otherwise the
 * embedded database's own dump of .data/pglite, refused while a launcher has it open. Prints the path,
 * size and per-table row counts, also written beside the dump as `<file>.manifest.json`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { backupEmbedded, backupServer, type Manifest } from "./backup-lib";
import { dataRoot, lockDataDir } from "./embedded-db";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const url = process.env.DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = path.resolve(
  args[outAt + 1] && outAt >= 0
    ? (args[outAt + 1] ?? "")
    : path.join(dataRoot(), "backups", `onward-${stamp}.${url ? "dump" : "pglite.tar.gz"}`),
);

async function main(): Promise<Manifest> {
  mkdirSync(path.dirname(out), { recursive: true });
  if (url) return backupServer(url, out);
  const dir = path.join(dataRoot(), "pglite");
  const release = lockDataDir(dir, "npm run db:backup");
  try {
    const db = await PGlite.create(dir);
    try {
      return await backupEmbedded(db, out);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

main().then(
  (m) => {
    for (const [name, n] of Object.entries(m.tables)) console.log(`  ${name.padEnd(28)} ${String(n).padStart(7)}`);
    console.log(
      `• ${m.format} backup: ${out} (${(m.bytes / 1024).toFixed(1)} KiB, ${Object.keys(m.tables).length} tables, ${m.totalRows} rows)`,
    );
  },
  (error: unknown) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
