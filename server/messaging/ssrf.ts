import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * SSRF guard for every URL Onward calls on a customer's behalf (webhook endpoints, Slack and Teams
 * incoming webhooks): http(s) only, no credentials in the URL, and — unless ALLOW_PRIVATE_WEBHOOKS=1
 * (tests, e2e, local development) — https and public addresses only. The check runs when the URL is
 * configured (a clear error) and again in the socket's DNS lookup at send time, so a host that later
 * resolves to a private address (DNS rebinding) is refused too.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
  // forms that carry an IPv4 address a relay or the host's own stack may reach, refused whatever they
  // carry: IPv4-compatible (::/96, deprecated), IPv4-translated (::ffff:0:0:0/96), local-use NAT64
  // (64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32)
  ["::", 96],
  ["::ffff:0:0:0", 96],
  ["64:ff9b:1::", 48],
  ["2002::", 16],
  ["2001::", 32],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv6");

/** Prefixes whose last 32 bits are an IPv4 address checked as such: mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96). */
const CARRIES_IPV4 = new BlockList();
CARRIES_IPV4.addSubnet("::ffff:0:0", 96, "ipv6");
CARRIES_IPV4.addSubnet("64:ff9b::", 96, "ipv6");

/** The IPv4 address a mapped or NAT64 IPv6 address carries, in any spelling; else null. */
function embeddedIpv4(address: string): string | null {
  if (!CARRIES_IPV4.check(address, "ipv6")) return null;
  // the URL parser writes an IPv6 address in its one short form, the last 32 bits as two hex groups
  const short = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const hex = /:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(short) ?? /::([0-9a-f]{1,4})$/.exec(short);
  const hi = hex && hex.length === 3 ? Number.parseInt(hex[1] ?? "0", 16) : 0;
  const lo = hex ? Number.parseInt(hex.at(-1) ?? "0", 16) : 0;
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family === 6) {
    if (address.includes("%")) return true; // a zone id names an interface of this machine
    const v4 = embeddedIpv4(address);
    if (v4) return BLOCKED.check(v4, "ipv4");
    return BLOCKED.check(address, "ipv6");
  }
  return true;
}

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

/** Parses and checks the URL's shape (no DNS): scheme, credentials, https unless private is allowed. */
export function parseOutgoingUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("Enter a full URL, e.g. https://example.com/webhooks/onward");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UnsafeUrlError("Only http(s) URLs can receive messages");
  if (!allowPrivate && url.protocol !== "https:") throw new UnsafeUrlError("The URL must use https://");
  if (url.username || url.password) throw new UnsafeUrlError("Put credentials in the secret, not in the URL");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    !allowPrivate &&
    (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))
  ) {
    throw new UnsafeUrlError("The URL points at a private or local address");
  }
  if (!allowPrivate && isIP(host) && isPrivateAddress(host))
    throw new UnsafeUrlError("The URL points at a private or local address");
  return url;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
}

/** Configuration-time check: the URL's shape, and every address its host resolves to. */
export async function assertSafeOutgoingUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseOutgoingUrl(raw, allowPrivate);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowPrivate || isIP(host)) return url;
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new UnsafeUrlError(`The host ${host} could not be resolved`);
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))
    throw new UnsafeUrlError("The URL points at a private or local address");
  return url;
}

/** A socket `lookup` that refuses private addresses at connection time (unless allowed). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses;
      const bad = !allowPrivate && (list.length === 0 || list.some((a) => isPrivateAddress(a.address)));
      if (bad)
        return callback(
          Object.assign(new UnsafeUrlError(`Refused: ${hostname} resolves to a private or local address`), {
            code: "EPRIVATE",
          }),
          "",
          4,
        );
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new UnsafeUrlError(`No address for ${hostname}`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
