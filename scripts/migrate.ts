/**
 * `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database).
 * `--require-database-url` (the deploy build, docs/deploy.md) refuses to fall back to the embedded one.
 */
import path from "node:path";
import { migrate } from "../server/db/migrate";
import { dataRoot, startEmbeddedDb } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
if (process.argv.includes("--require-database-url") && !process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: a deployment migrates its own PostgreSQL database (docs/deploy.md).");
  process.exit(1);
}
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDb(path.join(dataRoot(), "pglite"));
const url = process.env.DATABASE_URL ?? embedded?.url ?? "";
const result = await migrate(url, path.join(root, "prisma", "migrations"));
console.log(
  `${result.applied.length} applied (${result.applied.join(", ") || "none"}), ${result.alreadyApplied} already in place`,
);
await embedded?.stop();
