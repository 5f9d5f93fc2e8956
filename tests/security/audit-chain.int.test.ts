import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { recordAudit } from "@/server/db/audit";
import { auditEntryHash } from "@/domain/audit/chain";
import { entryHash } from "@/domain/signoff/chain";
import { verifyTenantAuditChain } from "@/server/services/audit";
import { verifyProjectSignOffs } from "@/server/services/signoffs";
import {
  callerFor,
  concurrencyDb,
  createTenantFixture,
  leadThrough,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * docs/security.md#audit-chain: single-row tampering done directly in the database — an edited field, a deleted
 * middle or last row, two rows' seq swapped, a forged row — is detected by the verifiers every time,
 * which name exactly the first bad entry. Rows are built through the real services. The tampering runs
 * as a superuser would: `SET LOCAL session_replication_role = replica` switches off the append-only and
 * chaining triggers (and foreign keys) for that one transaction only. Each mutation is undone afterwards
 * from a copy of the untouched rows, and the chains must verify again before the next one.
 */

type Expected = { seq: number; id: string | null; kind: string };
type Mutation = { name: string; sql: (rows: Row[]) => [string, unknown[]][]; expected: (rows: Row[]) => Expected };
type Row = { id: string; seq: number; hash: string; prevHash: string | null };

let f: TenantFixture;
let client: pg.Client;
const tally = { tried: 0, detected: 0, named: 0 };
const misses: string[] = [];

/** Runs statements in one transaction with the triggers and foreign keys off (superuser only). */
async function asSuperuser(statements: [string, unknown[]][]) {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

const at = (rows: Row[], seq: number) => {
  const r = rows.find((x) => x.seq === seq);
  if (!r) throw new Error(`no row #${seq}`);
  return r;
};

async function runMutations(
  table: "AuditEvent" | "SignOff",
  scope: { column: string; value: string },
  mutations: Mutation[],
  verify: () => Promise<Expected | null>,
) {
  const where = `"${scope.column}" = $1`;
  const saved = `saved_${table.toLowerCase()}`;
  await client.query(`CREATE TEMP TABLE ${saved} AS SELECT * FROM "${table}" WHERE ${where}`, [scope.value]);
  const head =
    table === "AuditEvent"
      ? (
          await client.query<{ seq: number; hash: string }>(
            `SELECT "seq", "hash" FROM "AuditChainHead" WHERE "tenantId" = $1`,
            [scope.value],
          )
        ).rows[0]
      : null;
  const rows = (
    await client.query<Row>(`SELECT "id", "seq", "hash", "prevHash" FROM "${table}" WHERE ${where} ORDER BY "seq"`, [
      scope.value,
    ])
  ).rows;
  expect(await verify(), `${table} chain intact before tampering`).toBeNull();
  for (const m of mutations) {
    const expected = m.expected(rows);
    await asSuperuser(m.sql(rows));
    const found = await verify();
    tally.tried += 1;
    if (found) tally.detected += 1;
    const named =
      found !== null &&
      found.seq === expected.seq &&
      (found.id ?? null) === expected.id &&
      found.kind === expected.kind;
    if (named) tally.named += 1;
    else misses.push(`${table} / ${m.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(found)}`);
    // restore the untouched rows (and head), then the chain must verify again
    const restore: [string, unknown[]][] = [
      [`DELETE FROM "${table}" WHERE ${where}`, [scope.value]],
      [`INSERT INTO "${table}" SELECT * FROM ${saved}`, []],
    ];
    if (head)
      restore.push([
        `UPDATE "AuditChainHead" SET "seq" = $2, "hash" = $3 WHERE "tenantId" = $1`,
        [scope.value, head.seq, head.hash],
      ]);
    await asSuperuser(restore);
    expect(await verify(), `${table} chain intact after undoing "${m.name}"`).toBeNull();
  }
}

beforeAll(async () => {
  f = await createTenantFixture("auditchain");
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // audit rows from the real services: a lead through assessment, analysis and proposal, then sign-offs
  await leadThrough(f, "proposal");
  await testDb().project.update({ where: { id: f.projectA.id }, data: { techLeadId: f.users.TECH_LEAD.id } });
  const { criterionId } = await signOffCriterionOf(f.projectA.id, 2);
  const approver = await testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `approver-${f.tag}@${f.tenant.slug}.test`,
      name: "Second Approver",
      role: "CUSTOMER",
      customerAccountId: f.accountA.id,
      stakeholderRole: "TECHNICAL_LEAD",
      isApprover: true,
    },
  });
  const second = {
    ...f.users.CUSTOMER,
    id: approver.id,
    email: approver.email,
    name: approver.name,
    sessionId: `s-${randomUUID()}`,
  };
  const portal = (user: typeof second) =>
    createCaller(createInnerContext({ user, db: testDb(), ip: "203.0.113.9", userAgent: "Vitest" })).portal;
  await portal(f.users.CUSTOMER).signOff({ criterionId, decision: "APPROVED", comment: "Looks right." });
  await portal(second).signOff({ criterionId, decision: "CHANGES_REQUESTED", comment: "Export flow missing." });
  await portal(f.users.CUSTOMER).signOff({ criterionId, decision: "CHANGES_REQUESTED", comment: "Agreed." });
  await portal(second).signOff({ criterionId, decision: "APPROVED", comment: "Fixed now." });
});

