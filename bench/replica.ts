import pg from "pg";
import { DEMO_PASSWORD } from "../prisma/seed/tenants";
import { startReplicaPair, type ReplicaPair } from "../tests/helpers/replica-pair";
import { startCountingProxy, type CountingProxy } from "./count-proxy";
import { DASHBOARD_DAYS, type DashboardFigures } from "./dashboard";
import type { BenchFigure } from "./figures";
import type { ScaleName } from "./generate";
import { load, type LoadResult } from "./load";
import { signIn, startNext, trpcQueryUrl, type NextServer } from "./next-server";
import { verdict } from "./report";
import { setUpDb, type BenchDb } from "./setup";

/**
 * P7, the read replica (`--replica`, bench/README.md; docs/deploy.md#read-replica): a real PostgreSQL 15
 * streaming pair (tests/helpers/replica-pair.ts), the bench data generated on its primary, and the
 * production server started with DATABASE_REPLICA_URL pointing at the standby, a budget of
 * REPLICA_MAX_LAG_SECONDS=2 checked every REPLICA_CHECK_SECONDS=1. A counting proxy in front of each
 * server says where the statements ran; the server's stdout (its JSON log lines) says what it logged.
 *  1. served from the replica: `dashboard.summary` under load, statements on each server;
 *  2. lagging: replay paused, an alert written on the primary, the budget passed — the dashboard answers
 *     the new count (from the primary), one "behind" warning; replay resumed — one "fresh again", back;
 *  3. down: the standby stopped — every request still answers 200 (the same load, the primary alone),
 *     one "unreachable" warning; started again — one "fresh again", back; then the load on the replica
 *     again (replica, primary alone, replica: warm-up and drift of a shared machine show).
 * The pair is always torn down, also on Ctrl-C.
 */
const MAX_LAG_SECONDS = 2;
const CHECK_SECONDS = 1;
const WARMUP = 10;
const COUNTED = 5;
/** sequential requests while the replica lags or is down: over 2 s, so they span several freshness checks */
const PROBES = 20;
const PROBE_GAP_MS = 150;

export type ReplicaFigures = {
  scale: ScaleName;
  /** 1: COUNTED sequential requests after a warm-up, then the load and its statements on each server */
  counted: Probe;
  load: LoadResult;
  loadStatements: { primary: number; replica: number };
  /** 3: the same load with the standby down (the primary alone, same pair, same data) */
  primaryAlone: LoadResult;
  /** the load on the replica again, once it is back: replica, primary alone, replica, so warm-up and drift show */
  again: LoadResult;
  /** `back`: COUNTED requests once the server logged "fresh again" */
  lag: Probe & { before: number; laggingLines: number; freshAgainLines: number; back: Probe };
  down: Probe & { unreachableLines: number; freshAgainLines: number; back: Probe };
  /** the replica's log lines, in order */
  lines: string[];
};

/** PROBES sequential requests: how many answered 200, the active-alert counts they answered, statements per server */
type Probe = { requests: number; ok: number; alerts: number[]; primaryStatements: number; replicaStatements: number };

