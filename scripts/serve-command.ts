import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * The command that starts the production web server (scripts/serve.ts, which appends each
 * connection's address to X-Forwarded-For: docs/security.md#client-ip) on an existing `next build`:
 * the one way the launcher, the e2e and crash-safety runs and the bench start it. Run with cwd = the
 * checkout (tsx and the server-only hook resolve from there).
 */
export function serveCommand(port: number | string, hostname?: string): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only-hook.mjs",
      path.join(root, "scripts", "serve.ts"),
      "--port",
      String(port),
      ...(hostname ? ["--hostname", hostname] : []),
    ],
  };
}
