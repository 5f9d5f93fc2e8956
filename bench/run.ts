/**
 * `npm run bench -- --scale 1k|10k|100k [--skip-web] [--skip-jobs] [--only-jobs] [--only-p6] [--p6-emails N] [--instances N] [--only-p7] [--replica] [--duration S] [--keep] [--build]` (bench/README.md): generates the
 * synthetic tenants, loads the production server and the raw-SQL limit (P1), counts statements (P2),
 * runs the web figures (P3/P4, bench/web.ts), times the digest job (P5), delivers queued digest
 * emails to a rate-limited recorder (P6, bench/email.ts), with --instances/--replica the scale-out and
 * the read replica (P7, bench/instances.ts, bench/replica.ts), then prints the table and writes
 * bench/results/<date>.json. It measures and prints; it never fails on a target.
 * BENCH_DATABASE_URL=postgresql://… uses a fresh database on that server; without it, embedded PGlite.
 */
import { startCountingProxy } from "./count-proxy";
import { measureDashboard, type DashboardFigures } from "./dashboard";
import { measureDigest, type DigestFigures } from "./digest";
import { measureEmailDelivery, type EmailFigures } from "./email";
import { measureInstances, type InstancesFigures } from "./instances";
import { P6_TARGET_EMAILS, dashboardFigures, digestFigures, emailFigures, instancesFigures } from "./verdicts";
import type { BenchFigure } from "./figures";
import { SCALES, type ScaleName } from "./generate";
import { ensureBuild, signIn, startNext } from "./next-server";
import { startRawServer } from "./raw-server";
import { measureReplica, replicaFigures } from "./replica";
import { printTable, writeResults } from "./report";
import { setUpDb } from "./setup";
import { measureWeb, sessionCookieHeader } from "./web";
import { DEMO_PASSWORD } from "../prisma/seed/tenants";

// BENCH_PORT_OFFSET shifts every port, so two benches (two checkouts) can run side by side.
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 0);
const PORTS = {
  next: 3300 + OFFSET,
  raw: 3310 + OFFSET,
  proxy: 3311 + OFFSET,
  embedded: 54410 + OFFSET,
  // P7: instance i on 3302 + i, the round-robin proxy on 3312
  instances: 3302 + OFFSET,
  balancer: 3312 + OFFSET,
  // --replica (bench/replica.ts): a counting proxy in front of each server of the pair; the pair on two free ports of 55040–55059
  replicaProxies: 3320 + OFFSET,
  replicaPair: 55040 + OFFSET,
};
const CONNECTIONS = 10;

function args() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = (value("--scale") ?? "1k") as ScaleName;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const durationS = Number(value("--duration") ?? 10);
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error("--duration must be a positive number of seconds");
  const p6Emails = Number(value("--p6-emails") ?? P6_TARGET_EMAILS);
  if (!Number.isInteger(p6Emails) || p6Emails < 0)
    throw new Error("--p6-emails must be a whole number ≥ 0 (0 skips P6)");
  const onlyP7 = argv.includes("--only-p7");
  const instances = Number(value("--instances") ?? (onlyP7 ? 2 : 1));
  if (!Number.isInteger(instances) || instances < 1 || instances > 8)
    throw new Error("--instances must be a whole number from 1 to 8 (2 or more adds P7)");
  const replica = argv.includes("--replica");
  if (replica && (onlyP7 || argv.includes("--only-jobs") || argv.includes("--only-p6")))
    throw new Error("--replica needs P1/P2 (its targets come from them): not with --only-jobs, --only-p6 or --only-p7");
  const lighthouseRuns = Number(value("--lighthouse-runs") ?? 3);
  if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1)
    throw new Error("--lighthouse-runs must be a whole number ≥ 1");
  return {
    scale,
    durationS,
    lighthouseRuns,
    skipWeb: argv.includes("--skip-web"),
    skipJobs: argv.includes("--skip-jobs"),
    onlyJobs: argv.includes("--only-jobs"),
    onlyP6: argv.includes("--only-p6"),
    onlyP7,
    instances,
    p6Emails,
    keep: argv.includes("--keep"),
    build: argv.includes("--build"),
    replica,
  };
}

