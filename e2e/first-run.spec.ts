import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freePort } from "../scripts/embedded-db";
import { createSiblingDatabase } from "../tests/helpers/sibling-database";
import { signInWithPassword } from "./helpers";

/** Lets the child resolve `server-only` outside Next.js (scripts/server-only-hook.mjs). */
const SERVER_ONLY_HOOK = path.resolve(import.meta.dirname, "..", "scripts", "server-only-hook.mjs");

/**
 * The first run of a real installation, the limits of demo mode and the client IP (docs/deploy.md#first-run,
 * docs/security.md#demo-mode, docs/security.md#client-ip), on real servers started the way an operator
 * starts them: the launcher (`npm start`, `npm run demo`) and `next start` on the production build. Each
 * server here gets a database of its own — a new database on the test PostgreSQL server, or a new embedded data directory.
 */

const root = path.resolve(import.meta.dirname, "..");
const TEST_PG = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type Started = {
  proc: ChildProcess;
  output: () => string;
  baseUrl: string;
  databaseUrl: string;
  stop: () => Promise<void>;
};

/** An empty database: a fresh PostgreSQL database next to the test one, or a fresh embedded data dir. */
async function emptyDatabase(): Promise<{
  env: Record<string, string>;
  url: string;
  drop: () => void | Promise<void>;
}> {
  if (TEST_PG) {
    const db = await createSiblingDatabase(TEST_PG, "onward_firstrun");
    return { env: { DATABASE_URL: db.url }, url: db.url, drop: db.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "onward-firstrun-"));
  const port = await freePort();
  return {
    env: { ONWARD_DATA_DIR: dir, EMBEDDED_DB_PORT: String(port) },
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    drop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment of this test process minus everything that would make a server a demo or point it elsewhere. */
function operatorEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    "ONWARD_DEMO",
    "DATABASE_URL",
    "TEST_DATABASE_URL",
    "E2E_DATABASE_URL",
    "RESEND_API_KEY",
    "APP_URL",
    "PORT",
    "NODE_ENV",
    "ONWARD_DATA_DIR",
    "EMBEDDED_DB_PORT",
    "SIGNUP",
  ])
    delete env[key];
  return { ...env, AUTH_SECRET: "first-run-secret-first-run-secret-0123", ...extra };
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  command = process.execPath,
): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout?.on("data", (d) => (out += String(d)));
  proc.stderr?.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

/** An npm script as the deploy guide runs it; resolves with its exit code and output. */
async function npmRun(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const started = run(["run", "--silent", ...args], env, "npm");
  const code = await started.exited;
  return { code, output: started.output() };
}