type LogLine = { msg?: string; lagSeconds?: number | null; error?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const perRequest = (p: Probe) =>
  `${(p.replicaStatements / p.requests).toFixed(1)} statements on the replica, ${(p.primaryStatements / p.requests).toFixed(1)} on the primary`;

export async function measureReplica(opts: {
  scale: ScaleName;
  now: Date;
  durationS: number;
  connections: number;
  ports: { next: number; primaryProxy: number; replicaProxy: number; pairBase: number };
}): Promise<ReplicaFigures> {
  let starting: Promise<ReplicaPair> | null = null;
  let pair: ReplicaPair | null = null;
  let db: BenchDb | null = null;
  let primary: CountingProxy | null = null;
  let replica: CountingProxy | null = null;
  let next: NextServer | null = null;
  let closing: Promise<void> | null = null;
  // once, whether the run ends, fails or is interrupted (then the run's own `finally` joins the same one)
  const tearDown = () =>
    (closing ??= (async () => {
      await next?.close();
      await primary?.close();
      await replica?.close();
      await db?.drop().catch(() => undefined);
      // interrupted while the pair starts: wait for it (a failed start has removed itself)
      await (pair ?? (await starting?.catch(() => null)))?.stop();
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the replica pair`);
    // the run goes on meanwhile and fails as its servers go away: the process is ending, so those errors do not matter
    process.on("uncaughtException", () => undefined).on("unhandledRejection", () => undefined);
    void tearDown().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    starting = startReplicaPair({ basePort: opts.ports.pairBase });
    pair = await starting;
    console.log(`P7 replica pair: primary ${new URL(pair.primaryUrl).port}, standby ${new URL(pair.replicaUrl).port}`);
    db = await setUpDb(opts.scale, { keep: false, now: opts.now, embeddedPort: 0, server: pair.primaryUrl });
    const tenant = db.tenants.get(opts.scale);
    if (!tenant) throw new Error(`no ${opts.scale} tenant generated`);
    await pair.caughtUp();
    primary = await startCountingProxy(db.url, opts.ports.primaryProxy);
    replica = await startCountingProxy(pair.replicaUrlFor(db.url), opts.ports.replicaProxy);

    const lines: LogLine[] = [];
    let partial = "";
    const onStdout = (text: string) => {
      const all = (partial + text).split("\n");
      partial = all.pop() ?? "";
      for (const line of all) {
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          continue; // the server's own banner, not a log line
        }
        if (parsed.msg?.startsWith("read replica")) lines.push(parsed);
      }
    };
    const replicaEnv = {
      DATABASE_REPLICA_URL: replica.url,
      REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      REPLICA_CHECK_SECONDS: String(CHECK_SECONDS),
    };
    next = await startNext(primary.url, opts.ports.next, replicaEnv, onStdout);
    const linesSince = (from: number, start: string) =>
      lines.slice(from).filter((l) => l.msg?.startsWith(`read replica: ${start}`)).length;

    const cookie = await signIn(next.baseUrl, tenant.accounts.executive, DEMO_PASSWORD);
    const url = trpcQueryUrl(next.baseUrl, "dashboard.summary", { range: { days: DASHBOARD_DAYS } });
    const p = primary;
    const r = replica;
    /** one request: its status and the active-alert count it answered */
    const ask = async () => {
      const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const body = (await res.json().catch(() => null)) as {
        result?: { data?: { json?: { tenant?: { name?: string }; alerts?: { total?: number } } } };
      } | null;
      const json = body?.result?.data?.json;
      if (res.ok && !json?.tenant?.name?.startsWith("Bench"))
        throw new Error(`dashboard.summary did not answer for the bench tenant (got ${json?.tenant?.name})`);
      return { ok: res.ok, alerts: json?.alerts?.total ?? NaN };
    };
    const probe = async (count: number, gapMs: number): Promise<Probe> => {
      const [p0, r0] = [p.statements(), r.statements()];
      const answers = [];
      for (let i = 0; i < count; i++) {
        answers.push(await ask());
        if (gapMs) await sleep(gapMs);
      }
      return {
        requests: count,
        ok: answers.filter((a) => a.ok).length,
        alerts: [...new Set(answers.map((a) => a.alerts))],
        primaryStatements: p.statements() - p0,
        replicaStatements: r.statements() - r0,
      };
    };
    /** requests until the server logs "fresh again" (at most 30 s), then COUNTED more: are reads back on the replica? */
    const backOnReplica = async (from: number) => {
      await pair?.caughtUp();
      for (const deadline = Date.now() + 30_000; linesSince(from, "fresh again") === 0 && Date.now() < deadline;)
        await probe(1, 250);
      return probe(COUNTED, 0);
    };

    // 1. served from the replica
    await probe(WARMUP, 0);
    const counted = await probe(COUNTED, 0);
    const [p0, r0] = [p.statements(), r.statements()];
    const loaded = await load(url, { connections: opts.connections, durationS: opts.durationS, headers: { cookie } });
    const loadStatements = { primary: p.statements() - p0, replica: r.statements() - r0 };
    console.log(
      `P7 served from the replica: ${perRequest(counted)} per request; under load p95 ${loaded.p95.toFixed(0)} ms (${loaded.rps.toFixed(0)} req/s), statements ${loadStatements.replica} on the replica, ${loadStatements.primary} on the primary`,
    );

    // 2. lagging: replay paused, a new active alert on the primary, the budget passed
    const before = (await ask()).alerts;
    const fromLag = lines.length;
    await pair.pauseReplay();
    const writer = new pg.Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query(
        `INSERT INTO "Alert" (id, "tenantId", severity, kind, message, "createdAt")
         VALUES ('bench-replica-lag', $1, 'HIGH', 'MILESTONE_AT_RISK', 'Written while the replica lags', now())`,
        [tenant.tenantId],
      );
    } finally {
      await writer.end();
    }
    await sleep((MAX_LAG_SECONDS + CHECK_SECONDS) * 1000 + 500);
    const lagged = await probe(PROBES, PROBE_GAP_MS);
    const laggingLines = linesSince(fromLag, "behind");
    const fromResume = lines.length;
    await pair.resumeReplay();
    const lagBack = await backOnReplica(fromResume);
    const lag = {
      ...lagged,
      before,
      laggingLines,
      freshAgainLines: linesSince(fromResume, "fresh again"),
      back: lagBack,
    };
    console.log(
      `P7 replica lagging: ${lag.ok}/${lag.requests} answered, active alerts ${before} → ${lag.alerts.join(", ")}, ${lag.primaryStatements} statements on the primary, ${lag.replicaStatements} on the replica; "behind" lines ${laggingLines}, "fresh again" lines ${lag.freshAgainLines}, then ${perRequest(lagBack)} per request`,
    );

    // 3. down: the standby stopped, then the same load on the primary alone
    const fromDown = lines.length;
    await pair.stopReplica();
    const stopped = await probe(PROBES, PROBE_GAP_MS);
    const primaryAlone = await load(url, {
      connections: opts.connections,
      durationS: opts.durationS,
      headers: { cookie },
    });
    const unreachableLines = linesSince(fromDown, "unreachable");
    const fromStart = lines.length;
    await pair.startReplica();
    const downBack = await backOnReplica(fromStart);
    const down = {
      ...stopped,
      unreachableLines,
      freshAgainLines: linesSince(fromStart, "fresh again"),
      back: downBack,
    };
    console.log(
      `P7 replica down: ${down.ok}/${down.requests} answered, then under load ${primaryAlone.requests - primaryAlone.non2xx}/${primaryAlone.requests} 2xx, p95 ${primaryAlone.p95.toFixed(0)} ms (${primaryAlone.rps.toFixed(0)} req/s); "unreachable" lines ${unreachableLines}, "fresh again" lines ${down.freshAgainLines}, then ${perRequest(downBack)} per request`,
    );
    const again = await load(url, { connections: opts.connections, durationS: opts.durationS, headers: { cookie } });
    console.log(`P7 served from the replica again: p95 ${again.p95.toFixed(0)} ms (${again.rps.toFixed(0)} req/s)`);
    const text = lines.map((l) =>
      [l.msg, l.lagSeconds !== undefined ? `lagSeconds ${l.lagSeconds?.toFixed(1)}` : "", l.error ?? ""]
        .filter(Boolean)
        .join(" — "),
    );
    for (const t of text) console.log(`  logged: ${t}`);
    return {
      scale: opts.scale,
      counted,
      load: loaded,
      loadStatements,
      primaryAlone,
      again,
      lag,
      down,
      lines: text,
    };
  } finally {
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
    await tearDown();
  }
}

/**
 * P7 figures with their verdicts. `p1` is this run's P1/P2 at the same scale (on BENCH_DATABASE_URL, no
 * replica): its raw-SQL server sends exactly the dashboard's own statements, so those per request must run
 * on the replica, and on the primary only the rest of a request's statements (the session check and the
 * session's call count, which stay there: docs/architecture.md#read-replica).
 */
export function replicaFigures(r: ReplicaFigures, p1: DashboardFigures): BenchFigure[] {
  const s = r.scale;
  const own = p1.rawStatementsPerRequest;
  const rest = p1.statementsPerRequest - own;
  // a session touch (every few minutes) adds one statement on the primary now and then
  const routed = (p: Probe) =>
    p.ok === p.requests && p.replicaStatements >= own * p.requests && p.primaryStatements <= (rest + 0.5) * p.requests;
  const { primary, replica } = r.loadStatements;
  const n = r.load.requests;
  // statements of requests still in flight when the load ends are counted, their responses not
  const underLoad = replica >= own * n && primary <= rest * (n + 10) + 5;
  const fresh = (p: Probe) => p.ok === p.requests && p.alerts.length === 1 && p.alerts[0] === r.lag.before + 1;
  const lagMet = fresh(r.lag) && r.lag.laggingLines === 1 && r.lag.freshAgainLines === 1 && routed(r.lag.back);
  const downMet =
    r.down.ok === r.down.requests &&
    r.primaryAlone.non2xx === 0 &&
    r.primaryAlone.errors === 0 &&
    r.down.unreachableLines === 1 &&
    r.down.freshAgainLines === 1 &&
    routed(r.down.back);
  const back = (p: Probe) => `back: ${perRequest(p)} per request`;
  return [
    {
      id: `P7.replica.statements.${s}`,
      group: "P7",
      label: `dashboard.summary under load: statements on the replica, ${s}`,
      value: replica,
      unit: `of ${primary + replica}`,
      target: `the dashboard's ${own}/request there`,
      verdict: verdict(underLoad && routed(r.counted)),
      note: `${n} requests; sequentially ${perRequest(r.counted)} per request (of ${p1.statementsPerRequest} in P2)`,
    },
    {
      id: `P7.replica.p95.${s}`,
      group: "P7",
      label: `dashboard.summary p95 from the replica, ${s}`,
      value: r.load.p95,
      unit: "ms",
      target: "—",
      verdict: "n/a",
      note: `then primary alone (replica down) ${r.primaryAlone.p95.toFixed(0)} ms, replica again ${r.again.p95.toFixed(0)} ms; P1 (no replica) ${p1.next.p95.toFixed(0)} ms`,
    },
    {
      id: `P7.replica.rps.${s}`,
      group: "P7",
      label: `dashboard.summary req/s from the replica, ${s}`,
      value: r.load.rps,
      unit: "req/s",
      target: "—",
      verdict: "n/a",
      note: `then primary alone ${r.primaryAlone.rps.toFixed(1)}, replica again ${r.again.rps.toFixed(1)}; P1 ${p1.next.rps.toFixed(1)}; ${r.load.non2xx + r.again.non2xx} non-2xx`,
    },
    {
      id: "P7.replica.lagging",
      group: "P7",
      label: "replica lagging → answered from the primary, log lines",
      value: r.lag.laggingLines,
      unit: "lines",
      target: "fresh answers, 1 line each way",
      verdict: verdict(lagMet),
      note: `${r.lag.ok}/${r.lag.requests} answered, active alerts ${r.lag.before} → ${r.lag.alerts.join(", ")}; "fresh again" ${r.lag.freshAgainLines}; ${back(r.lag.back)}`,
    },
    {
      id: "P7.replica.down",
      group: "P7",
      label: "replica down → 200s, log lines",
      value: r.down.unreachableLines,
      unit: "lines",
      target: "all 200, 1 line each way",
      verdict: verdict(downMet),
      note: `${r.down.ok}/${r.down.requests} answered, then ${r.primaryAlone.requests - r.primaryAlone.non2xx}/${r.primaryAlone.requests} under load; "fresh again" ${r.down.freshAgainLines}; ${back(r.down.back)}`,
    },
  ];
}
