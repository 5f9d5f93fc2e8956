import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import superjson from "superjson";
import { serveCommand } from "../serve-command";

/**
 * The production server the crash run kills: scripts/serve.ts in its own process group (so SIGKILL
 * takes the whole server with it, and nothing else), plus the tRPC-over-HTTP calls the run makes.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

export type Server = { child: ChildProcess; base: string; exited: Promise<number | null> };

/** The server's output goes to .cache/crash-server.log (both starts, appended), not to the report. */
export function startServer(port: number, env: Record<string, string>): Server {
  mkdirSync(path.join(root, ".cache"), { recursive: true });
  const log = openSync(path.join(root, ".cache", "crash-server.log"), "a");
  const { command, args } = serveCommand(port);
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

/** SIGKILL to the server's process group: no shutdown hook runs, in-flight requests are cut. */
export async function killHard(server: Server) {
  if (server.child.pid) process.kill(-server.child.pid, "SIGKILL");
  await server.exited;
}

export async function stopServer(server: Server) {
  if (server.child.exitCode === null && server.child.pid) process.kill(-server.child.pid, "SIGTERM");
  await server.exited;
}

export async function waitHealthy(base: string, timeoutMs = 60_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

export type TrpcAnswer<T> = { status: number; data: T | null; error: string | null };

/** One tRPC call as the browser client makes it (superjson, JSON body, same-origin). */
export async function trpc<T>(
  base: string,
  cookie: string,
  kind: "query" | "mutation",
  procedure: string,
  input: unknown,
): Promise<TrpcAnswer<T>> {
  const encoded = superjson.serialize(input);
  const url =
    kind === "query"
      ? `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(encoded))}`
      : `${base}/api/trpc/${procedure}`;
  const res = await fetch(url, {
    method: kind === "query" ? "GET" : "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: kind === "mutation" ? JSON.stringify(encoded) : undefined,
  });
  const body = (await res.json().catch(() => null)) as {
    result?: { data: { json: unknown; meta?: unknown } };
    error?: { json: { message: string } };
  } | null;
  if (body?.result)
    return { status: res.status, data: superjson.deserialize<T>(body.result.data as never), error: null };
  return { status: res.status, data: null, error: body?.error?.json.message ?? `HTTP ${res.status}` };
}

export async function cron(base: string, secret: string, job: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/cron/${job}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}
