/**
 * `npm run dev` / `npm start` / `npm run demo`: one process that
 *  1. refuses demo mode anywhere but this machine (lib/demo.ts, docs/security.md#demo-mode),
 *  2. uses DATABASE_URL when set, or starts the embedded database (data in $ONWARD_DATA_DIR/pglite,
 *     default .data/pglite),
 *  3. applies migrations; seeds the demo tenants only in demo mode (`npm run demo`, or ONWARD_DEMO=1) —
 *     a plain start never plants data or accounts (docs/deploy.md#first-run),
 *  4. starts Next.js — `next dev`, or the production web server scripts/serve.ts, which appends each
 *     connection's address to X-Forwarded-For (docs/security.md#client-ip) — and forwards Ctrl-C so
 *     nothing outlives it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "../server/db/migrate";
import { demoModeRefusal, isDemoMode, isDevMailEnabled } from "../lib/demo";
import { trustedProxyHops } from "../lib/env";
import { serveCommand } from "./serve-command";
import { EMBEDDED_POOL_MAX, dataRoot, lockDataDir, startEmbeddedDb, type EmbeddedDb } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
const arg = process.argv[2];
const mode = arg === "dev" ? "dev" : "start";
if (arg === "demo") process.env.ONWARD_DEMO = "1";
if (mode === "dev") Object.assign(process.env, { NODE_ENV: "development" });
const dataDir = dataRoot();

function persistentSecret(file: string): string {
  mkdirSync(dataDir, { recursive: true });
  const p = path.join(dataDir, file);
  if (existsSync(p)) return readFileSync(p, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(p, secret, { mode: 0o600 });
  return secret;
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Tenant"`);
    return res.rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

let releaseLock: (() => void) | undefined;

async function main() {
  const port = process.env.PORT ?? "3000";
  process.env.APP_URL ??= `http://localhost:${port}`;
  const refusal = demoModeRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  trustedProxyHops(); // a bad TRUSTED_PROXY_HOPS stops the start here, with its message
  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    const dir = path.join(dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    // held until exit (removed in stop()); `npm run db:backup` / `db:restore` refuse while it is held
    releaseLock = lockDataDir(dir, `npm run ${mode}`);
    embedded = await startEmbeddedDb(dir, Number(process.env.EMBEDDED_DB_PORT ?? 54329));
    process.env.DATABASE_URL = embedded.url;
    process.env.DB_POOL_MAX ??= EMBEDDED_POOL_MAX;
    process.env.ONWARD_EMBEDDED_DB = "1";
    console.log(
      `• embedded PostgreSQL (PGlite) at 127.0.0.1:${embedded.port}, data in ${path.relative(root, dir) || dir}`,
    );
  } else {
    console.log("• using DATABASE_URL");
  }
  process.env.AUTH_SECRET ??= persistentSecret("auth-secret");
  process.env.CRON_SECRET ??= persistentSecret("cron-secret");

  const result = await migrate(process.env.DATABASE_URL, path.join(root, "prisma", "migrations"));
  console.log(`• migrations: ${result.applied.length} applied, ${result.alreadyApplied} already in place`);
  if (isDemoMode() && process.env.ONWARD_SKIP_SEED !== "1") {
    // idempotent: a demo tenant that exists is left as it is, workspaces created since are untouched
    const { seedDemo } = await import("../prisma/seed");
    const { createPrismaClient } = await import("../server/db/client");
    const prisma = createPrismaClient(process.env.DATABASE_URL);
    const started = Date.now();
    const outcome = await seedDemo(prisma, new Date());
    await prisma.$disconnect();
    console.log(`• demo: ${outcome} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  if (!isDemoMode() && (await isEmpty(process.env.DATABASE_URL))) {
    console.log("• no workspace yet: create one at /signup, or `npm run tenant:create` (docs/deploy.md#first-run)");
  }
  if (mode === "start" && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build found: run `npm run build` first (npm run demo does both).");
    await embedded?.stop();
    releaseLock?.();
    process.exit(1);
  }
  // the dev mail viewer reads sign-in links: whenever it is on, nothing but this machine may reach the server
  const hostname = isDevMailEnabled() ? "127.0.0.1" : undefined;
  const { command, args } =
    mode === "dev"
      ? {
          command: path.join(root, "node_modules", ".bin", "next"),
          args: ["dev", "--port", port, ...(hostname ? ["--hostname", hostname] : [])],
        }
      : serveCommand(port, hostname);
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  console.log(`• Onward on ${process.env.APP_URL}  (Ctrl-C stops it)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r(null)));
    await embedded?.stop();
    releaseLock?.();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  releaseLock?.();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
