import { isIP } from "node:net";
import { trustedProxyHops } from "@/lib/env";

/**
 * The client's IP address, the one way every part of the app reads it (docs/security.md#client-ip): the
 * key of the per-IP rate limits and the address stored with sign-offs, sessions and audit events.
 *
 * X-Forwarded-For is a list every hop APPENDS to, so only its right end is written by machines we
 * trust: our web server (scripts/serve.ts) appends the connection's address last, and each trusted
 * proxy in front (TRUSTED_PROXY_HOPS of them) appended the address it was reached from. The client
 * itself can write anything to the left, so the left-most entry proves nothing. With `hops` trusted
 * proxies the client is the entry `hops` places left of the right-most one. A list shorter than that
 * was never extended by the client (it can only add entries), so its left-most entry is the nearest
 * address we know and is taken. No header, or an entry that is not an IP address → "unknown" (one
 * shared rate-limit key; never the client's own words). X-Real-IP is not read: a client can send it too.
 */
export function clientIpFrom(headers: Headers, hops: number = trustedProxyHops()): string {
  const entries = headers.get("x-forwarded-for")?.split(",");
  if (!entries || entries.join("").trim() === "") return UNKNOWN_IP;
  const entry = entries[Math.max(0, entries.length - 1 - hops)] ?? "";
  return normalizedIp(entry) ?? UNKNOWN_IP;
}

export const UNKNOWN_IP = "unknown";

/**
 * X-Forwarded-For as our web server passes it on: what came in, with the connection's own address
 * appended (scripts/serve.ts). Without an address (a closed socket) it appends "unknown", so the
 * client's own entries are never taken for it.
 */
export function withPeerAddress(
  forwardedFor: string | string[] | undefined,
  remoteAddress: string | undefined,
): string {
  const peer = (remoteAddress !== undefined ? normalizedIp(remoteAddress) : null) ?? UNKNOWN_IP;
  const before = (Array.isArray(forwardedFor) ? forwardedFor.join(", ") : (forwardedFor ?? "")).trim();
  return before === "" ? peer : `${before}, ${peer}`;
}

/**
 * One entry as an address: without a port ("1.2.3.4:80", "[2001:db8::1]:443") or brackets, an
 * IPv4-mapped IPv6 address as IPv4 ("::ffff:127.0.0.1", what Node reports on a dual-stack socket),
 * IPv6 in lower case; null when it is not an IP address.
 */
function normalizedIp(entry: string): string | null {
  let v = entry.trim().replace(/^"(.*)"$/, "$1");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1] ?? "";
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (v.length > 64) return null;
  const kind = isIP(v);
  if (kind === 4) return v;
  if (kind !== 6) return null;
  const lower = v.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower)?.[1];
  return mapped && isIP(mapped) === 4 ? mapped : lower;
}
