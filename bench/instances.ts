import { randomBytes } from "node:crypto";
import pg from "pg";
import { JOB_NAMES, type JobName } from "../lib/schemas/jobs";
import { sampleCpu, processTree, type CpuUse } from "./cpu";
import { DASHBOARD_DAYS } from "./dashboard";
import { startRecorder, type Recorder } from "./email";
import type { GeneratedTenant } from "./generate";
import { load, type LoadResult } from "./load";
import { signIn, startNext, trpcQueryUrl, type NextServer } from "./next-server";
import { startRoundRobinProxy } from "./proxy-rr";

/**
 * P7 (bench/README.md): N production servers (`next start`) on one PostgreSQL, behind a round-robin
 * proxy in the bench process. (1) Throughput and p95 of `dashboard.summary` for one instance and for
 * all of them (two passes in mirrored order, averaged), with the CPU each process group used meanwhile (the instances' process trees, the
 * database's backends, the bench process, the whole machine), and the same three loads on the sign-in
 * page, which Next renders without the database (where Node, not PostgreSQL, is the limit). (2) Every cron job called on every
 * instance at the same moment through its route, the outbox route again and again meanwhile, each
 * instance delivering email to one local recorder; then duplicates counted in SQL and deliveries
 * counted by idempotency key.
 */
export type LoadRun = {
  /** "dashboard": dashboard.summary as the executive; "login": the sign-in page, rendered by Next without the database */
  target: "dashboard" | "login";
  instances: number;
  connections: number;
  result: LoadResult;
  cpu: CpuUse;
  /** requests each instance answered in this load */
  perInstance: number[];
  /** each pass's own figures (`result` is their mean) */
  passes: { rps: number; p95: number }[];
};

export type CronFigures = {
  wallS: number;
  /** job calls fired on every instance at once */
  firings: number;
  /** firings in which more than one instance ran the job (a duplicate job run) */
  bothRan: number;
  failed: number;
  /** JobRun rows the firings made, per job */
  runs: Record<string, number>;
  /** groups of rows written since the start that say the same thing twice, per kind */
  duplicates: Record<string, number>;
  /** rows the jobs wrote, per kind (the work was done, not only not twice) */
  written: Record<string, number>;
  /** dead: final without sending (no address, unsubscribed): not a loss */
  emails: {
    queued: number;
    delivered: number;
    deliveredTwice: number;
    sentNotReceived: number;
    dead: number;
    left: number;
  };
};

export type InstancesFigures = { instances: number; loads: LoadRun[]; cron: CronFigures };

const dueEmail = `channel = 'EMAIL' AND (status IN ('PENDING', 'SENDING') OR (status = 'FAILED' AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC'))`;

export async function measureInstances(opts: {
  dbUrl: string;
  tenant: GeneratedTenant;
  password: string;
  instances: number;
  connections: number;
  durationS: number;
  ports: { first: number; proxy: number };
  /** a streaming replica of dbUrl: every instance reads from it (DATABASE_REPLICA_URL) */
  replicaUrl?: string;
}): Promise<InstancesFigures> {
  const recorder = await startRecorder(2);
  const secret = randomBytes(24).toString("hex");
  const env = {
    CRON_SECRET: secret,
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: recorder.url,
    EMAIL_FROM: "Onward <no-reply@bench.test>",
    // demo mode keeps email for the dev mail viewer and refuses to start with a provider
    ONWARD_DEMO: "",
    DB_POOL_MAX: "10",
    ...(opts.replicaUrl ? { DATABASE_REPLICA_URL: opts.replicaUrl } : {}),
  };
  const servers: NextServer[] = [];
  const admin = new pg.Client({ connectionString: opts.dbUrl });
  await admin.connect();
  try {
    // one after the other: two cold starts at once on two cores would time each other out
    for (let i = 0; i < opts.instances; i++) servers.push(await startNext(opts.dbUrl, opts.ports.first + i, env));
    const proxy = await startRoundRobinProxy(
      opts.ports.proxy,
      servers.map((s) => s.baseUrl),
    );
    try {
      const loads = await loadRuns(opts, servers, proxy, admin);
      const cron = await cronOnEvery(servers, secret, admin, recorder);
      return { instances: opts.instances, loads, cron };
    } finally {
      await proxy.close();
    }
  } finally {
    for (const s of servers) await s.close();
    await admin.end();
    await recorder.close();
  }
}

