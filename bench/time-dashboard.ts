/**
 * The dashboard statements timed one at a time over `pg` (bench/README.md, P1), without the HTTP load:
 * `node --import tsx --import ./scripts/server-only-hook.mjs bench/time-dashboard.ts <server url> <database> [--generate] [--runs 7]`
 * With --generate it first creates <database> on the server (BENCH_DATABASE_URL's form) and fills it as
 * the bench does (demo seed, noise tenants, the 1k, 10k and 100k tenants); then it prints, per tenant,
 * min / median of each statement over the runs, after one warm-up.
 */
import { hash } from "@node-rs/argon2";
import path from "node:path";
import pg from "pg";
import { seedDemo } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/seed/tenants";
import { createPrismaClient } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { DASHBOARD_DAYS } from "./dashboard";
import { generateTenant, SCALES } from "./generate";
import { dashboardStatements } from "./raw-server";
import { BENCH_SEED } from "./setup";

const [server, database] = process.argv.slice(2);
if (!server || !database || !/^[a-z0-9_]+$/.test(database))
  throw new Error("usage: bench/time-dashboard.ts <server url> <database> [--generate] [--runs 7]");
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7;
const u = new URL(server);
u.pathname = `/${database}`;
const url = u.toString();
const now = new Date();

if (process.argv.includes("--generate")) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  await migrate(url, path.resolve(import.meta.dirname, "..", "prisma", "migrations"));
  const prisma = createPrismaClient(url);
  await seedDemo(prisma, now);
  await prisma.$disconnect();
  const passwordHash = await hash(DEMO_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const slug of ["noise-a", "noise-b"])
    await generateTenant(client, { slug, name: slug, milestones: 200, now, seed: BENCH_SEED, passwordHash });
  for (const [name, milestones] of Object.entries(SCALES)) {
    const t = await generateTenant(client, {
      slug: `bench-${name}`,
      name: `Bench ${name}`,
      milestones,
      now,
      seed: BENCH_SEED,
      passwordHash,
    });
    console.log(`generated ${name} in ${(t.ms / 1000).toFixed(1)} s`);
  }
  await client.end();
}

const client = new pg.Client({ connectionString: url });
await client.connect();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
try {
  for (const name of Object.keys(SCALES)) {
    const statements = dashboardStatements(`bt-bench-${name}`, DASHBOARD_DAYS, new Date());
    const times: number[][] = statements.map(() => []);
    for (let i = 0; i <= runs; i++)
      for (const [k, s] of statements.entries()) {
        const t0 = performance.now();
        await client.query(s.text, s.values);
        if (i > 0) times[k]?.push(performance.now() - t0);
      }
    const cells = times.map((t, k) => `statement ${k + 1} ${Math.min(...t).toFixed(1)} / ${median(t).toFixed(1)} ms`);
    console.log(`${name}: ${cells.join(", ")} (min / median of ${runs})`);
  }
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await client.end();
}
