import { createSiblingDatabase } from "../../tests/helpers/sibling-database";
import { startEmbeddedDb } from "../embedded-db";

/**
 * The crash run's database, which must outlive the killed server: CRASH_DATABASE_URL as given (it
 * must be fresh), else a new database on TEST_DATABASE_URL's server (dropped afterwards), else the
 * embedded PGlite in this process (docs/architecture.md#platform-constraints: never inside the Next.js process).
 */
export type CrashDb = { kind: "given" | "postgres" | "embedded"; url: string; drop: () => void | Promise<void> };

export async function freshDatabase(): Promise<CrashDb> {
  const given = process.env.CRASH_DATABASE_URL;
  if (given) return { kind: "given", url: given, drop: () => undefined };
  const next = process.env.TEST_DATABASE_URL;
  if (next) return { kind: "postgres", ...(await createSiblingDatabase(next, "onward_crash")) };
  const embedded = await startEmbeddedDb("memory://");
  return { kind: "embedded", url: embedded.url, drop: embedded.stop };
}
