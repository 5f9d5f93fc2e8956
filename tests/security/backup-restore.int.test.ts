import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createPrismaClient, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { verifyAllChains } from "@/server/services/integrity";
import {
  backupEmbedded,
  backupServer,
  compareCounts,
  readManifest,
  restoreEmbedded,
  restoreServer,
  tableCounts,
  withClient,
  type Counts,
} from "../../scripts/backup-lib";
import { serveEmbeddedDb, startEmbeddedDb, type EmbeddedDb } from "../../scripts/embedded-db";
import {
  callerFor,
  createTenantFixture,
  refundAt,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { recordFigure } from "./figures";

/** Lets the child resolve `server-only` outside Next.js (scripts/server-only-hook.mjs). */
const SERVER_ONLY_HOOK = path.resolve(import.meta.dirname, "..", "..", "scripts", "server-only-hook.mjs");

/**
 * Backup and restore (docs/security.md): real data made through the fixtures (tenants, projects,
 * sign-offs, refunds) is backed up and restored into a fresh database — a new PostgreSQL database
 * (pg_dump/pg_restore) on TEST_DATABASE_URL, a separate PGlite instance (its own data-dir dump) on the
 * embedded run. The restore must have identical row counts for every table, its hash chains must
 * verify, and the app (tRPC callers on a client of the restored database) must serve the same data.
 */
const server = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(path.join(tmpdir(), "onward-backup-"));
const file = path.join(dir, server ? "backup.dump" : "backup.pglite.tar.gz");
const migrations = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

let source: EmbeddedDb | undefined;
let restored: EmbeddedDb | undefined;
let restoredUrl = "";
let restoredDb: Db;
let f: TenantFixture;
let other: TenantFixture;
let backupCounts: Counts;
let restoreCounts: Counts;

beforeAll(async () => {
  if (!server) {
    // the embedded path needs the source instance in this process (its dump is of an open instance)
    source = await startEmbeddedDb("memory://", 54400);
    await migrate(source.url, migrations);
    process.env.DATABASE_URL = source.url;
  }
  f = await createTenantFixture("backup");
  other = await createTenantFixture("backup-other");
  const week2 = await signOffCriterionOf(f.projectA.id);
  await callerFor(f.users.CUSTOMER).portal.signOff({
    criterionId: week2.criterionId,
    decision: "CHANGES_REQUESTED",
    comment: "Export flow missing.",
  });
  await callerFor(f.users.CUSTOMER).portal.signOff({
    criterionId: week2.criterionId,
    decision: "APPROVED",
    comment: "Now complete.",
  });
  await refundAt(f, "APPROVED");

  if (server) {
    backupCounts = (await backupServer(server, file)).tables;
    const name = `onward_restore_${randomUUID().slice(0, 8)}`;
    await withClient(server, (c) => c.query(`CREATE DATABASE ${name}`));
    restoredUrl = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    restoreCounts = await restoreServer(file, restoredUrl);
  } else {
    if (!source) throw new Error("no source instance");
    backupCounts = (await backupEmbedded(source.db, file)).tables;
    const back = await restoreEmbedded(file, "memory://");
    restoreCounts = back.counts;
    restored = await serveEmbeddedDb(back.db, 54401);
    restoredUrl = restored.url;
  }
  restoredDb = createPrismaClient(restoredUrl);
}, 300_000);

afterAll(async () => {
  await restoredDb?.$disconnect();
  await restored?.stop();
  if (server && restoredUrl) {
    const name = new URL(restoredUrl).pathname.slice(1);
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  if (source) {
    await testDb().$disconnect();
    await source.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});

const restoredCaller = (user: TenantFixture["users"][keyof TenantFixture["users"]]) =>
  createCaller(createInnerContext({ user, db: restoredDb }));

describe("backup and restore", () => {
  it("restores identical row counts for every table, and the manifest says so", async () => {
    const manifest = readManifest(file);
    expect(manifest.tables).toEqual(backupCounts);
    const cmp = compareCounts(manifest.tables, restoreCounts);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.tables).toBeGreaterThan(40);
    expect(restoreCounts.SignOff).toBeGreaterThanOrEqual(2);
    expect(restoreCounts.Refund).toBeGreaterThanOrEqual(1);
    // counted again through the restored server, not only by the restore itself
    expect(await withClient(restoredUrl, tableCounts)).toEqual(backupCounts);
  });

  it("verifies every hash chain of the restored database", async () => {
    // the restored database verifies exactly as the original does (on PostgreSQL the dump is the whole
    // test database, where other files tamper with chains on purpose), and this file's tenants intact
    const now = new Date();
    expect(await verifyAllChains(restoredDb, now)).toEqual(await verifyAllChains(testDb(), now));
    const reports = await verifyAllChains(restoredDb, now, [f.tenant.id, other.tenant.id]);
    expect(reports.find((r) => r.name === "sign-off chains")?.chains).toBeGreaterThanOrEqual(1);
    expect(reports.find((r) => r.name === "audit chains")?.chains).toBe(2);
    expect(reports.flatMap((r) => r.broken)).toEqual([]);
    const original = await callerFor(f.users.TECH_LEAD).signoffs.verify({ projectId: f.projectA.id });
    const back = await restoredCaller(f.users.TECH_LEAD).signoffs.verify({ projectId: f.projectA.id });
    expect(back).toEqual(original);
    expect(back.intact).toBe(true);
    expect(back.entries).toBe(2);
    recordFigure("backup-restore", {
      title: `backup and restore (${server ? "pg_dump/pg_restore, PostgreSQL" : "PGlite data-dir dump, embedded"})`,
      lines: [
        `${compareCounts(backupCounts, restoreCounts).tables} tables compared, ${compareCounts(backupCounts, restoreCounts).rows} rows, ${compareCounts(backupCounts, restoreCounts).mismatches.length} mismatches`,
        ...reports.map((r) => `${r.name}: ${r.chains} verified (${r.entries} entries), ${r.broken.length} broken`),
      ],
      ok:
        compareCounts(backupCounts, restoreCounts).mismatches.length === 0 &&
        reports.every((r) => r.broken.length === 0),
    });
  });

  it("serves the restored data through the app: the same project, refunds and dashboard", async () => {
    const project = await restoredCaller(f.users.CSM).projects.get({ projectId: f.projectA.id });
    expect(project).toEqual(await callerFor(f.users.CSM).projects.get({ projectId: f.projectA.id }));
    const now = new Date();
    const at = () => now;
    const dashboard = await createCaller(
      createInnerContext({ user: f.users.EXECUTIVE, db: restoredDb, now: at }),
    ).dashboard.summary({});
    expect(dashboard).toEqual(await callerFor(f.users.EXECUTIVE, at).dashboard.summary({}));
  });

  it("refuses to restore into a database that is not empty", async () => {
    if (server) await expect(restoreServer(file, restoredUrl)).rejects.toThrow(/not empty/);
    else await expect(restoreEmbedded(file, dir)).rejects.toThrow(/not empty/);
  });

  it("npm run db:restore restores the file into a new target, counts its tables and verifies its chains", async () => {
    const name = `onward_cli_${randomUUID().slice(0, 8)}`;
    const target = server
      ? Object.assign(new URL(server), { pathname: `/${name}` }).toString()
      : path.join(dir, "cli-restore");
    if (server) await withClient(server, (c) => c.query(`CREATE DATABASE ${name}`));
    try {
      const root = path.resolve(import.meta.dirname, "..", "..");
      const run = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "--import",
          SERVER_ONLY_HOOK,
          path.join(root, "scripts", "restore.ts"),
          file,
          "--into",
          target,
        ],
        { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
      );
      expect(run.stdout).toMatch(/• \d+ tables, \d+ rows restored, 0 mismatches/);
      // it reports the chains exactly as they verify on the original (on PostgreSQL the dump is the whole
      // test database, where other files break chains on purpose) and exits 1 only if one is broken
      const original = await verifyAllChains(testDb(), new Date());
      for (const r of original)
        expect(run.stdout).toContain(
          `• ${r.name}: ${r.chains} verified (${r.entries} entries), ${r.broken.length} broken`,
        );
      const broken = original.flatMap((r) => r.broken);
      expect(run.stderr.split("\n").filter((l) => l.startsWith("  ✗"))).toEqual(broken.map((b) => `  ✗ ${b}`));
      expect(run.status).toBe(broken.length === 0 ? 0 : 1);
    } finally {
      if (server) await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 120_000);
});
