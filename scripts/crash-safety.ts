/**
 * `npm run test:crash` — crash safety (docs/security.md): a production server (scripts/serve.ts on an
 * existing build) takes concurrent sign-offs and refund transitions, is `kill -9`ed after a seeded
 * random fraction has been answered, and is restarted on the same database. Then: no half-written
 * sign-off or refund transition, every acknowledged write present, every sign-off chain verifies
 * (in process and through the app's own verifier over HTTP), the outbox drains with nothing lost, and
 * the restarted server serves. Database: CRASH_DATABASE_URL (fresh), else a fresh database next to
 * TEST_DATABASE_URL (dropped after), else the embedded PGlite served from this process — only the
 * server is killed, so the database outlives it as a real one would.
 * Ends with "crash-safety: N passed, N failed"; exit 1 on any failure.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { seedDemo } from "../prisma/seed";
import { startStub } from "../tests/helpers/stub-server";
import { sessionCookieFor } from "../tests/helpers/session-cookie";
import { recordFigure } from "../tests/security/figures";
import { chainChecks, refundPairs, signOffIds, signOffPairs, type Check } from "./crash/checks";
import { freshDatabase } from "./crash/database";
import { EMBEDDED_POOL_MAX } from "./embedded-db";
import { killHard, startServer, stopServer, trpc, waitHealthy, type Server } from "./crash/http";
import { mulberry32 } from "../prisma/seed/random";
import { fireLoad, requestsPlanned } from "./crash/load";
import { drainOutbox } from "./crash/outbox";
import { prepareWork } from "./crash/prepare";

const root = path.resolve(import.meta.dirname, "..");
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("crash-safety: no production build (.next/BUILD_ID). Run `npx next build` first.");
  process.exit(1);
}
const started = Date.now();
const seed = Number(process.env.CRASH_SEED ?? 20261202);
const port = Number(process.env.CRASH_PORT ?? 3200);
const secrets = { auth: randomBytes(24).toString("hex"), cron: randomBytes(24).toString("hex") };
const database = await freshDatabase();
const stub = await startStub();
const lines: string[] = [`database: ${database.kind}; seed ${seed}; port ${port}`];
const checks: Check[] = [];
const servers: Server[] = [];

// the script's own fixtures and services read these (tests/helpers/fixtures.ts testDb, serverEnv)
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: secrets.auth,
  APP_URL: `http://127.0.0.1:${port}`,
});
const serverEnv = {
  DATABASE_URL: database.url,
  AUTH_SECRET: secrets.auth,
  CRON_SECRET: secrets.cron,
  APP_URL: `http://127.0.0.1:${port}`,
  RESEND_API_KEY: "re_crash_safety_stub",
  RESEND_BASE_URL: stub.url,
  // a production server with a provider key refuses an unverifiable .local sender (docs/messaging.md#headers)
  EMAIL_FROM: "Onward <no-reply@crash-safety.example>",
  // PGlite serves every connection from one session: with a pool, concurrent requests' statements
  // interleave (wrong rows, "prepared statement does not exist"); one connection keeps them apart
  ...(database.kind === "embedded" ? { DB_POOL_MAX: process.env.CRASH_DB_POOL_MAX ?? EMBEDDED_POOL_MAX } : {}),
};
const db = createPrismaClient(database.url);

try {
  let t = Date.now();
  await migrate(database.url, path.join(root, "prisma", "migrations"));
  await seedDemo(db, new Date());
  const work = await prepareWork(db, {
    signOffs: Number(process.env.CRASH_SIGNOFFS ?? 100),
    refunds: Number(process.env.CRASH_REFUNDS ?? 10),
    now: new Date(),
  });
  lines.push(
    `prepared in ${Date.now() - t} ms: ${work.signOffs.length} sign-off targets on ${new Set(work.signOffs.map((s) => s.criterionId)).size} criteria by ${new Set(work.signOffs.map((s) => s.who.userId)).size} approvers, ${work.refunds.length} refunds at CLAIMED`,
  );

  const before = await signOffIds(db);
  const first = startServer(port, serverEnv);
  servers.push(first);
  lines.push(`first start healthy in ${await waitHealthy(first.base)} ms`);
  const rng = mulberry32(seed);
  const planned = requestsPlanned(work);
  const killAt = Math.max(1, Math.floor(planned * (0.3 + 0.4 * rng())));
  let answered = 0;
  let killed: Promise<void> | null = null;
  t = Date.now();
  const { tally, acked } = await fireLoad(first.base, work, secrets.auth, rng, () => {
    answered += 1;
    if (answered >= killAt) killed ??= killHard(first);
  });
  await (killed ?? killHard(first));
  lines.push(
    `load: ${planned} requests planned, kill -9 after ${killAt} answers (${Date.now() - t} ms): ${tally.ok} ok, ${tally.refused} refused (4xx), ${tally.serverErrors} 5xx, ${tally.lost} cut off`,
  );
  checks.push({
    name: "no 5xx before the kill",
    ok: tally.serverErrors === 0,
    detail: `${tally.serverErrors} server errors`,
  });
  checks.push({
    name: "the kill landed mid-load",
    ok: tally.lost > 0 || tally.ok + tally.refused < planned,
    detail: `${tally.lost} requests cut off`,
  });

  t = Date.now();
  const second = startServer(port, serverEnv);
  servers.push(second);
  await waitHealthy(second.base);
  lines.push(`restart healthy in ${Date.now() - t} ms`);

  checks.push(...(await signOffPairs(db, acked, before)));
  checks.push(
    ...(await refundPairs(
      db,
      work.refunds.map((r) => r.refundId),
      acked,
    )),
  );
  const chains = await chainChecks(db, new Date());
  checks.push(...chains.checks);
  let httpBroken = 0;
  for (const p of chains.projects) {
    const staff = work.staff.get(p.tenantId);
    const v = staff
      ? await trpc<{ intact: boolean }>(
          second.base,
          await sessionCookieFor(staff, secrets.auth),
          "query",
          "signoffs.verify",
          { projectId: p.id },
        )
      : null;
    if (!v?.data?.intact) httpBroken += 1;
  }
  checks.push({
    name: "every chain verifies through the app's verifier (signoffs.verify over HTTP)",
    ok: httpBroken === 0,
    detail: `${chains.projects.length} chains, ${httpBroken} not intact`,
  });

  const outbox = await drainOutbox(db, second.base, secrets.cron, () => stub.emails().length);
  checks.push(...outbox.checks);
  lines.push(...outbox.lines);

  const health = await fetch(`${second.base}/api/health`);
  const portal = await trpc<unknown[]>(
    second.base,
    await sessionCookieFor(work.portal, secrets.auth),
    "query",
    "portal.projects",
    undefined,
  );
  checks.push({
    name: "restarted server serves (health 200, portal.projects answers)",
    ok: health.status === 200 && portal.data !== null,
    detail: `health ${health.status}, portal.projects ${portal.status}`,
  });
} catch (error) {
  checks.push({
    name: "the run completed",
    ok: false,
    detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
} finally {
  for (const s of servers) await stopServer(s).catch(() => undefined);
  await db.$disconnect();
  await stub.stop();
  await database.drop();
}

const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
lines.push(`whole run ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log("\nCrash safety (kill -9 mid-load, restart)");
for (const l of lines) console.log(`  ${l}`);
for (const c of checks) console.log(`  ${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}`);
recordFigure("crash-safety", {
  title: "Crash safety",
  lines: [...lines, ...checks.map((c) => `${c.ok ? "ok" : "FAILED"} ${c.name}: ${c.detail}`)],
  ok: failed === 0,
});
console.log(`crash-safety: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
