import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAccentColor, contrastRatio, normalizeHex } from "./contrast";
import { MAX_LOGO_BYTES, checkLogo, checkPng, checkSvg } from "./logo";
import { formatMailbox, parseMailbox, parseVerifiedDomains, resolveSender, type SenderSettings } from "./sender";

const fixturePng = new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/logo.png")));
const svg = (s: string) => new TextEncoder().encode(s);

describe("accent colour contrast", () => {
  it("normalizes hex codes and refuses anything else", () => {
    expect(normalizeHex("#1D4ED8")).toBe("#1d4ed8");
    expect(normalizeHex("abc")).toBe("#aabbcc");
    expect(normalizeHex("#12345")).toBeNull();
    expect(normalizeHex("red")).toBeNull();
    expect(normalizeHex("#1d4ed8; background:url(x)")).toBeNull();
  });

  it("measures WCAG ratios: black on white 21, white on white 1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white (4.54:1)
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("accepts a dark accent and refuses a light one with the measured ratio", () => {
    expect(checkAccentColor("#1d4ed8")).toMatchObject({ ok: true, hex: "#1d4ed8" });
    expect(checkAccentColor("#767676")).toMatchObject({ ok: true });
    const refused = checkAccentColor("#777777");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.ratio).toBe(4.47);
      expect(refused.reason).toContain("4.47:1");
      expect(refused.reason).toContain("4.5:1");
    }
    const yellow = checkAccentColor("#ffeb3b");
    expect(yellow).toMatchObject({ ok: false });
    expect(checkAccentColor("not a colour")).toMatchObject({ ok: false, ratio: null });
  });
});

describe("PNG logos", () => {
  it("accepts a real PNG and reads its size", () => {
    expect(checkPng(fixturePng)).toEqual({ ok: true, contentType: "image/png", width: 96, height: 32 });
  });

  it("refuses wrong magic bytes, a cut file, insane dimensions", () => {
    expect(checkPng(svg("<svg/>"))).toMatchObject({ ok: false, reason: "This file is not a PNG image." });
    expect(checkPng(fixturePng.subarray(0, fixturePng.length - 4))).toMatchObject({ ok: false });
    const huge = new Uint8Array(fixturePng);
    new DataView(huge.buffer).setUint32(16, 100_000);
    expect(checkPng(huge)).toMatchObject({ ok: false, reason: expect.stringContaining("100000 × 32") as string });
    const tiny = new Uint8Array(fixturePng);
    new DataView(tiny.buffer).setUint32(20, 1);
    expect(checkPng(tiny)).toMatchObject({ ok: false });
  });

  it("refuses files over 256 KB and a declared type the bytes contradict", () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(fixturePng);
    expect(checkLogo(big, "image/png")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("at most 256 KB") as string,
    });
    expect(checkLogo(fixturePng, "image/svg+xml")).toMatchObject({
      ok: false,
      reason: "This file is a PNG image, not an SVG.",
    });
    expect(checkLogo(svg('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/png")).toMatchObject({ ok: false });
    expect(checkLogo(new Uint8Array(), "image/png")).toMatchObject({ ok: false, reason: "The file is empty." });
  });
});

describe("SVG logos", () => {
  const ok =
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/><style>rect{fill:#123}</style></svg>';

  it("accepts a self-contained SVG with local references", () => {
    expect(checkSvg(svg(ok))).toEqual({ ok: true, contentType: "image/svg+xml", width: null, height: null });
  });

  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "scripts"],
    ['<svg xmlns="http://www.w3.org/2000/svg"><svg:script href="#x"/></svg>', "scripts"],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "event handlers (onload)"],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK = "x"/></svg>', "event handlers (onclick)"],
    ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>', "foreignObject"],
    ['<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>', "javascript:"],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="jav&#x61;script&colon;alert(1)"><rect/></a></svg>',
      "javascript:",
    ],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="java\tscript:alert(1)"/></svg>',
      "javascript:",
    ],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
      'href="https://evil.example/x.png"',
    ],
    ['<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="other.svg#a"/></svg>', 'href="other.svg#a"'],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/a)"/></svg>',
      "url(https://evil.example/a)",
    ],
    ['<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/a.css";</style></svg>', "@import"],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,AAAA"/></svg>',
      "other files or sites",
    ],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', "DOCTYPE"],
    ['<?xml-stylesheet href="https://evil.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', "style sheet"],
    ['<svg xmlns="http://www.w3.org/2000/svg"><iframe src="#"/></svg>', "embed other documents"],
    ["<html><body>not an svg</body></html>", "no <svg> element"],
  ])("refuses %s with the reason", (source, reason) => {
    const result = checkSvg(svg(source));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(checkSvg(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toMatchObject({
      ok: false,
      reason: "This SVG is not valid UTF-8 text.",
    });
  });
});

describe("the sender rule", () => {
  const operator = "Onward <no-reply@onward.local>";
  const none: SenderSettings = {
    displayName: null,
    fromName: null,
    fromEmail: null,
    replyTo: null,
    supportEmail: null,
  };

  it("parses and formats mailboxes", () => {
    expect(parseMailbox(operator)).toEqual({ name: "Onward", address: "no-reply@onward.local" });
    expect(parseMailbox("a@b.test")).toEqual({ name: null, address: "a@b.test" });
    expect(parseMailbox('"Acme, Inc." <a@b.test>')).toEqual({ name: "Acme, Inc.", address: "a@b.test" });
    expect(formatMailbox("Northwind Labs", "a@b.test")).toBe("Northwind Labs <a@b.test>");
    expect(formatMailbox('Acme, "the" Inc.', "a@b.test")).toBe('"Acme, \\"the\\" Inc." <a@b.test>');
    expect(formatMailbox("Evil\r\nBcc: x@y.test", "a@b.test")).toBe('"Evil Bcc: x@y.test" <a@b.test>');
    expect(parseVerifiedDomains(" northwind.test, @Mail.Example.org ,,")).toEqual([
      "northwind.test",
      "mail.example.org",
    ]);
  });

  it("without branding: EMAIL_FROM as it is, no reply-to", () => {
    expect(resolveSender(operator, ["northwind.test"], null)).toEqual({
      from: operator,
      replyTo: null,
      address: "operator",
      note: null,
    });
    expect(resolveSender(operator, [], none)).toMatchObject({ from: operator, replyTo: null });
  });

  it("a verified domain: the tenant's own name and address", () => {
    const s = resolveSender(operator, ["northwind.test"], {
      ...none,
      displayName: "Northwind",
      fromName: "Northwind Delivery",
      fromEmail: "hello@Northwind.test",
      replyTo: "pm@northwind.test",
      supportEmail: "help@northwind.test",
    });
    expect(s).toEqual({
      from: "Northwind Delivery <hello@Northwind.test>",
      replyTo: "pm@northwind.test",
      address: "tenant",
      note: null,
    });
  });

  it("an unverified domain (or a subdomain of a verified one): the operator's address with the tenant's name", () => {
    const s = resolveSender(operator, ["northwind.test"], {
      ...none,
      displayName: "Northwind",
      fromEmail: "hello@mail.northwind.test",
      supportEmail: "help@northwind.test",
    });
    expect(s).toMatchObject({
      from: "Northwind <no-reply@onward.local>",
      replyTo: "help@northwind.test",
      address: "operator",
    });
    expect(s.note).toContain("mail.northwind.test is not a verified sending domain");
  });

  it("only a display name: the operator's address under that name", () => {
    expect(resolveSender(operator, [], { ...none, displayName: "Northwind" })).toMatchObject({
      from: "Northwind <no-reply@onward.local>",
      replyTo: null,
    });
  });
});