afterAll(async () => {
  await client?.end();
  recordFigure("audit-chain", {
    title: "Audit chain (audit events + sign-offs)",
    lines: [
      `${tally.tried} single-row mutations tried`,
      `${tally.detected} detected`,
      `${tally.named} named the first bad entry exactly`,
      ...misses,
    ],
    ok: tally.tried > 0 && tally.detected === tally.tried && tally.named === tally.tried,
  });
});

describe("the audit-event chain", () => {
  it("round-trips JSON exactly: key order, unicode and number forms as PostgreSQL stores them", async () => {
    const after = {
      z: 1,
      a: 'Zoë — 日本語 🎉 "quoted" \\ \n tab\t',
      n: 1.5e300,
      tiny: 5e-324,
      neg: -0.125,
      big: 12345678901234567890,
      nested: { b: [3, 2, 1], a: null },
      é: true,
    };
    const { id } = await testDb().$transaction((tx) =>
      recordAudit(tx, {
        tenantId: f.tenant.id,
        actorId: f.users.ADMIN.id,
        action: "test.roundtrip",
        entityType: "Test",
        before: { y: [] },
        after,
        ip: "::1",
        requestId: "req-1",
        at: new Date(),
      }),
    );
    const stored = await testDb().auditEvent.findUniqueOrThrow({ where: { id } });
    expect(stored.after).toEqual(after);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await verifyTenantAuditChain({ db: testDb(), tenantId: f.tenant.id, now: new Date() })).firstBad,
    ).toBeNull();
  });

  it("refuses UPDATE and DELETE of an audit row, whatever the writer", async () => {
    const row = await testDb().auditEvent.findFirstOrThrow({ where: { tenantId: f.tenant.id } });
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(
      client.query(`UPDATE "SignOff" SET "comment" = 'x' WHERE "tenantId" = $1`, [f.tenant.id]),
    ).rejects.toThrow(/append-only/);
  });

  it("detects every single-row mutation and names its first bad entry", async () => {
    const verify = async () =>
      (await verifyTenantAuditChain({ db: testDb(), tenantId: f.tenant.id, now: new Date() })).firstBad;
    const last = (rows: Row[]) => rows.length;
    const forged = (
      id: string,
      rows: Row[],
      hash: (r: Parameters<typeof auditEntryHash>[0]) => string,
    ): [string, unknown[]][] => {
      const createdAt = new Date();
      const r = {
        id,
        tenantId: f.tenant.id,
        seq: last(rows) + 1,
        prevHash: at(rows, last(rows)).hash,
        actorId: null,
        action: "refund.approved",
        entityType: "Refund",
        entityId: "r1",
        beforeText: null,
        afterText: null,
        ip: null,
        requestId: null,
        createdAt,
      };
      return [
        [
          `INSERT INTO "AuditEvent" ("id", "tenantId", "seq", "prevHash", "hash", "action", "entityType", "entityId", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [r.id, r.tenantId, r.seq, r.prevHash, hash(r), r.action, r.entityType, r.entityId, createdAt],
        ],
      ];
    };
    const [forgedA, forgedB] = [`forged-${randomUUID()}`, `forged-${randomUUID()}`];
    const mutations: Mutation[] = [
      {
        name: "edit action",
        sql: (rows) => [[`UPDATE "AuditEvent" SET "action" = 'lead.deleted' WHERE "id" = $1`, [at(rows, 3).id]]],
        expected: (rows) => ({ seq: 3, id: at(rows, 3).id, kind: "content_changed" }),
      },
      {
        name: "edit JSON after",
        sql: (rows) => [[`UPDATE "AuditEvent" SET "after" = '{"status":"PAID"}' WHERE "id" = $1`, [at(rows, 2).id]]],
        expected: (rows) => ({ seq: 2, id: at(rows, 2).id, kind: "content_changed" }),
      },
      {
        name: "edit createdAt by 1 ms",
        sql: (rows) => [
          [
            `UPDATE "AuditEvent" SET "createdAt" = "createdAt" + interval '1 millisecond' WHERE "id" = $1`,
            [at(rows, 4).id],
          ],
        ],
        expected: (rows) => ({ seq: 4, id: at(rows, 4).id, kind: "content_changed" }),
      },
      {
        name: "edit actor",
        sql: (rows) => [[`UPDATE "AuditEvent" SET "actorId" = NULL WHERE "id" = $1`, [at(rows, 1).id]]],
        expected: (rows) => ({ seq: 1, id: at(rows, 1).id, kind: "content_changed" }),
      },
      {
        name: "edit stored hash",
        sql: (rows) => [[`UPDATE "AuditEvent" SET "hash" = $2 WHERE "id" = $1`, [at(rows, 5).id, "0".repeat(64)]]],
        expected: (rows) => ({ seq: 5, id: at(rows, 5).id, kind: "content_changed" }),
      },
      {
        name: "delete middle row",
        sql: (rows) => [[`DELETE FROM "AuditEvent" WHERE "id" = $1`, [at(rows, 3).id]]],
        expected: () => ({ seq: 3, id: null, kind: "missing" }),
      },
      {
        name: "delete last row",
        sql: (rows) => [[`DELETE FROM "AuditEvent" WHERE "id" = $1`, [at(rows, last(rows)).id]]],
        expected: (rows) => ({ seq: last(rows), id: null, kind: "missing" }),
      },
      {
        name: "swap two rows' seq",
        sql: (rows) => [
          [`UPDATE "AuditEvent" SET "seq" = -1 WHERE "id" = $1`, [at(rows, 2).id]],
          [`UPDATE "AuditEvent" SET "seq" = 2 WHERE "id" = $1`, [at(rows, 3).id]],
          [`UPDATE "AuditEvent" SET "seq" = 3 WHERE "id" = $1`, [at(rows, 2).id]],
        ],
        expected: (rows) => ({ seq: 2, id: at(rows, 3).id, kind: "out_of_order" }),
      },
      {
        name: "insert forged row, hash computed correctly",
        sql: (rows) => forged(forgedA, rows, auditEntryHash),
        expected: (rows) => ({ seq: last(rows) + 1, id: forgedA, kind: "inserted" }),
      },
      {
        name: "insert forged row, made-up hash",
        sql: (rows) => forged(forgedB, rows, () => "f".repeat(64)),
        expected: (rows) => ({ seq: last(rows) + 1, id: forgedB, kind: "inserted" }),
      },
    ];
    expect(
      (
        await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "tenantId" = $1`, [
          f.tenant.id,
        ])
      ).rows[0]?.n,
    ).toBeGreaterThanOrEqual(6);
    await runMutations("AuditEvent", { column: "tenantId", value: f.tenant.id }, mutations, verify);
    expect(misses).toEqual([]);
  });
});

