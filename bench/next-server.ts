import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { serveCommand } from "../scripts/serve-command";

/**
 * The production server under test (bench/README.md): the existing `next build` output served by
 * scripts/serve.ts (as scripts/e2e-server.ts does), and a signed-in session obtained through the real
 * Auth.js credentials flow — GET /api/auth/csrf, then POST /api/auth/callback/credentials.
 */
const root = path.resolve(import.meta.dirname, "..");

export type NextServer = { baseUrl: string; pid: number; close: () => Promise<void> };

/**
 * `next build` when there is no production build yet (a fresh clone) or when asked (`--build`: the
 * code changed since the last one); otherwise the existing `.next` is measured as it is.
 */
export function ensureBuild(force: boolean) {
  if (!force && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log(force ? "building (--build): next build" : "no production build in .next: next build");
  execFileSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

/**
 * `env` adds to or overrides the server's environment (P7: a cron secret, an email provider, the read
 * replica's variables); `onStdout` receives the server's stdout — its JSON log lines — otherwise discarded.
 */
export async function startNext(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
  onStdout?: (text: string) => void,
): Promise<NextServer> {
  const baseUrl = `http://localhost:${port}`;
  const { command, args } = serveCommand(port);
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    stdio: ["ignore", onStdout ? "pipe" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-01",
      APP_URL: baseUrl,
      ONWARD_DEMO: "1",
      RESEND_API_KEY: "",
      // the load runs one session far past the per-session tRPC limit on purpose: it measures the query
      TRPC_CALLS_PER_MINUTE: "1000000000",
      ...env,
    },
  });
  if (onStdout) child.stdout?.setEncoding("utf8").on("data", (text: string) => onStdout(text));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the production server exited with ${child.exitCode} (did you run \`npx next build\`?)`);
    try {
      if ((await fetch(`${baseUrl}/api/auth/csrf`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the production server did not answer within 90 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    close: async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

const cookiePairs = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => !c.endsWith("="));

/** Signs a staff user in and returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/dashboard` }).toString(),
  });
  const cookies = [...jar, ...cookiePairs(res)];
  if (!cookies.some((c) => c.startsWith("authjs.session-token=")))
    throw new Error(`sign-in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location")})`);
  return cookies.join("; ");
}

/** A tRPC 11 query over GET with the superjson transformer's envelope. */
export const trpcQueryUrl = (baseUrl: string, procedure: string, input: unknown) =>
  `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
