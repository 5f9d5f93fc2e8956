/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database). */
import path from "node:path";
import { migrate } from "../server/db/migrate";
import { startEmbeddedDb } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDb(path.join(root, ".data", "pglite"));
const url = process.env.DATABASE_URL ?? embedded?.url ?? "";
const result = await migrate(url, path.join(root, "prisma", "migrations"));
console.log(`${result.applied.length} applied (${result.applied.join(", ") || "none"}), ${result.alreadyApplied} already in place`);
await embedded?.stop();
