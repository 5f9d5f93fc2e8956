import { createServer, type Server } from "node:http";
import pg from "pg";
import type { DbOrTx } from "@/server/db/client";
import { factsQuery, listsQuery } from "@/server/db/dashboard";
import { Prisma } from "@/generated/prisma/client";
import { KPI_ROW_RULES } from "@/domain/dashboard/definitions";
import { EXPANSION_SCORE_MIN, EXPANSION_STRATEGY, MAX_OPPORTUNITIES } from "@/domain/dashboard/opportunities";
import { dashboardWindows, resolveRange } from "@/domain/dashboard/range";

/**
 * The limit of P1 (bench/README.md): a bare Node HTTP server that runs the very statements
 * `dashboard.summary` runs — built by the same server/db functions, captured instead of sent through
 * Prisma — directly over `pg`, side by side like loadDashboard, and answers their rows as JSON. No
 * auth, no tRPC, no engine: what is left is the database and the wire.
 */
const capture = {
  $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => Prisma.sql(strings, ...values),
} as unknown as DbOrTx;

export function dashboardStatements(tenantId: string, days: number, now: Date): Prisma.Sql[] {
  const range = resolveRange({ days }, now);
  if (!range.ok) throw new Error(range.problem);
  const w = dashboardWindows(range.range, now);
  const o = { expansionStrategy: EXPANSION_STRATEGY, expansionScoreMin: EXPANSION_SCORE_MIN, limit: MAX_OPPORTUNITIES };
  return [
    factsQuery(capture, tenantId, w, KPI_ROW_RULES),
    listsQuery(capture, tenantId, w, KPI_ROW_RULES, o),
  ] as unknown as Prisma.Sql[];
}

export type RawServer = { url: (tenantId: string, days: number) => string; close: () => Promise<void> };

export async function startRawServer(databaseUrl: string, port: number, poolMax: number): Promise<RawServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const server: Server = createServer((req, res) => {
    const q = new URL(req.url ?? "/", "http://raw").searchParams;
    const statements = dashboardStatements(q.get("tenant") ?? "", Number(q.get("days") ?? 90), new Date());
    Promise.all(statements.map((s) => pool.query<Record<string, unknown>>(s.text, s.values)))
      .then((results) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(results.map((r) => r.rows)));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return {
    url: (tenantId, days) => `http://127.0.0.1:${port}/dashboard?tenant=${encodeURIComponent(tenantId)}&days=${days}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
