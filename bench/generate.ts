import type { ClientBase } from "pg";
import { GENERATOR_STATEMENTS } from "./generate-sql";

/**
 * The bench's synthetic tenant (bench/README.md): deterministic, at a chosen number of milestones, built
 * entirely in SQL (`INSERT … SELECT … generate_series`) so 100k milestones take seconds, not minutes,
 * on a real PostgreSQL and on the embedded PGlite alike. "Randomness" is a seeded hash —
 * md5(seed, tenant, salt, row) — so the same seed, scale and `now` give the same rows and ids.
 *
 * Proportions per 10 milestones: 1 project (10 weekly milestones, 3 criteria each, 1 sign-off per
 * validated milestone, a CSAT survey every third validated week, an NPS survey per finished project,
 * 1 guarantee, 2 quality validations, 5 outbox rows), 1.5 leads, ⅓ customer account (90 daily
 * health snapshots each, a retention plan for half), alerts on at-risk projects, refunds on failed ones.
 */
export const SCALES = { "1k": 1_000, "10k": 10_000, "100k": 100_000 } as const;
export type ScaleName = keyof typeof SCALES;

export type GeneratedTenant = {
  tenantId: string;
  slug: string;
  milestones: number;
  projects: number;
  activeProjects: number;
  rows: Record<string, number>;
  /** ms per table, to see where generation time goes */
  timings: Record<string, number>;
  ms: number;
  accounts: { executive: string; csm: string; customer: string };
  portalProjectId: string;
  leadId: string;
};

export type GenerateOptions = {
  slug: string;
  name: string;
  milestones: number;
  now: Date;
  seed: number;
  passwordHash: string;
};

export async function generateTenant(client: ClientBase, o: GenerateOptions): Promise<GeneratedTenant> {
  const started = Date.now();
  const projects = Math.max(1, Math.round(o.milestones / 10));
  const sizes = {
    projects,
    accounts: Math.max(3, Math.round(projects / 3)),
    leads: Math.round(projects * 1.5),
    csms: Math.max(2, Math.round(projects / 150)),
    techLeads: Math.max(2, Math.round(projects / 20)),
  };
  const tenantId = `bt-${o.slug}`;
  // $1 tenant id, $2 slug, $3 now (UTC wall time), $4 hash salt, $5 projects, $6 accounts, $7 leads, $8 CSMs, $9 tech leads, $10 name, $11 password hash
  const params = [
    tenantId,
    o.slug,
    o.now.toISOString(),
    `${o.seed}:${o.slug}`,
    sizes.projects,
    sizes.accounts,
    sizes.leads,
    sizes.csms,
    sizes.techLeads,
    o.name,
    o.passwordHash,
  ];
  const rows: Record<string, number> = {};
  const timings: Record<string, number> = {};
  await client.query("BEGIN");
  try {
    // the rows are consistent by construction: skip the per-row foreign-key triggers (half the time);
    // needs a superuser, which the bench's own database has — else generation just runs slower
    await client.query("SAVEPOINT fk");
    await client
      .query("SET LOCAL session_replication_role = replica")
      .catch(() => client.query("ROLLBACK TO SAVEPOINT fk"));
    // r(salt, i): a uniform [0, 1) number from the seeded hash; inlined by the planner (plain SQL function)
    await client.query(`CREATE OR REPLACE FUNCTION pg_temp.r(salt text, k text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
      $$ SELECT ('x' || substr(md5(salt || ':' || k), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
    for (const [table, sql] of GENERATOR_STATEMENTS) {
      const bound = bindUsed(sql, params);
      const t0 = Date.now();
      const res = await client.query(bound.sql, bound.values);
      if (sql.trimStart().startsWith("INSERT")) rows[table] = (rows[table] ?? 0) + (res.rowCount ?? 0); // rows created, not touched
      timings[table] = (timings[table] ?? 0) + Date.now() - t0;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  // the steady state autovacuum keeps a live database in: statistics, and the visibility map that lets
  // the dashboard's covering indexes answer from the index alone (index-only scans)
  await client.query(`VACUUM ANALYZE`);
  const picked = await client.query<{ project: string; lead: string; active: number }>(
    `SELECT (SELECT p.id FROM "Project" p WHERE p."tenantId" = $1 AND p."customerAccountId" = $2
              ORDER BY (p.status IN ('KICKOFF','ACTIVE','AT_RISK')) DESC, p.id LIMIT 1) AS project,
            (SELECT id FROM "Lead" WHERE "tenantId" = $1 ORDER BY id LIMIT 1) AS lead,
            (SELECT count(*)::int FROM "Project" WHERE "tenantId" = $1 AND status IN ('KICKOFF','ACTIVE','AT_RISK')) AS active`,
    [tenantId, `${tenantId}-a000001`],
  );
  const domain = `${o.slug}.bench`;
  return {
    tenantId,
    slug: o.slug,
    milestones: rows.Milestone ?? 0,
    projects,
    activeProjects: picked.rows[0]?.active ?? 0,
    rows,
    timings,
    ms: Date.now() - started,
    accounts: { executive: `exec@${domain}`, csm: `csm1@${domain}`, customer: `c000001@${domain}` },
    portalProjectId: picked.rows[0]?.project ?? "",
    leadId: picked.rows[0]?.lead ?? "",
  };
}

/** pg must infer every parameter's type: pass only the ones a statement uses, renumbered $1…$k. */
function bindUsed(sql: string, params: unknown[]): { sql: string; values: unknown[] } {
  const used = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const renumber = new Map(used.map((n, i) => [n, i + 1]));
  return {
    sql: sql.replace(/\$(\d+)/g, (_, n: string) => `$${renumber.get(Number(n))}`),
    values: used.map((n) => params[n - 1]),
  };
}
