/**
 * `npm run db:restore -- FILE [--into URL|DIR] [--force]` (issue 10 item 7). A pg_dump backup goes into
 * the PostgreSQL database `--into` (default DATABASE_URL); an embedded backup into the data directory
 * `--into` (default .data/pglite, refused while a launcher has it open). The target must be empty unless
 * `--force`. Then every table's row count is compared with the manifest; any mismatch exits 1.
 */
import path from "node:path";
import { compareCounts, isServerUrl, readManifest, restoreEmbedded, restoreServer, type Counts } from "./backup-lib";
import { lockDataDir } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--into");
const force = args.includes("--force");

async function main(): Promise<boolean> {
  if (!file) throw new Error("usage: npm run db:restore -- FILE [--into URL|DIR] [--force]");
  const manifest = readManifest(path.resolve(file));
  let counts: Counts;
  if (manifest.format === "pg_dump-custom") {
    const url = flag("--into") ?? process.env.DATABASE_URL;
    if (!url || !isServerUrl(url)) throw new Error("A pg_dump backup restores into a PostgreSQL server: pass --into postgresql://… or set DATABASE_URL");
    counts = await restoreServer(path.resolve(file), url, { force });
  } else {
    const dir = path.resolve(flag("--into") ?? path.join(root, ".data", "pglite"));
    const release = lockDataDir(dir, "npm run db:restore");
    try {
      const restored = await restoreEmbedded(path.resolve(file), dir, { force });
      counts = restored.counts;
      await restored.db.close();
    } finally {
      release();
    }
  }
  const cmp = compareCounts(manifest.tables, counts);
  console.log(`  ${"table".padEnd(30)}  backup restored`);
  for (const line of cmp.lines) console.log(`  ${line}`);
  console.log(`• ${cmp.tables} tables, ${cmp.rows} rows restored, ${cmp.mismatches.length} mismatches`);
  for (const m of cmp.mismatches) console.error(`  ✗ ${m}`);
  return cmp.mismatches.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
