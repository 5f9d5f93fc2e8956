import { describe, expect, it } from "vitest";
import { trustedProxyHops } from "@/lib/env";
import { clientIpFrom, withPeerAddress } from "./client-ip";

/** docs/security.md#client-ip: the client's address from the right of X-Forwarded-For. */
const xff = (value: string | null) => new Headers(value === null ? {} : { "x-forwarded-for": value });
const ip = (value: string | null, hops: number) => clientIpFrom(xff(value), hops);

describe("clientIpFrom", () => {
  it("a client's own X-Forwarded-For is not its address: our server's appended entry is (hops 0)", () => {
    // the client sent `X-Forwarded-For: 1.2.3.4`; scripts/serve.ts appended the connection's address
    expect(ip("1.2.3.4, 127.0.0.1", 0)).toBe("127.0.0.1");
    expect(ip(withPeerAddress("1.2.3.4", "198.51.100.20"), 0)).toBe("198.51.100.20");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.5", "x-real-ip": "1.2.3.4" }), 0)).toBe(
      "10.0.0.5",
    );
  });

  it("one trusted proxy (nginx appends the visitor, our server appends nginx): the entry left of our server's", () => {
    expect(ip("1.2.3.4, 198.51.100.20, 127.0.0.1", 1)).toBe("198.51.100.20");
    expect(ip("198.51.100.20, 127.0.0.1", 1)).toBe("198.51.100.20");
  });

  it("two trusted proxies (a load balancer, then nginx): two entries left of the right-most", () => {
    expect(ip("1.2.3.4, 198.51.100.20, 10.0.0.2, 127.0.0.1", 2)).toBe("198.51.100.20");
    expect(ip("spoofed, 1.2.3.4, 198.51.100.20, 10.0.0.2, 127.0.0.1", 2)).toBe("198.51.100.20");
  });

  it("fewer entries than proxies (the proxies were bypassed): the left-most, which the client cannot have written", () => {
    expect(ip("127.0.0.1", 1)).toBe("127.0.0.1");
    expect(ip("10.0.0.2, 127.0.0.1", 3)).toBe("10.0.0.2");
  });

  it("IPv6: lower case, without brackets or port; IPv4-mapped IPv6 as IPv4", () => {
    expect(ip("1.2.3.4, 2001:DB8::1", 0)).toBe("2001:db8::1");
    expect(ip("[2001:db8::7]:4711", 0)).toBe("2001:db8::7");
    expect(ip("::1", 0)).toBe("::1");
    expect(ip("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(ip("198.51.100.20:8443", 0)).toBe("198.51.100.20");
  });

  it("garbage in the chosen entry → unknown, never a neighbouring entry the client wrote", () => {
    expect(ip("1.2.3.4, not-an-ip", 0)).toBe("unknown");
    expect(ip("1.2.3.4, unknown", 0)).toBe("unknown");
    expect(ip("1.2.3.4, ", 0)).toBe("unknown");
    expect(ip("1.2.3.4, 300.1.1.1", 0)).toBe("unknown");
    expect(ip("1.2.3.4, <script>", 0)).toBe("unknown");
    expect(ip(`1.2.3.4, ${"1".repeat(100)}`, 0)).toBe("unknown");
    // garbage to the left of the chosen entry does not matter
    expect(ip("<script>, ,x, 10.0.0.5", 0)).toBe("10.0.0.5");
  });

  it("no header or an empty one → unknown", () => {
    expect(ip(null, 0)).toBe("unknown");
    expect(ip("", 0)).toBe("unknown");
    expect(ip(" , ", 1)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS when no hops are given", () => {
    const before = process.env.TRUSTED_PROXY_HOPS;
    try {
      process.env.TRUSTED_PROXY_HOPS = "1";
      expect(clientIpFrom(xff("1.2.3.4, 198.51.100.20, 127.0.0.1"))).toBe("198.51.100.20");
      delete process.env.TRUSTED_PROXY_HOPS;
      expect(clientIpFrom(xff("1.2.3.4, 198.51.100.20, 127.0.0.1"))).toBe("127.0.0.1");
    } finally {
      if (before === undefined) delete process.env.TRUSTED_PROXY_HOPS;
      else process.env.TRUSTED_PROXY_HOPS = before;
    }
  });
});

describe("withPeerAddress (what scripts/serve.ts passes on)", () => {
  it("appends the connection's address to what the client sent, or is only that address", () => {
    expect(withPeerAddress(undefined, "127.0.0.1")).toBe("127.0.0.1");
    expect(withPeerAddress("", "127.0.0.1")).toBe("127.0.0.1");
    expect(withPeerAddress("203.0.113.9", "::ffff:127.0.0.1")).toBe("203.0.113.9, 127.0.0.1");
    expect(withPeerAddress(["203.0.113.9", "10.0.0.1"], "::1")).toBe("203.0.113.9, 10.0.0.1, ::1");
  });

  it("no address (the socket closed) → unknown, so the client's entries are never taken for it", () => {
    expect(withPeerAddress("203.0.113.9", undefined)).toBe("203.0.113.9, unknown");
    expect(ip(withPeerAddress("203.0.113.9", undefined), 0)).toBe("unknown");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0; a whole number from 0 to 10 is taken", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "10" })).toBe(10);
  });

  it("anything else stops the start with a message naming the variable", () => {
    for (const bad of ["-1", "1.5", "one", "11"])
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(
        /Invalid environment:\n {2}TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be/,
      );
  });
});
