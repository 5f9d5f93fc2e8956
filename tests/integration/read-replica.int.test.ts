import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import type { SessionUser } from "@/server/auth/session-user";
import { createInnerContext } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";
import {
  closeReadReplica,
  connectReadReplica,
  createPrismaClient,
  type Db,
  type ReadReplica,
} from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { logger, logStreams } from "@/server/logger";
import { sessionUserOf } from "../helpers/fixtures";
import { startReplicaPair, type ReplicaPair } from "../helpers/replica-pair";

/**
 * Pure reads on a real PostgreSQL streaming replica (docs/architecture.md#read-replica): a primary and a
 * hot standby in a temporary folder (tests/helpers/replica-pair.ts), the demo seed on the primary. The
 * dashboard and the list pages answer from the replica while it is fresh — shown by pausing its replay,
 * writing on the primary and reading the replica's older number — and from the primary when it lags
 * beyond the budget or is down, with one log line each way. Writes always reach the primary. Needs the
 * PostgreSQL binaries, so it runs with TEST_DATABASE_URL only (the embedded pass has no server to copy).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

type Line = { level: number; msg: string; lagSeconds?: number | null; error?: string };
const lines: Line[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const text of chunk.toString("utf8").split("\n")) if (text.trim()) lines.push(JSON.parse(text) as Line);
    done();
  },
});
/** the replica's log lines since `from` */
const replicaLines = (from: number) => lines.slice(from).filter((l) => l.msg.startsWith("read replica"));

let pair: ReplicaPair;
let primary: Db;
let exec: SessionUser;
let csm: SessionUser;
let now: Date;
const opened: ReadReplica[] = [];
const level = logger.level;

/** a replica of the pair's standby with the given budget, checked before every read unless told */
function replicaWithin(maxLagSeconds: number, checkEverySeconds = 0): ReadReplica {
  const r = connectReadReplica(pair.replicaUrl, { maxLagSeconds, checkEverySeconds });
  opened.push(r);
  return r;
}

/** the real tRPC caller; `replica: null` reads from the primary only */
const callerFor = (user: SessionUser, replica: ReadReplica | null) =>
  createCaller(createInnerContext({ user, db: primary, replica, now: () => now }));

const activeAlerts = async (user: SessionUser, replica: ReadReplica | null) =>
  (await callerFor(user, replica).dashboard.summary({ range: { days: 90 } })).alerts.total;

/** a new active alert, written on the primary */
const raiseAlert = (tenantId: string) =>
  primary.alert.create({
    data: { tenantId, severity: "WARNING", kind: "MILESTONE_AT_RISK", message: "Replica test", createdAt: now },
  });

