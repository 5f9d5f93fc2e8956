/**
 * Demo mode and the local-only conveniences that come with it (docs/security.md#demo-mode).
 *
 * Demo mode is on only when asked for: `ONWARD_DEMO=1`, which `npm run demo` sets. It shows the demo
 * credentials on the login page and opens the dev mail viewer. Because the mail viewer reads every
 * customer's sign-in links, demo mode must never face the internet: the server refuses to start in
 * demo mode unless its public URL is a loopback URL and no email provider is configured, and the
 * launcher binds it to 127.0.0.1.
 */

/** `ONWARD_DEMO=1`, nothing else: a production start, an embedded database or `npm run dev` alone never turn it on. */
export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
  return env.ONWARD_DEMO === "1";
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1 (with or without brackets, any case). */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice(7) : h;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return !!m && Number(m[1]) === 127 && m.slice(2).every((p) => Number(p) <= 255);
}

function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Why this environment may not run in demo mode, or null when it may (or demo mode is off). One line,
 * printed by the launcher and by the server's start-up hook before they exit with status 1.
 */
export function demoModeRefusal(env: Record<string, string | undefined>): string | null {
  if (!isDemoMode(env)) return null;
  const appUrl = env.APP_URL?.trim();
  if (appUrl && !isLoopbackUrl(appUrl)) {
    return `Refusing to start: demo mode (ONWARD_DEMO=1) only runs on this machine, but APP_URL is ${appUrl}. Use a loopback URL such as http://localhost:3000, or unset ONWARD_DEMO for a real installation.`;
  }
  if (env.RESEND_API_KEY?.trim()) {
    return "Refusing to start: demo mode (ONWARD_DEMO=1) keeps email in the outbox for the dev mail viewer, but RESEND_API_KEY is set. Unset one of them.";
  }
  return null;
}

/** The dev mail viewer exists in demo mode and under `next dev`; never in a production build without demo mode. */
export function isDevMailEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return isDemoMode(env) || env.NODE_ENV === "development";
}

/**
 * Whether a request came from this machine, judged by what a client cannot hide: the Host it asked for
 * must be a loopback name, and every forwarding header a proxy in front would add (X-Forwarded-For,
 * X-Real-IP, Forwarded) must name only loopback addresses. A reverse proxy passing a remote visitor on
 * adds that visitor's address, so proxied traffic is refused; a server reached directly from another
 * machine is not listening there in demo mode (the launcher binds 127.0.0.1), and the production server
 * appends the connection's own address to X-Forwarded-For (docs/security.md#client-ip), so it is
 * checked too. docs/security.md#demo-mode
 */
export function isLoopbackRequest(headers: Headers): boolean {
  const host = headers.get("host");
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  if (!isLoopbackHostname(hostname)) return false;
  const forwarded = [
    ...(headers.get("x-forwarded-for")?.split(",") ?? []),
    ...(headers.get("x-real-ip") !== null ? [headers.get("x-real-ip") ?? ""] : []),
    ...(headers
      .get("forwarded")
      ?.split(/[,;]/)
      .filter((p) => /^\s*for=/i.test(p))
      .map((p) => withoutPort(p.replace(/^\s*for=/i, "").replace(/"/g, ""))) ?? []),
  ].map((v) => v.trim());
  return forwarded.every((v) => v !== "" && isLoopbackHostname(v));
}

/** "[::1]:4711" → "[::1]", "127.0.0.1:80" → "127.0.0.1"; anything else as it is (RFC 7239 node names). */
function withoutPort(node: string): string {
  const v = node.trim();
  if (v.startsWith("[")) return v.slice(0, v.indexOf("]") + 1 || undefined);
  return /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v) ? v.slice(0, v.lastIndexOf(":")) : v;
}
