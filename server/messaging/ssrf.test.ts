import { describe, expect, it } from "vitest";
import { assertSafeOutgoingUrl, isPrivateAddress, parseOutgoingUrl } from "./ssrf";

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local, CGNAT, metadata, multicast and mapped forms", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });
  it("allows public addresses", () => {
    for (const a of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
  it("refuses IPv6 forms that carry an IPv4 address: compatible, translated, NAT64, 6to4, Teredo, any spelling", () => {
    for (const a of [
      "::127.0.0.1", // IPv4-compatible ::/96, whatever it carries
      "::7f00:1",
      "::8.8.8.8",
      "::ffff:0:7f00:1", // IPv4-translated ::ffff:0:0:0/96
      "0:0:0:0:0:ffff:127.0.0.1", // mapped, not in its short form
      "0:0:0:0:0:FFFF:7F00:0001",
      "64:ff9b::127.0.0.1", // NAT64 64:ff9b::/96 carrying a private address
      "64:ff9b::a9fe:a9fe",
      "64:ff9b:0:0:0:0:a00:1",
      "64:ff9b:1::a00:1", // local-use NAT64 64:ff9b:1::/48
      "64:ff9b:1::808:808",
      "2002:7f00:1::", // 6to4 2002::/16
      "2002:808:808::1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo 2001::/32
      "2001::1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });
  it("still allows public IPv6, mapped and NAT64 forms of public IPv4", () => {
    for (const a of ["2001:4860:4860::8888", "64:ff9b::808:808", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
  it("treats anything that is not an IP as unsafe", () => {
    expect(isPrivateAddress("example.com")).toBe(true);
  });
});

describe("parseOutgoingUrl / assertSafeOutgoingUrl", () => {
  it("refuses malformed URLs, other schemes, credentials, http and private hosts", async () => {
    expect(() => parseOutgoingUrl("not a url", false)).toThrow(/full URL/);
    expect(() => parseOutgoingUrl("ftp://example.com/x", false)).toThrow(/http/);
    expect(() => parseOutgoingUrl("http://example.com/x", false)).toThrow(/https/);
    expect(() => parseOutgoingUrl("https://user:pw@example.com/x", false)).toThrow(/credentials/);
    expect(() => parseOutgoingUrl("https://localhost/x", false)).toThrow(/private/);
    expect(() => parseOutgoingUrl("https://127.0.0.1/x", false)).toThrow(/private/);
    expect(() => parseOutgoingUrl("https://[::1]/x", false)).toThrow(/private/);
    await expect(assertSafeOutgoingUrl("https://169.254.169.254/latest", false)).rejects.toThrow(/private/);
  });
  it("allows local addresses when private networks are allowed (tests, development)", async () => {
    expect((await assertSafeOutgoingUrl("http://127.0.0.1:8080/hook", true)).port).toBe("8080");
    expect(parseOutgoingUrl("https://8.8.8.8/hook", false).hostname).toBe("8.8.8.8");
  });
});