describe.skipIf(!onPostgres)("pure reads on a streaming read replica", () => {
  beforeAll(async () => {
    pair = await startReplicaPair({ basePort: 55420 });
    await migrate(pair.primaryUrl, path.join(import.meta.dirname, "..", "..", "prisma", "migrations"));
    primary = createPrismaClient(pair.primaryUrl);
    now = new Date("2026-12-01T12:00:00Z");
    await seedDemo(primary, now);
    await pair.caughtUp();
    exec = await sessionUserOf({ email: "exec@northwind.test" }, "replica-test", primary);
    csm = await sessionUserOf({ email: "csm@northwind.test" }, "replica-test", primary);
    logStreams.add({ level: "trace", stream: capture });
    logger.level = "info";
  });

  afterAll(async () => {
    logger.level = level;
    await Promise.all(opened.map((r) => r.close()));
    await primary?.$disconnect();
    await pair?.stop();
  });

  it("serves the dashboard and the lists from the replica within the budget; writes reach the primary", async () => {
    const replica = replicaWithin(3600);
    const before = await activeAlerts(exec, replica);
    expect(before).toBe(await activeAlerts(exec, null));
    const leadsBefore = (await callerFor(csm, replica).leads.list({ page: 1, pageSize: 10 })).total;

    await pair.pauseReplay();
    await raiseAlert(exec.tenantId);
    // a write through the procedure reaches the primary, and reading it back by id (read-after-write) works
    const lead = await callerFor(csm, replica).leads.create({
      company: "Replica Works",
      contactName: "Rhea Plica",
      contactEmail: "rhea@replica-works.example",
    });
    expect(await primary.lead.count({ where: { id: lead.id } })).toBe(1);
    expect((await callerFor(csm, replica).leads.get({ leadId: lead.id })).company).toBe("Replica Works");

    const from = lines.length;
    // the replica has not replayed the new alert and lead: its older numbers show they came from it
    expect(await activeAlerts(exec, replica)).toBe(before);
    expect(await activeAlerts(exec, null)).toBe(before + 1);
    expect((await callerFor(csm, replica).leads.list({ page: 1, pageSize: 10 })).total).toBe(leadsBefore);
    expect((await callerFor(csm, null).leads.list({ page: 1, pageSize: 10 })).total).toBe(leadsBefore + 1);
    // the other reads routed to it answer from it as well
    const onReplica = callerFor(exec, replica);
    await onReplica.dashboard.trends({ range: { days: 90 } });
    await onReplica.dashboard.kpi({ id: "project_success_rate", range: { days: 90 }, page: 1, pageSize: 10 });
    await callerFor(csm, replica).overview.pipeline();
    await callerFor(csm, replica).journeys.list({ page: 1, pageSize: 10 });
    await callerFor(csm, replica).projects.list({ page: 1, pageSize: 10 });
    expect(replicaLines(from)).toEqual([]);

    await pair.resumeReplay();
    await pair.caughtUp();
    expect(await activeAlerts(exec, replica)).toBe(before + 1);
  });

  it("takes the replica and its budget from DATABASE_REPLICA_URL when the caller names none", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      DATABASE_REPLICA_URL: pair.replicaUrl,
      REPLICA_MAX_LAG_SECONDS: "3600",
      REPLICA_CHECK_SECONDS: "0",
    });
    try {
      // the context pages get (createTRPCContext): no replica named, so the environment's
      const fromEnv = () => createCaller(createInnerContext({ user: exec, db: primary, now: () => now }));
      const before = (await fromEnv().dashboard.summary({ range: { days: 90 } })).alerts.total;
      await pair.pauseReplay();
      await raiseAlert(exec.tenantId);
      expect((await fromEnv().dashboard.summary({ range: { days: 90 } })).alerts.total).toBe(before);
      expect(await activeAlerts(exec, null)).toBe(before + 1);
    } finally {
      process.env = saved;
      await closeReadReplica();
      await pair.resumeReplay();
      await pair.caughtUp();
    }
  });

  it("reads from the primary while the replica lags beyond the budget, logging once each way", async () => {
    // budget 0: any unreplayed WAL is too much; a caught-up replica is fresh however old its last replay
    const replica = replicaWithin(0);
    const from = lines.length;
    await pair.pauseReplay();
    await raiseAlert(exec.tenantId);
    const fresh = await activeAlerts(exec, null);
    expect(await activeAlerts(exec, replica)).toBe(fresh);
    expect(await activeAlerts(exec, replica)).toBe(fresh);
    const lagging = replicaLines(from);
    expect(lagging.map((l) => l.msg)).toEqual([
      "read replica: behind the primary beyond the budget, reads go to the primary",
    ]);
    expect(lagging[0]?.lagSeconds).toBeGreaterThan(0);

    await pair.resumeReplay();
    await pair.caughtUp();
    const back = lines.length;
    expect(await activeAlerts(exec, replica)).toBe(fresh);
    expect(await activeAlerts(exec, replica)).toBe(fresh);
    expect(replicaLines(back).map((l) => l.msg)).toEqual(["read replica: fresh again, reads go to it"]);
  });

  it("checks the lag at most once per interval: between checks the last answer holds", async () => {
    // budget 0, one check an hour: the first read finds it caught up, the next ones do not look again
    const replica = replicaWithin(0, 3600);
    const before = await activeAlerts(exec, replica);
    const from = lines.length;
    await pair.pauseReplay();
    await raiseAlert(exec.tenantId);
    expect(await activeAlerts(exec, replica)).toBe(before);
    expect(await activeAlerts(exec, null)).toBe(before + 1);
    expect(replicaLines(from)).toEqual([]);
    await pair.resumeReplay();
    await pair.caughtUp();
  });

  it("reads from the primary while the replica is down, and from the replica again once it is back", async () => {
    const replica = replicaWithin(3600);
    const before = await activeAlerts(exec, replica);
    const from = lines.length;
    await pair.stopReplica();
    await raiseAlert(exec.tenantId);
    expect(await activeAlerts(exec, replica)).toBe(before + 1);
    expect(await activeAlerts(exec, replica)).toBe(before + 1);
    expect((await callerFor(csm, replica).leads.list({ page: 1, pageSize: 10 })).total).toBeGreaterThan(0);
    expect(replicaLines(from).map((l) => l.msg)).toEqual(["read replica: unreachable, reads go to the primary"]);

    await pair.startReplica();
    await pair.caughtUp();
    await pair.pauseReplay();
    await raiseAlert(exec.tenantId);
    const back = lines.length;
    // the replica's number (one alert behind) shows the read went back to it
    expect(await activeAlerts(exec, replica)).toBe(before + 1);
    expect(await activeAlerts(exec, null)).toBe(before + 2);
    expect(replicaLines(back).map((l) => l.msg)).toEqual(["read replica: fresh again, reads go to it"]);
    await pair.resumeReplay();
  });
});
