/**
 * Next.js start-up hook: a server started directly with `next start` (not through scripts/launch.ts)
 * still refuses demo mode outside this machine (lib/demo.ts, docs/security.md#demo-mode).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
