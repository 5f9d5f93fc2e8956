import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/server/db/migrate";
import { verifyAuditChain, type AuditChainHead, type AuditChainRow } from "@/domain/audit/chain";

/**
 * Migration audit_chain chains the audit rows that already exist (SQL backfill), with the hash the
 * TypeScript verifier recomputes. Needs a database of its own in the pre-chain state, so it runs on a real
 * PostgreSQL only (TEST_DATABASE_URL): the embedded PGlite serves one database.
 */
const REAL_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
const CHAIN_MIGRATION = "20261202142500_audit_chain";

describe("the audit_chain migration", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "backfills existing rows into per-tenant chains the verifier accepts",
    async () => {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = `onward_backfill_${process.pid}_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = `/${name}`;
      const before = mkdtempSync(path.join(os.tmpdir(), "onward-pre-chain-"));
      for (const m of listMigrations(REAL_DIR).filter((x) => x.name < CHAIN_MIGRATION))
        cpSync(path.join(REAL_DIR, m.name), path.join(before, m.name), { recursive: true });
      const c = new pg.Client({ connectionString: url.toString() });
      try {
        await migrate(url.toString(), before);
        await c.connect();
        await c.query(`INSERT INTO "Tenant" ("id", "slug", "name") VALUES ('t1', 't1', 'T1'), ('t2', 't2', 'T2')`);
        for (let i = 0; i < 30; i += 1) {
          await c.query(
            `INSERT INTO "AuditEvent" ("id", "tenantId", "action", "entityType", "before", "after", "createdAt") VALUES ($1, $2, 'x', 'Y', $3, $4, $5)`,
            [
              `e${i}`,
              [null, "t1", "t2"][i % 3],
              i % 2 ? null : JSON.stringify({ z: i, a: "Zoë 🎉", n: 1.5e300 }),
              JSON.stringify({ b: [1, 2.5], a: { y: '\u2028"', x: null } }),
              new Date(Date.UTC(2026, 0, 1, 0, 0, 30 - i)),
            ],
          );
        }
        await migrate(url.toString(), REAL_DIR);
        for (const tenantId of ["t1", "t2", null]) {
          const rows = (
            await c.query<AuditChainRow>(
              `SELECT "id", "tenantId", "seq", "prevHash", "hash", "actorId", "action", "entityType", "entityId", "before"::text AS "beforeText",
          "after"::text AS "afterText", "ip", "requestId", "createdAt" FROM "AuditEvent" WHERE "tenantId" IS NOT DISTINCT FROM $1::text ORDER BY "seq"`,
              [tenantId],
            )
          ).rows;
          const head =
            (
              await c.query<AuditChainHead>(
                `SELECT "seq", "hash" FROM "AuditChainHead" WHERE "tenantId" IS NOT DISTINCT FROM $1::text`,
                [tenantId],
              )
            ).rows[0] ?? null;
          expect(verifyAuditChain(rows, head)).toEqual({ ok: true, entries: 10, headSeq: 10, firstBad: null });
          // chained in time order: the oldest row is #1
          expect(rows.map((r) => r.createdAt.getTime())).toEqual(
            [...rows.map((r) => r.createdAt.getTime())].sort((a, b) => a - b),
          );
        }
      } finally {
        await c.end().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
        rmSync(before, { recursive: true, force: true });
      }
    },
  );
});