async function launch(
  command: "start" | "demo",
  extra: Record<string, string> = {},
  before?: (env: NodeJS.ProcessEnv) => Promise<void>,
): Promise<Started> {
  const db = await emptyDatabase();
  const port = await freePort();
  const env = operatorEnv({ ...db.env, PORT: String(port), ...extra });
  await before?.(env);
  const started = run(["--import", "tsx", "--import", SERVER_ONLY_HOOK, "scripts/launch.ts", command], env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (started.proc.exitCode !== null)
      throw new Error(`the server exited (${started.proc.exitCode}):\n${started.output()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    proc: started.proc,
    output: started.output,
    baseUrl,
    databaseUrl: db.url,
    stop: async () => {
      if (started.proc.exitCode === null) started.proc.kill("SIGTERM");
      await started.exited;
      await db.drop();
    },
  };
}

async function countRows(url: string): Promise<{ tenants: number; users: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const res = await c.query<{ tenants: number; users: number }>(
      `SELECT (SELECT count(*) FROM "Tenant")::int AS tenants, (SELECT count(*) FROM "User")::int AS users`,
    );
    return res.rows[0] ?? { tenants: -1, users: -1 };
  } finally {
    await c.end();
  }
}

/** A start that must stop by itself, with a non-zero exit and `message` in its output. */
async function expectRefusedStart(args: string[], env: Record<string, string>, message: RegExp) {
  const started = run(args, operatorEnv(env));
  const code = await Promise.race([
    started.exited,
    new Promise<"running">((r) => setTimeout(() => r("running"), 60_000)),
  ]);
  if (code === "running") started.proc.kill("SIGKILL");
  expect(code, started.output()).not.toBe("running");
  expect(code, started.output()).not.toBe(0);
  expect(started.output()).toMatch(message);
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test.describe("first run", () => {
  test.describe.configure({ timeout: 240_000 });

  test("a production start on an empty database plants no tenant, no user, no demo (the deploy guide's commands)", async ({
    page,
  }) => {
    const cronSecret = "first-run-cron-secret-0123456789";
    // docs/deploy.md: the deploy build refuses to migrate without a DATABASE_URL; `npm run db:migrate` migrates it
    const refused = await npmRun(["db:migrate", "--", "--require-database-url"], operatorEnv({}));
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toMatch(/DATABASE_URL is not set/);
    const server = await launch("start", { CRON_SECRET: cronSecret }, async (env) => {
      const migrated = await npmRun(["db:migrate"], env);
      expect(migrated.code, migrated.output).toBe(0);
      expect(migrated.output).toMatch(/applied/);
    });
    try {
      expect(await countRows(server.databaseUrl)).toEqual({ tenants: 0, users: 0 });
      expect(server.output()).not.toMatch(/seeded/);
      await page.goto(`${server.baseUrl}/login`);
      await expect(page.getByRole("heading", { name: /sign in/i }).first()).toBeVisible();
      await expect(page.getByTestId("demo-credentials")).toHaveCount(0);
      await expect(page.getByText("onward-demo-2026")).toHaveCount(0);
      if (TEST_PG) {
        // an operator's DATABASE_URL: sign-up closed by default, the page says how to create the first workspace
        await expect(page.getByText("This server has no workspace yet.")).toBeVisible();
        await expect(page.getByText(/npm run tenant:create/)).toBeVisible();
        await expect(page.getByRole("link", { name: "Create your workspace" })).toHaveCount(0);
      } else {
        // the embedded database is a local trial: sign-up is open
        await expect(page.getByRole("link", { name: "Create your workspace" })).toBeVisible();
      }
      // the demo's admin does not exist
      await page.getByRole("tab", { name: "Team member" }).click();
      await page.getByLabel("Work email").fill("admin@northwind.test");
      await page.getByLabel("Password").fill("onward-demo-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/login/);
      // no dev mail viewer in a production build without demo mode, not even for this machine
      expect((await page.request.get(`${server.baseUrl}/dev/mail?to=po@acme.test`)).status()).toBe(404);
      // the scheduler's one-shot call, as the deploy guide checks a host: 0 when the job ran, 1 when refused
      const schedulerEnv = operatorEnv({ APP_URL: server.baseUrl, CRON_SECRET: cronSecret });
      const once = await npmRun(["scheduler", "--", "--once", "outbox"], schedulerEnv);
      expect(once.code, once.output).toBe(0);
      expect(once.output).toMatch(/HTTP 200/);
      const wrong = await npmRun(["scheduler", "--", "--once", "outbox"], {
        ...schedulerEnv,
        CRON_SECRET: "not-the-cron-secret-at-all",
      });
      expect(wrong.code, wrong.output).toBe(1);
      expect(await countRows(server.databaseUrl)).toEqual({ tenants: 0, users: 0 });
      if (TEST_PG) {
        // docs/deploy.md: the operator creates the first workspace next to the running server (the embedded
        // database is locked by the server instead; tests/integration/tenant-cli.int.test.ts covers that path)
        const created = await npmRun(
          [
            "tenant:create",
            "--",
            "--name",
            "Harbor Digital",
            "--slug",
            "harbor-first",
            "--admin-email",
            "founder@harbor-first.example.com",
          ],
          operatorEnv({ DATABASE_URL: server.databaseUrl, APP_URL: server.baseUrl }),
        );
        expect(created.code, created.output).toBe(0);
        const link = /(http\S+\/invite\/[\w-]+)/.exec(created.output)?.[1];
        expect(link, created.output).toBeTruthy();
        expect(await countRows(server.databaseUrl)).toEqual({ tenants: 1, users: 1 });
        const listed = await npmRun(["tenant:list"], operatorEnv({ DATABASE_URL: server.databaseUrl }));
        expect(listed.output).toMatch(/harbor-first/);
        await page.goto(link ?? "");
        await expect(page.getByLabel("New password")).toBeVisible();
      }
    } finally {
      await server.stop();
    }
  });

  test("the client's address is the connection's: a forged X-Forwarded-For is not stored and does not escape a per-IP limit", async () => {
    // docs/security.md#client-ip: `npm start` serves through scripts/serve.ts, which appends the connection's address
    const server = await launch("start");
    const forged = { "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.7" };
    try {
      // a failed sign-in through Auth.js's endpoint records the address it came from (the audit trail)
      const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers: forged });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const failed = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { ...forged, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "nobody@example.com", password: "not the password", csrfToken }),
      });
      expect(failed.status).toBe(302);
      const c = new pg.Client({ connectionString: server.databaseUrl });
      await c.connect();
      try {
        const rows = await c.query<{ ip: string | null }>(
          `SELECT ip FROM "AuditEvent" WHERE action = 'auth.sign_in_failed'`,
        );
        expect(rows.rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
      } finally {
        await c.end();
      }
      // one-time survey links allow 60 guesses an hour per address: a new forged address each time does not reset it
      const guess = (i: number) =>
        fetch(
          `${server.baseUrl}/api/trpc/surveys.byToken?input=${encodeURIComponent(JSON.stringify({ json: { token: `${"x".repeat(40)}${String(i).padStart(3, "0")}` } }))}`,
          { headers: { "x-forwarded-for": `203.0.113.${i + 1}` } },
        );
      for (let i = 0; i < 60; i += 1) expect((await guess(i)).status).toBe(404);
      expect((await guess(60)).status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  test("demo mode listens on this machine only", async () => {
    const server = await launch("demo", { ONWARD_SKIP_SEED: "1" });
    try {
      const port = Number(new URL(server.baseUrl).port);
      expect(await reachable("127.0.0.1", port)).toBe(true);
      // another address of this machine (still loopback, so nothing leaves it) is not served
      expect(await reachable("127.0.0.2", port)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  test("demo mode refuses to start with a public URL or an email provider, in one clear line", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        ["--import", "tsx", "--import", SERVER_ONLY_HOOK, "scripts/launch.ts", "demo"],
        { APP_URL: "https://onward.example.com" },
        /APP_URL is https:\/\/onward\.example\.com/,
      ],
      [
        ["--import", "tsx", "--import", SERVER_ONLY_HOOK, "scripts/launch.ts", "start"],
        { ONWARD_DEMO: "1", RESEND_API_KEY: "re_live_key" },
        /RESEND_API_KEY is set/,
      ],
      // `next start` on its own (no launcher): the server's start-up hook refuses as well
      [
        [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(await freePort())],
        {
          ONWARD_DEMO: "1",
          APP_URL: "https://onward.example.com",
          DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
        },
        /Refusing to start: demo mode/,
      ],
    ];
    for (const [args, env, message] of cases) await expectRefusedStart(args, env, message);
  });
});

test.describe("TRUSTED_PROXY_HOPS", () => {
  test("a bad value stops the start in one clear line, through the launcher and the server's start-up hook", async () => {
    const cases: [string[], Record<string, string>][] = [
      [["--import", "tsx", "--import", SERVER_ONLY_HOOK, "scripts/launch.ts", "start"], { TRUSTED_PROXY_HOPS: "-1" }],
      [
        [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(await freePort())],
        { TRUSTED_PROXY_HOPS: "one", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
      ],
    ];
    for (const [args, env] of cases)
      await expectRefusedStart(args, env, /TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be/);
  });
});

test.describe("the dev mail viewer", () => {
  test("answers only to this machine: a proxied visitor or a public host name get 404", async ({ request }) => {
    expect((await request.get("/dev/mail?to=po@acme.test")).status()).toBe(200);
    expect(
      (await request.get("/dev/mail?to=po@acme.test", { headers: { "x-forwarded-for": "203.0.113.7" } })).status(),
    ).toBe(404);
    expect(
      (
        await request.get("/dev/mail?to=po@acme.test", { headers: { forwarded: "for=198.51.100.4;proto=https" } })
      ).status(),
    ).toBe(404);
    expect((await request.get("/dev/mail?to=po@acme.test", { headers: { host: "onward.example.com" } })).status()).toBe(
      404,
    );
  });

  test("never shows an invitation: the admin gets the link on screen instead", async ({ page }) => {
    await signInWithPassword(page, "admin@northwind.test");
    await expect(page).toHaveURL(/\/settings$/);
    await page.getByRole("button", { name: "Invite user" }).click();
    const dialog = page.getByRole("dialog");
    const email = `kim.${Date.now()}@northwind.test`;
    await dialog.getByLabel("Full name").fill("Kim Invitee");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const href = await dialog.getByTestId("demo-invite-link").getAttribute("href");
    expect(href).toMatch(/\/invite\/[\w-]+$/);
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.getByText(`Nothing has been sent to ${email} yet.`)).toBeVisible();
    await page.goto("/dev/mail");
    await expect(page.getByText("You have been invited to Onward")).toHaveCount(0);
  });
});
