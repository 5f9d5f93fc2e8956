/**
 * The server Playwright tests run against: the production build served by scripts/serve.ts, on the
 * test database (E2E_DATABASE_URL / TEST_DATABASE_URL, else a fresh in-memory embedded database),
 * migrated and seeded with the demo tenants.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { migrate } from "../server/db/migrate";
import { createPrismaClient } from "../server/db/client";
import { seedDemo } from "../prisma/seed";
import { EMBEDDED_POOL_MAX, startEmbeddedDb } from "./embedded-db";
import { serveCommand } from "./serve-command";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const given = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const embedded = given ? undefined : await startEmbeddedDb("memory://");
const url = given ?? embedded?.url ?? "";

await migrate(url, path.join(root, "prisma", "migrations"));
const prisma = createPrismaClient(url);
console.log(await seedDemo(prisma, new Date()));
await prisma.$disconnect();

const { command, args } = serveCommand(port);
const child = spawn(command, args, {
  cwd: root,
  stdio: "inherit",
  env: {
    ...withoutResend(process.env),
    DATABASE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456",
    APP_URL: `http://localhost:${port}`,
    ONWARD_DEMO: "1",
    // e2e/signup.spec.ts signs up a workspace; CI's PostgreSQL pass sets DATABASE_URL, where sign-up defaults to closed
    SIGNUP: "open",
    // e2e/webhooks.spec.ts runs its webhook receiver on 127.0.0.1: allow private addresses here only
    ALLOW_PRIVATE_WEBHOOKS: "1",
    ...(embedded ? { DB_POOL_MAX: process.env.DB_POOL_MAX ?? EMBEDDED_POOL_MAX } : {}),
  },
});
const stop = async () => {
  child.kill("SIGTERM");
  await embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
child.on("exit", (code) => {
  void embedded?.stop().finally(() => process.exit(code ?? 0));
});

/** e2e reads mail in the dev mail viewer: never send through a real provider from tests. */
function withoutResend(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { RESEND_API_KEY: _key, ...rest } = env;
  return rest;
}