describe("the sign-off chain", () => {
  it("detects every single-row mutation and names its first bad entry", async () => {
    const ctx = {
      db: testDb(),
      tenantId: f.tenant.id,
      actorId: f.users.ADMIN.id,
      ip: "",
      requestId: "",
      now: new Date(),
    };
    const verify = async () => {
      const v = await verifyProjectSignOffs(ctx, f.projectA.id);
      // the admin's check on Settings covers the sign-off chains too, naming the same first bad entry
      const settings = await callerFor(f.users.ADMIN).audit.verify();
      const shown = settings.signOffs.broken.find((b) => b.projectId === f.projectA.id) ?? null;
      expect(settings.ok, "audit.verify is ok only when every sign-off chain is intact").toBe(v.intact);
      expect(shown && { seq: shown.seq, id: shown.entryId, reason: shown.reason }).toEqual(
        v.firstBroken && { seq: v.firstBroken.seq, id: v.firstBroken.id ?? null, reason: v.firstBroken.reason },
      );
      return v.firstBroken ? { seq: v.firstBroken.seq, id: v.firstBroken.id ?? null, kind: v.firstBroken.kind } : null;
    };
    const forgedId = `forged-${randomUUID()}`;
    const lastEntry = await testDb().signOff.findFirstOrThrow({
      where: { projectId: f.projectA.id },
      orderBy: { seq: "desc" },
    });
    const facts = {
      ...lastEntry,
      seq: lastEntry.seq + 1,
      decision: "APPROVED" as const,
      comment: "Approved (forged)",
      createdAt: new Date(),
    };
    const forged = {
      ...facts,
      prevHash: lastEntry.hash,
      hash: entryHash(lastEntry.hash, lastEntry.contentHash, facts),
    };
    const mutations: Mutation[] = [
      {
        name: "edit comment",
        sql: (rows) => [[`UPDATE "SignOff" SET "comment" = 'I never said that' WHERE "id" = $1`, [at(rows, 2).id]]],
        expected: (rows) => ({ seq: 2, id: at(rows, 2).id, kind: "hash_mismatch" }),
      },
      {
        name: "edit decision",
        sql: (rows) => [[`UPDATE "SignOff" SET "decision" = 'APPROVED' WHERE "id" = $1`, [at(rows, 3).id]]],
        expected: (rows) => ({ seq: 3, id: at(rows, 3).id, kind: "hash_mismatch" }),
      },
      {
        name: "delete middle row",
        sql: (rows) => [[`DELETE FROM "SignOff" WHERE "id" = $1`, [at(rows, 2).id]]],
        expected: () => ({ seq: 2, id: null, kind: "missing_entry" }),
      },
      {
        name: "delete last row",
        sql: (rows) => [[`DELETE FROM "SignOff" WHERE "id" = $1`, [at(rows, rows.length).id]]],
        expected: (rows) => ({ seq: rows.length, id: null, kind: "missing_entry" }),
      },
      {
        name: "swap two rows' seq",
        sql: (rows) => [
          [`UPDATE "SignOff" SET "seq" = -1 WHERE "id" = $1`, [at(rows, 2).id]],
          [`UPDATE "SignOff" SET "seq" = 2 WHERE "id" = $1`, [at(rows, 3).id]],
          [`UPDATE "SignOff" SET "seq" = 3 WHERE "id" = $1`, [at(rows, 2).id]],
        ],
        expected: (rows) => ({ seq: 2, id: at(rows, 3).id, kind: "prev_hash_mismatch" }),
      },
      {
        // a well-formed entry (seq, prevHash and hash computed as the app would) appended behind its back
        name: "insert forged row, hash computed correctly",
        sql: () => [
          [
            `INSERT INTO "SignOff" ("id", "tenantId", "projectId", "milestoneId", "criterionId", "userId", "seq", "decision", "comment", "ip", "userAgent", "contentHash", "prevHash", "hash", "createdAt")
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
            [
              forgedId,
              f.tenant.id,
              forged.projectId,
              forged.milestoneId,
              forged.criterionId,
              forged.userId,
              forged.seq,
              forged.decision,
              forged.comment,
              forged.ip,
              forged.userAgent,
              forged.contentHash,
              forged.prevHash,
              forged.hash,
              forged.createdAt,
            ],
          ],
        ],
        expected: () => ({ seq: forged.seq, id: forgedId, kind: "unrecorded_entry" }),
      },
      {
        name: "insert forged row, made-up hash",
        sql: () => [
          [
            `INSERT INTO "SignOff" ("id", "tenantId", "projectId", "milestoneId", "criterionId", "userId", "seq", "decision", "contentHash", "prevHash", "hash", "createdAt")
                      VALUES ($1, $2, $3, $4, $5, $6, $7, 'APPROVED', $8, $9, $10, $11)`,
            [
              forgedId,
              f.tenant.id,
              forged.projectId,
              forged.milestoneId,
              forged.criterionId,
              forged.userId,
              forged.seq,
              forged.contentHash,
              forged.prevHash,
              "a".repeat(64),
              forged.createdAt,
            ],
          ],
        ],
        expected: () => ({ seq: forged.seq, id: forgedId, kind: "hash_mismatch" }),
      },
    ];
    await runMutations("SignOff", { column: "projectId", value: f.projectA.id }, mutations, verify);
    expect(misses).toEqual([]);
  });

  it("an admin sees the audit chain's and the sign-off chains' state through audit.verify", async () => {
    const res = await callerFor(f.users.ADMIN).audit.verify();
    expect(res).toMatchObject({ ok: true, auditOk: true, firstBad: null, signOffs: { broken: [] } });
    expect(res.entries).toBe(res.headSeq);
    expect(res.signOffs.chains).toBeGreaterThanOrEqual(1);
    expect(res.signOffs.entries).toBeGreaterThanOrEqual(4);
  });
});

describe("appends and tenant deletion", () => {
  it("concurrent appends to one chain queue on its head: seq 1…n without gaps, and the chain verifies", async () => {
    const db = concurrencyDb();
    const tenant = await db.tenant.create({
      data: { slug: `t-chain-${randomUUID().slice(0, 8)}`, name: "Chain race" },
    });
    const actor = await db.user.create({
      data: { tenantId: tenant.id, email: `a-${tenant.slug}@example.test`, name: "Actor", role: "ADMIN" },
    });
    const n = 24;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        db.$transaction((tx) =>
          recordAudit(tx, {
            tenantId: tenant.id,
            actorId: actor.id,
            action: "test.race",
            entityType: "Test",
            entityId: String(i),
            after: { i },
            at: new Date(),
          }),
        ),
      ),
    );
    const v = await verifyTenantAuditChain({ db, tenantId: tenant.id, now: new Date() });
    expect(v).toMatchObject({ ok: true, entries: n, headSeq: n, firstBad: null });

    // deleting the tenant still removes its audit rows and head (the triggers allow only that deletion)
    await db.tenant.delete({ where: { id: tenant.id } });
    expect(await db.auditEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditChainHead.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
