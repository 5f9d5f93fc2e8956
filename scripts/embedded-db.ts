import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createServer } from "node:net";

/**
 * The embedded default database: PGlite (Postgres compiled to WASM) served over the Postgres wire
 * protocol, so the app only ever sees DATABASE_URL + the pg adapter — the same code path as a real
 * server. It must live in this launcher process, never inside Next.js (STACK_NOTES: two processes
 * opening one data dir lose rows).
 */
export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> };

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
  const db = await PGlite.create(dataDir);
  const port = await freePort(preferredPort);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