async function main() {
  const opts = args();
  const now = new Date();
  process.env.APP_URL ??= `http://localhost:${PORTS.next}`;
  const webToo = !opts.onlyJobs && !opts.onlyP6 && !opts.onlyP7;
  if (webToo || opts.instances > 1) ensureBuild(opts.build); // before the data, so the build does not overlap the measured part
  const db = await setUpDb(opts.scale, { keep: opts.keep, now, embeddedPort: PORTS.embedded });
  const proxy = await startCountingProxy(db.url, PORTS.proxy);
  // the in-process digest job reads the app's environment (server/messaging/config.ts)
  process.env.DATABASE_URL = proxy.url;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
  // --only-jobs: P5 alone, without the production server and the raw-SQL limit (P1–P4)
  const raw = !webToo ? null : await startRawServer(proxy.url, PORTS.raw, Number(process.env.DB_POOL_MAX ?? 10));
  const figures: BenchFigure[] = [];
  const dash = new Map<ScaleName, DashboardFigures>();
  const digests = new Map<ScaleName, DigestFigures>();
  let email: EmailFigures | null = null;
  let scaleOut: InstancesFigures | null = null;
  let scaleOutSkipped: string | undefined;
  try {
    if (raw) figures.push(...(await webPart(db, proxy, raw, opts, dash)));
    for (const [name, tenant] of opts.skipJobs || opts.onlyP6 || opts.onlyP7 ? [] : db.tenants) {
      const d = await measureDigest(proxy, tenant.tenantId, tenant.projects, now);
      digests.set(name, d);
      console.log(
        `P5 ${tenant.projects} projects: ${d.wallS.toFixed(1)} s, ${d.perProject.toFixed(1)} statements/project, peak RSS ${d.peakRssMb.toFixed(0)} MB`,
      );
    }
    figures.push(...digestFigures(digests, db.tenants));
    const top = db.tenants.get(opts.scale);
    if (top && opts.p6Emails > 0 && !opts.onlyP7) {
      // straight to the database: the counting proxy would only add a hop to every token taken
      email = await measureEmailDelivery(db.url, top, {
        emails: opts.p6Emails,
        limitPerSecond: 2,
        appUrl: process.env.APP_URL,
        timeoutS: 600,
      });
      console.log(
        `P6 ${email.emails} emails: ${email.wallS.toFixed(1)} s, ${email.delivered} delivered, ${email.dead} dead, ${email.requests} requests, ${email.throttled} answered 429`,
      );
    }
    figures.push(...emailFigures(email));
    // P7 last: its cron part runs every job for real (digests, scores), which P5 must not find done
    if (top && opts.instances > 1) {
      if (db.kind !== "postgresql") {
        scaleOutSkipped = "needs BENCH_DATABASE_URL: the embedded PGlite is one session, one process serves it";
      } else {
        scaleOut = await measureInstances({
          dbUrl: db.url,
          tenant: top,
          password: DEMO_PASSWORD,
          instances: opts.instances,
          connections: CONNECTIONS,
          durationS: opts.durationS,
          ports: { first: PORTS.instances, proxy: PORTS.balancer },
        });
      }
    }
    figures.push(...instancesFigures(scaleOut, scaleOutSkipped));
    // its own pair and database, so it can go anywhere after P1/P2, whose figures its targets use
    const p1 = dash.get(opts.scale);
    if (opts.replica && p1) {
      const replica = await measureReplica({
        scale: opts.scale,
        now,
        durationS: opts.durationS,
        connections: CONNECTIONS,
        ports: {
          next: PORTS.next,
          primaryProxy: PORTS.replicaProxies,
          replicaProxy: PORTS.replicaProxies + 1,
          pairBase: PORTS.replicaPair,
        },
      });
      figures.push(...replicaFigures(replica, p1));
    }
  } finally {
    await raw?.close();
    await proxy.close();
    await db.drop();
  }
  printTable(figures);
  const file = writeResults(figures, {
    scale: opts.scale,
    database: db.kind,
    durationS: opts.durationS,
    connections: CONNECTIONS,
    instances: opts.instances,
    generateMs: db.generateMs,
    replica: opts.replica,
    at: now.toISOString(),
  });
  console.log(`\nwrote ${file}`);
}

/** P1–P4: the production server under load, the raw-SQL limit, statements per request, the web figures. */
async function webPart(
  db: Awaited<ReturnType<typeof setUpDb>>,
  proxy: Awaited<ReturnType<typeof startCountingProxy>>,
  raw: Awaited<ReturnType<typeof startRawServer>>,
  opts: ReturnType<typeof args>,
  dash: Map<ScaleName, DashboardFigures>,
): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const next = await startNext(proxy.url, PORTS.next);
  try {
    for (const [name, tenant] of db.tenants) {
      const cookie = await signIn(next.baseUrl, tenant.accounts.executive, DEMO_PASSWORD);
      const customerCookie = opts.skipWeb
        ? null
        : await sessionCookieHeader(next.baseUrl, tenant.accounts.customer, DEMO_PASSWORD, true);
      const d = await measureDashboard({
        proxy,
        baseUrl: next.baseUrl,
        cookie,
        customerCookie,
        raw,
        tenant,
        connections: CONNECTIONS,
        durationS: opts.durationS,
      });
      dash.set(name, d);
      console.log(
        `P1 ${name}: dashboard p95 ${d.next.p95} ms (${d.next.rps.toFixed(0)} req/s), raw p95 ${d.raw.p95} ms (${d.raw.rps.toFixed(0)} req/s); ${d.statementsPerRequest} statements/request`,
      );
    }
    figures.push(...dashboardFigures(dash, opts.scale));
    const top = db.tenants.get(opts.scale);
    if (!opts.skipWeb && top) figures.push(...(await webFigures(next.baseUrl, top, opts.lighthouseRuns)));
  } finally {
    await next.close();
  }
  return figures;
}

async function webFigures(
  baseUrl: string,
  tenant: { accounts: { executive: string; csm: string; customer: string }; portalProjectId: string; leadId: string },
  runs: number,
): Promise<BenchFigure[]> {
  return measureWeb({
    baseUrl,
    password: DEMO_PASSWORD,
    accounts: tenant.accounts,
    runs,
    paths: {
      portalProject: `/portal/projects/${tenant.portalProjectId}`,
      leadPage: `/leads/${tenant.leadId}`,
      dashboard: "/dashboard",
    },
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
