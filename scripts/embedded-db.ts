import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

export { dataRoot } from "./data-root";

/**
 * The embedded default database: PGlite (Postgres compiled to WASM) served over the Postgres wire
 * protocol, so the app only ever sees DATABASE_URL + the pg adapter — the same code path as a real
 * server. It must live in this launcher process, never inside Next.js (docs/architecture.md#platform-constraints: two processes
 * opening one data dir lose rows).
 */
/**
 * The app's pool size on the embedded database. PGlite is a single backend behind pglite-socket, and
 * pooled connections interleave their extended-protocol messages under concurrent requests ("bind
 * message supplies 3 parameters…", wrong results), so every server on it uses one connection.
 */
export const EMBEDDED_POOL_MAX = "1";

export type EmbeddedDb = { url: string; port: number; db: PGlite; stop: () => Promise<void> };

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const address = srv.address();
        const chosen = typeof address === "object" && address ? address.port : port;
        srv.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

/** dataDir "memory://" gives a throw-away database (tests); a folder path keeps data across runs. */
export async function startEmbeddedDb(dataDir: string, preferredPort?: number): Promise<EmbeddedDb> {
  return serveEmbeddedDb(await PGlite.create(dataDir), preferredPort);
}

/** Serves an open PGlite instance (e.g. one just restored from a dump); stop() closes it too. */
export async function serveEmbeddedDb(db: PGlite, preferredPort?: number): Promise<EmbeddedDb> {
  const port = await freePort(preferredPort);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    db,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * One process at a time on a data directory (docs/architecture.md#platform-constraints: a second PGlite on the same folder gave no
 * error and lost committed rows). The holder writes its pid to `<dir>.lock`; a lock whose process is
 * gone is stale and taken over. The launcher and the backup/restore scripts all go through this.
 */
export function lockDataDir(dir: string, holder: string): () => void {
  const file = `${dir.replace(/\/+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, holder }), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const other = JSON.parse(readFileSync(file, "utf8") || "{}") as { pid?: number; holder?: string };
      if (other.pid && isAlive(other.pid)) {
        throw new Error(
          `The embedded database (${dir}) is in use by ${other.holder ?? "another process"} (pid ${other.pid}): stop it first`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
