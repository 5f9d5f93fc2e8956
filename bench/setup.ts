import { hash } from "@node-rs/argon2";
import path from "node:path";
import pg from "pg";
import { seedDemo } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/seed/tenants";
import { startEmbeddedDb } from "../scripts/embedded-db";
import { createPrismaClient } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { generateTenant, SCALES, type GeneratedTenant, type ScaleName } from "./generate";

/**
 * The bench's database (bench/README.md): a fresh PostgreSQL database per run when BENCH_DATABASE_URL
 * names a server (dropped afterwards unless --keep), else an embedded PGlite in this process.
 * Migrated, seeded with the two demo tenants and two small synthetic noise tenants, then one
 * synthetic tenant per scale up to the chosen one (the smaller ones are the baselines of the ratios).
 */
export type BenchDb = {
  url: string;
  kind: "postgresql" | "embedded";
  tenants: Map<ScaleName, GeneratedTenant>;
  generateMs: Record<string, number>;
  drop: () => Promise<void>;
};

export const BENCH_SEED = 20_261_202;

export async function setUpDb(
  scale: ScaleName,
  opts: { keep: boolean; now: Date; embeddedPort: number; server?: string },
): Promise<BenchDb> {
  // `server`: another PostgreSQL server than BENCH_DATABASE_URL (the replica pair's primary, bench/replica.ts)
  const server = opts.server ?? process.env.BENCH_DATABASE_URL;
  let url: string;
  let drop: () => Promise<void>;
  if (server) {
    // BENCH_DB_PREFIX: benches of several checkouts on one server tell their databases apart
    const prefix = (process.env.BENCH_DB_PREFIX ?? "onward_bench").replace(/[^a-z0-9_]/g, "");
    const name = `${prefix}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      if (opts.keep) return void console.log(`kept database ${name}`);
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const embedded = await startEmbeddedDb("memory://", opts.embeddedPort);
    url = embedded.url;
    drop = () => embedded.stop();
  }
  await migrate(url, path.resolve(import.meta.dirname, "..", "prisma", "migrations"));
  const prisma = createPrismaClient(url);
  await seedDemo(prisma, opts.now);
  await prisma.$disconnect();

  const passwordHash = await hash(DEMO_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tenants = new Map<ScaleName, GeneratedTenant>();
  const generateMs: Record<string, number> = {};
  try {
    for (const noise of ["noise-a", "noise-b"]) {
      await generateTenant(client, {
        slug: noise,
        name: `Noise ${noise}`,
        milestones: 200,
        now: opts.now,
        seed: BENCH_SEED,
        passwordHash,
      });
    }
    for (const name of Object.keys(SCALES) as ScaleName[]) {
      if (SCALES[name] > SCALES[scale]) break;
      const t = await generateTenant(client, {
        slug: `bench-${name}`,
        name: `Bench ${name}`,
        milestones: SCALES[name],
        now: opts.now,
        seed: BENCH_SEED,
        passwordHash,
      });
      tenants.set(name, t);
      generateMs[name] = t.ms;
      console.log(
        `generated ${name}: ${t.milestones} milestones, ${t.projects} projects (${t.activeProjects} active), ${Object.values(t.rows).reduce((a, b) => a + b, 0)} rows in ${(t.ms / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await client.end();
  }
  return { url, kind: server ? "postgresql" : "embedded", tenants, generateMs, drop };
}
