/**
 * The dashboard statements' plans (bench/README.md: "show the EXPLAIN plans in the bench README"):
 * `node --import tsx --import ./scripts/server-only-hook.mjs bench/explain.ts <database url> <tenant id> [--analyze]` prints EXPLAIN of
 * exactly the statements dashboard.summary sends, for a database a `--keep` bench run left behind.
 */
import pg from "pg";
import { dashboardStatements } from "./raw-server";
import { DASHBOARD_DAYS } from "./dashboard";

const [url, tenantId] = process.argv.slice(2);
if (!url || !tenantId) throw new Error("usage: bench/explain.ts <database url> <tenant id> [--analyze]");
const analyze = process.argv.includes("--analyze");
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  for (const [i, s] of dashboardStatements(tenantId, DASHBOARD_DAYS, new Date()).entries()) {
    const r = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (${analyze ? "ANALYZE, " : ""}COSTS OFF) ${s.text}`,
      s.values,
    );
    console.log(`-- statement ${i + 1}\n${r.rows.map((x) => x["QUERY PLAN"]).join("\n")}\n`);
  }
} finally {
  await client.end();
}