async function loadRuns(
  opts: Parameters<typeof measureInstances>[0],
  servers: NextServer[],
  proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>,
  admin: pg.Client,
): Promise<LoadRun[]> {
  // signed in through the proxy: the CSRF cookie of one instance, the callback on the other
  const cookie = await signIn(proxy.url, opts.tenant.accounts.executive, opts.password);
  const targets = {
    dashboard: {
      url: trpcQueryUrl(proxy.url, "dashboard.summary", { range: { days: DASHBOARD_DAYS } }),
      headers: { cookie },
    },
    // where the database is not the bottleneck: a page Next renders on every request (ƒ) without a query
    login: { url: `${proxy.url}/login`, headers: {} },
  };
  proxy.use(servers.length);
  for (const [name, t] of Object.entries(targets)) {
    for (let i = 0; i < 10 * servers.length; i++) {
      const res = await fetch(t.url, { headers: t.headers });
      if (!res.ok) throw new Error(`P7: ${name} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }
  }
  let backends: number[] = [];
  let backendsAt = 0;
  const groups = async () => {
    if (Date.now() - backendsAt > 1000) {
      const r = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      backends = r.rows.map((row) => row.pid);
      backendsAt = Date.now();
    }
    const g: Record<string, number[]> = { postgres: backends, bench: [process.pid] };
    servers.forEach((s, i) => (g[`instance ${i + 1}`] = processTree(s.pid)));
    return g;
  };
  // one instance, then all of them at the same connections, then all at the connections per instance of the first
  const plan = (["dashboard", "login"] as const).flatMap((target) => [
    { target, instances: 1, connections: opts.connections },
    { target, instances: servers.length, connections: opts.connections },
    { target, instances: servers.length, connections: opts.connections * servers.length },
  ]);
  // two passes, the second in reverse order (A B C, C B A): the machine's other work drifts, and
  // a drift in time then weighs on every configuration alike
  const passes = new Map<(typeof plan)[number], { result: LoadResult; cpu: CpuUse; perInstance: number[] }[]>();
  for (const p of [...plan, ...[...plan].reverse()]) {
    const { url, headers } = targets[p.target];
    proxy.use(p.instances);
    const before = proxy.forwarded();
    const sampler = sampleCpu(groups);
    const result = await load(url, { connections: p.connections, durationS: opts.durationS, headers });
    const cpu = await sampler.stop();
    const after = proxy.forwarded();
    const list = passes.get(p) ?? [];
    list.push({ result, cpu, perInstance: after.map((n, i) => n - (before[i] ?? 0)) });
    passes.set(p, list);
    console.log(
      `P7 ${p.target}, ${p.instances} instance(s), ${p.connections} connections: ${result.rps.toFixed(1)} req/s, p95 ${result.p95.toFixed(0)} ms; cores: ${describeCpu(cpu, result.requests)}`,
    );
  }
  return plan.map((p) => ({ ...p, ...combine(passes.get(p) ?? []) }));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The passes of one configuration as one: mean rate and percentiles, summed counts and CPU time. */
function combine(list: { result: LoadResult; cpu: CpuUse; perInstance: number[] }[]) {
  const r = list.map((x) => x.result);
  const sum = (f: (x: LoadResult) => number) => r.reduce((a, x) => a + f(x), 0);
  const result: LoadResult = {
    requests: sum((x) => x.requests),
    errors: sum((x) => x.errors),
    timeouts: sum((x) => x.timeouts),
    non2xx: sum((x) => x.non2xx),
    rps: mean(r.map((x) => x.rps)),
    p50: mean(r.map((x) => x.p50)),
    p95: mean(r.map((x) => x.p95)),
    p99: mean(r.map((x) => x.p99)),
    durationS: sum((x) => x.durationS),
  };
  const wallS = list.reduce((a, x) => a + x.cpu.wallS, 0);
  const cores: Record<string, number> = {};
  for (const { cpu } of list)
    for (const [k, v] of Object.entries(cpu.cores)) cores[k] = (cores[k] ?? 0) + (v * cpu.wallS) / wallS;
  const machineCores = list.reduce((a, x) => a + x.cpu.machineCores * x.cpu.wallS, 0) / wallS;
  const perInstance = (list[0]?.perInstance ?? []).map((_, i) => list.reduce((a, x) => a + (x.perInstance[i] ?? 0), 0));
  return {
    result,
    cpu: { wallS, cores, machineCores },
    perInstance,
    passes: r.map((x) => ({ rps: x.rps, p95: x.p95 })),
  };
}

/** Cores each group kept busy, and its CPU milliseconds per answered request (what does not depend on the machine's other work). */
export const describeCpu = (cpu: CpuUse, requests: number) =>
  [
    ...Object.entries(cpu.cores).map(
      ([k, v]) => `${k} ${v.toFixed(2)} (${((v * cpu.wallS * 1000) / Math.max(1, requests)).toFixed(1)} ms/req)`,
    ),
    `machine ${cpu.machineCores.toFixed(2)}`,
  ].join(", ");

type RunAnswer = { status?: string; periodKey?: string; error?: string };

async function cronOnEvery(
  servers: NextServer[],
  secret: string,
  admin: pg.Client,
  recorder: Recorder,
): Promise<CronFigures> {
  const started = performance.now();
  const t0 = (await admin.query<{ t: string }>(`SELECT (now() AT TIME ZONE 'UTC')::text AS t`)).rows[0]?.t ?? "";
  const dueAtStart = (await admin.query<{ id: string }>(`SELECT id FROM "OutboxMessage" WHERE ${dueEmail}`)).rows.map(
    (r) => r.id,
  );
  let firings = 0;
  let bothRan = 0;
  let failed = 0;
  const fire = async (job: JobName): Promise<RunAnswer[]> => {
    const answers = await Promise.all(
      servers.map(async (s) => {
        const res = await fetch(`${s.baseUrl}/api/cron/${job}`, {
          headers: { authorization: `Bearer ${secret}` },
          signal: AbortSignal.timeout(5 * 60_000),
        });
        const body = (await res.json().catch(() => ({}))) as RunAnswer;
        return res.ok ? body : { status: "failed", error: `HTTP ${res.status}` };
      }),
    );
    firings += 1;
    if (answers.filter((a) => a.status !== "skipped").length > 1) bothRan += 1;
    failed += answers.filter((a) => a.status === "failed").length;
    return answers;
  };
  // the outbox route on every instance at once, every 2 s, while the other jobs run and until no email is due
  let jobsDone = false;
  const outboxDeadline = Date.now() + 5 * 60_000;
  const outbox = (async () => {
    for (;;) {
      await fire("outbox");
      const left = Number(
        (await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "OutboxMessage" WHERE ${dueEmail}`)).rows[0]?.n,
      );
      if ((jobsDone && left === 0) || Date.now() > outboxDeadline) return;
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();
  for (const job of JOB_NAMES) {
    if (job === "outbox") continue;
    let answers = await fire(job);
    // a run that stopped at its time budget resumes on the next call of the period
    for (let i = 0; i < 30 && answers.some((a) => a.status === "paused"); i++) answers = await fire(job);
    console.log(`P7 cron ${job}: ${answers.map((a) => `${a.status} ${a.periodKey ?? a.error ?? ""}`).join(" | ")}`);
  }
  jobsDone = true;
  await outbox;

  const count = async (sql: string) =>
    Number((await admin.query<{ n: string }>(sql, sql.includes("$1") ? [t0] : [])).rows[0]?.n ?? 0);
  const twice = (table: string, by: string, since = `"createdAt" >= $1::timestamp`) =>
    count(`SELECT count(*) AS n FROM (SELECT 1 FROM "${table}" WHERE ${since} GROUP BY ${by} HAVING count(*) > 1) d`);
  const duplicates = {
    alerts: await twice("Alert", `"tenantId", kind, "projectId", "milestoneId", "guaranteeId", "customerAccountId"`),
    surveys: await twice("Survey", `"tenantId", "projectId", "milestoneId", kind, trigger, "recipientId"`),
    refunds: await twice("Refund", `"guaranteeId"`, "true"),
    "progress updates": await twice("ProgressUpdate", `"projectId", "periodKey"`, "true"),
    "health snapshots": await twice("HealthSnapshot", `"customerAccountId", day`, "true"),
    "retention plans": await twice("RetentionPlan", `"customerAccountId", strategy`),
    "action items": await twice("ActionItem", `"tenantId", kind, "projectId", "customerAccountId", title`),
    notifications: await twice("Notification", `"userId", "alertId", title, body, link`),
    "outbox messages": await twice("OutboxMessage", `channel, recipient, subject, "bodyText"`),
  };
  const since = (table: string) => count(`SELECT count(*) AS n FROM "${table}" WHERE "createdAt" >= $1::timestamp`);
  const written = {
    alerts: await since("Alert"),
    surveys: await since("Survey"),
    "progress updates": await since("ProgressUpdate"),
    "health snapshots": await since("HealthSnapshot"),
    "retention plans": await since("RetentionPlan"),
    notifications: await since("Notification"),
    "outbox messages": await since("OutboxMessage"),
  };
  const runRows = await admin.query<{ job: string; n: string }>(
    `SELECT job, count(*) AS n FROM "JobRun" WHERE "startedAt" >= $1::timestamp GROUP BY job`,
    [t0],
  );
  const runs = Object.fromEntries(runRows.rows.map((r) => [r.job, Number(r.n)]));

  // every email due at the start or queued since: received once each, by its row's idempotency key
  const rows = await admin.query<{ id: string; key: string; status: string }>(
    `SELECT id, "idempotencyKey" AS key, status FROM "OutboxMessage"
     WHERE channel = 'EMAIL' AND (id = ANY($2::text[]) OR "createdAt" >= $1::timestamp)`,
    [t0, dueAtStart],
  );
  const received = recorder.byOutboxId();
  const perKey = new Map<string, number>();
  for (const r of rows.rows) perKey.set(r.key, (perKey.get(r.key) ?? 0) + (received.get(r.id) ?? 0));
  const emails = {
    queued: rows.rows.length,
    delivered: [...perKey.values()].filter((n) => n >= 1).length,
    deliveredTwice: [...perKey.values()].filter((n) => n > 1).length,
    sentNotReceived: rows.rows.filter((r) => r.status === "SENT" && !received.has(r.id)).length,
    dead: rows.rows.filter((r) => r.status === "DEAD").length,
    left: rows.rows.filter((r) => r.status !== "SENT" && r.status !== "DEAD").length,
  };
  return {
    wallS: (performance.now() - started) / 1000,
    firings,
    bothRan,
    failed,
    runs,
    duplicates,
    written,
    emails,
  };
}
