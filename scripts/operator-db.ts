/**
 * The database the operator commands (`npm run tenant:create`, `tenant:list`, `signup:code`) work on:
 * DATABASE_URL when set, otherwise the embedded database in $ONWARD_DATA_DIR/pglite (default .data/pglite) — like `npm run db:seed`, and
 * migrated first. The embedded data directory is locked while in use, so these commands refuse while
 * `npm run dev` / `npm start` has it open (two processes on one directory lose rows).
 */
import path from "node:path";
import { createPrismaClient, type Db } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { dataRoot, lockDataDir, startEmbeddedDb } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");

export async function withOperatorDb<T>(holder: string, work: (db: Db) => Promise<T>): Promise<T> {
  let release: (() => void) | undefined;
  let stop: (() => Promise<void>) | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      const dir = path.join(dataRoot(), "pglite");
      release = lockDataDir(dir, holder);
      const embedded = await startEmbeddedDb(dir);
      stop = embedded.stop;
      url = embedded.url;
    }
    await migrate(url, path.join(root, "prisma", "migrations"));
    const db = createPrismaClient(url);
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await stop?.();
    release?.();
  }
}

/** The public URL links are made with: APP_URL, else the local server's. */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

/** One line on stderr, exit 1: what the operator did wrong, or what failed. */
export function fail(error: unknown): never {
  const fieldErrors = (error as { fieldErrors?: Record<string, string> } | null)?.fieldErrors;
  const message = error instanceof Error ? error.message : String(error);
  const detail =
    fieldErrors && Object.keys(fieldErrors).length > 0
      ? Object.entries(fieldErrors)
          .map(([field, m]) => `${OPTION_OF[field] ?? field}: ${m}`)
          .join("; ")
      : message;
  console.error(`error: ${detail.replace(/\s+/g, " ").trim()}`);
  process.exit(1);
}

/** Service field names → the command-line options that set them. */
const OPTION_OF: Record<string, string> = {
  name: "--name",
  slug: "--slug",
  adminEmail: "--admin-email",
  adminName: "--admin-name",
  email: "--admin-email",
};
