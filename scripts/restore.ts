/**
 * `npm run db:restore -- FILE [--into URL|DIR] [--force]` (docs/security.md). A pg_dump backup goes into
 * the PostgreSQL database `--into` (default DATABASE_URL); an embedded backup into the data directory
 * `--into` (default .data/pglite, refused while a launcher has it open). The target must be empty unless
 * `--force`. Then every table's row count is compared with the manifest and every hash chain (sign-offs
 * per project, audit events per tenant) is verified on the restored data; a count mismatch or a chain
 * that does not verify exits 1 (the data stays restored, for a look).
 */
import path from "node:path";
import { createPrismaClient } from "../server/db/client";
import { verifyAllChains, type ChainReport } from "../server/services/integrity";
import { compareCounts, isServerUrl, readManifest, restoreEmbedded, restoreServer, type Counts } from "./backup-lib";
import { EMBEDDED_POOL_MAX, dataRoot, lockDataDir, serveEmbeddedDb } from "./embedded-db";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--into");
const force = args.includes("--force");

/** Every chain of the database at `url`, verified through the app's own verifiers. */
async function chainsAt(url: string): Promise<ChainReport[]> {
  const client = createPrismaClient(url);
  try {
    return await verifyAllChains(client, new Date());
  } finally {
    await client.$disconnect();
  }
}

async function main(): Promise<boolean> {
  if (!file) throw new Error("usage: npm run db:restore -- FILE [--into URL|DIR] [--force]");
  const manifest = readManifest(path.resolve(file));
  let counts: Counts;
  let chains: ChainReport[];
  if (manifest.format === "pg_dump-custom") {
    const url = flag("--into") ?? process.env.DATABASE_URL;
    if (!url || !isServerUrl(url))
      throw new Error(
        "A pg_dump backup restores into a PostgreSQL server: pass --into postgresql://… or set DATABASE_URL",
      );
    counts = await restoreServer(path.resolve(file), url, { force });
    chains = await chainsAt(url);
  } else {
    const dir = path.resolve(flag("--into") ?? path.join(dataRoot(), "pglite"));
    const release = lockDataDir(dir, "npm run db:restore");
    try {
      const restored = await restoreEmbedded(path.resolve(file), dir, { force });
      counts = restored.counts;
      // served on a free port for the verifiers (one connection: PGlite has one session); stop() closes it
      process.env.DB_POOL_MAX = EMBEDDED_POOL_MAX;
      const served = await serveEmbeddedDb(restored.db);
      try {
        chains = await chainsAt(served.url);
      } finally {
        await served.stop();
      }
    } finally {
      release();
    }
  }
  const cmp = compareCounts(manifest.tables, counts);
  console.log(`  ${"table".padEnd(30)}  backup restored`);
  for (const line of cmp.lines) console.log(`  ${line}`);
  console.log(`• ${cmp.tables} tables, ${cmp.rows} rows restored, ${cmp.mismatches.length} mismatches`);
  for (const m of cmp.mismatches) console.error(`  ✗ ${m}`);
  for (const r of chains)
    console.log(`• ${r.name}: ${r.chains} verified (${r.entries} entries), ${r.broken.length} broken`);
  const broken = chains.flatMap((r) => r.broken);
  for (const b of broken) console.error(`  ✗ ${b}`);
  return cmp.mismatches.length === 0 && broken.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
