import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as logoRoute } from "@/app/api/branding/logo/[tenantId]/route";
import type { BrandingSettingsInput } from "@/lib/schemas/branding";
import type { DeliveryConfig } from "@/server/messaging/config";
import { enqueueEmail } from "@/server/messaging/outbox";
import { deliverDueMessages } from "@/server/messaging/worker";
import { sendMagicLink } from "@/server/auth/magic-link";
import { brandingStatus, documentBrand, tenantBrand } from "@/server/services/branding";
import { callerFor, codeOf, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Portal branding and the email sender (docs/branding.md): the admin procedures (good input saved as a
 * new version with an audit entry; bad input for every field refused with its reason and nothing
 * written), the public logo route, and the sender rule as the real Resend SDK posts it.
 */
const db = () => testDb();
const png = readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/logo.png"));
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0e7490"/></svg>';

let a: TenantFixture;
let b: TenantFixture;
let stub: Stub;

beforeAll(async () => {
  [a, b] = [await createTenantFixture("brand-a"), await createTenantFixture("brand-b")];
  stub = await startStub();
});
afterAll(async () => stub.stop());
beforeEach(() => stub.reset());

const EMPTY: BrandingSettingsInput = {
  displayName: "",
  accentColor: "",
  supportEmail: "",
  fromName: "",
  fromEmail: "",
  replyTo: "",
};
const admin = (f: TenantFixture) => callerFor(f.users.ADMIN).branding;
const audits = (f: TenantFixture) =>
  db().auditEvent.findMany({ where: { tenantId: f.tenant.id, entityType: "TenantBranding" }, orderBy: { seq: "asc" } });
const row = (f: TenantFixture) => db().tenantBranding.findUnique({ where: { tenantId: f.tenant.id } });

async function logo(tenantId: string, v?: string) {
  const url = `http://localhost/api/branding/logo/${tenantId}${v ? `?v=${v}` : ""}`;
  return logoRoute(new Request(url), { params: Promise.resolve({ tenantId }) });
}

describe("branding settings", () => {
  it("starts at Onward's defaults: nothing set, version 0, EMAIL_FROM as the sender", async () => {
    const got = await admin(b).get();
    expect(got).toMatchObject({
      version: 0,
      settings: EMPTY,
      logo: null,
      sender: { address: "operator", replyTo: null },
    });
    expect(await brandingStatus(db(), b.tenant.id)).toEqual({ portalBranded: false, senderSet: false });
    expect(await tenantBrand(db(), b.tenant.id)).toEqual({
      name: b.tenant.name,
      branded: false,
      accent: null,
      logoPath: null,
    });
    expect(await documentBrand(db(), b.tenant.id)).toEqual({ name: b.tenant.name, accent: null, logoDataUri: null });
  });

  it("saves every field as a new version with an audit entry holding before and after", async () => {
    const saved = await admin(a).update({
      displayName: " Northwind Labs ",
      accentColor: "#0E7490",
      supportEmail: "Help@Northwind.test",
      fromName: "Northwind Delivery",
      fromEmail: "hello@northwind.test",
      replyTo: "pm@northwind.test",
    });
    expect(saved.version).toBe(1);
    expect(saved.settings).toEqual({
      displayName: "Northwind Labs",
      accentColor: "#0e7490",
      supportEmail: "help@northwind.test",
      fromName: "Northwind Delivery",
      fromEmail: "hello@northwind.test",
      replyTo: "pm@northwind.test",
    });
    const again = await admin(a).update({ ...saved.settings, displayName: "Northwind" });
    expect(again.version).toBe(2);
    const [first, second] = await audits(a);
    expect(first).toMatchObject({
      action: "branding.updated",
      actorId: a.users.ADMIN.id,
      before: { version: 0, displayName: null },
      after: { version: 1, displayName: "Northwind Labs", accentColor: "#0e7490" },
    });
    expect(second).toMatchObject({
      before: { version: 1, displayName: "Northwind Labs" },
      after: { version: 2, displayName: "Northwind" },
    });
    expect(await brandingStatus(db(), a.tenant.id)).toEqual({ portalBranded: true, senderSet: true });
    expect(await tenantBrand(db(), a.tenant.id)).toMatchObject({ name: "Northwind", accent: "#0e7490" });
  });

  it.each([
    ["displayName", { displayName: "x".repeat(81) }, "at most 80"],
    ["displayName", { displayName: "Evil <script>" }, "may not contain"],
    ["accentColor", { accentColor: "red" }, "hex code"],
    ["accentColor", { accentColor: "#ffeb3b" }, "Contrast with white is 1.2"],
    ["supportEmail", { supportEmail: "not-an-email" }, "valid email"],
    ["fromName", { fromName: "Line\r\nBcc: x@y.test" }, "line breaks"],
    ["fromEmail", { fromEmail: "hello@" }, "valid email"],
    ["replyTo", { replyTo: "a".repeat(250) + "@x.test" }, "too long"],
  ] as const)("refuses a bad %s (%j) with the reason and writes nothing", async (field, bad, reason) => {
    const before = await row(a);
    const auditCount = (await audits(a)).length;
    const shape = await shapeOf(admin(a).update({ ...EMPTY, ...bad }), "branding.update");
    expect(shape?.data.httpStatus).toBe(400);
    expect(shape?.data.fieldErrors?.[field]).toContain(reason);
    expect(await row(a)).toEqual(before);
    expect(await audits(a)).toHaveLength(auditCount);
  });

  it("names the measured ratio when the accent colour is too light", async () => {
    const shape = await shapeOf(admin(a).update({ ...EMPTY, accentColor: "#777777" }), "branding.update");
    expect(shape?.message).toContain("4.47:1");
    expect(shape?.message).toContain("4.5:1");
  });

  it("keeps tenants apart: another tenant's admin sees and changes only its own branding", async () => {
    expect((await admin(b).get()).settings.displayName).toBe("");
    await admin(b).update({ ...EMPTY, displayName: "Bluebird" });
    expect((await admin(a).get()).settings.displayName).toBe("Northwind");
    expect(await codeOf(callerFor(a.users.EXECUTIVE).branding.update({ ...EMPTY, displayName: "Nope" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(callerFor(a.users.CUSTOMER).branding.get())).toBe("FORBIDDEN");
  });
});

describe("logo upload and the logo route", () => {
  it("stores a PNG, audits its type, size and hash (not the bytes), and serves it with its exact type", async () => {
    const got = await admin(a).uploadLogo({ contentType: "image/png", dataBase64: b64(png) });
    expect(got.logo).toMatchObject({ contentType: "image/png" });
    const audit = (await audits(a)).at(-1);
    expect(audit).toMatchObject({
      action: "branding.logo_uploaded",
      before: { logo: null },
      after: { logo: { contentType: "image/png", bytes: png.length } },
    });
    expect(JSON.stringify(audit?.after)).not.toContain(b64(png).slice(0, 20));
    const v = new URL(got.logo?.url ?? "", "http://x").searchParams.get("v") ?? "";
    const res = await logo(a.tenant.id, v);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    expect((await logo(a.tenant.id, "stale")).headers.get("cache-control")).toBe("public, max-age=300");
    expect((await tenantBrand(db(), a.tenant.id))?.logoPath).toBe(got.logo?.url);
  });

  it("puts the provider's name and logo in customer emails and documents", async () => {
    const now = new Date();
    expect(
      await sendMagicLink(
        db(),
        a.users.CUSTOMER.email,
        `http://localhost:3000/api/auth/callback/nodemailer?token=${randomUUID()}`,
        new Date(now.getTime() + 3_600_000),
        now,
      ),
    ).toBe(true);
    const mail = await db().outboxMessage.findFirstOrThrow({
      where: { tenantId: a.tenant.id, recipient: a.users.CUSTOMER.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toBe("Your sign-in link for Northwind");
    expect(mail.bodyText).toContain("sign in to your Northwind project portal:");
    expect(mail.bodyHtml).toMatch(
      new RegExp(`<img src="http://localhost:3000/api/branding/logo/${a.tenant.id}\\?v=\\d+" alt="Northwind"`),
    );
    const doc = await documentBrand(db(), a.tenant.id);
    expect(doc).toMatchObject({
      name: "Northwind",
      accent: "#0e7490",
      logoDataUri: `data:image/png;base64,${b64(png)}`,
    });
  });

  it("serves an SVG under a CSP that lets it run and load nothing", async () => {
    await admin(b).uploadLogo({ contentType: "image/svg+xml", dataBase64: b64(SVG) });
    const res = await logo(b.tenant.id);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(await res.text()).toBe(SVG);
  });

  it.each([
    [
      "a script",
      "image/svg+xml",
      b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "scripts",
    ],
    [
      "an event handler",
      "image/svg+xml",
      b64('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      "event handlers (onload)",
    ],
    [
      "an external image",
      "image/svg+xml",
      b64('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/a.png"/></svg>'),
      "other files or sites",
    ],
    ["a fake PNG", "image/png", b64("GIF89a not a png at all, but long enough to read a header"), "not a PNG"],
    ["a file over 256 KB", "image/png", b64(Buffer.concat([png, Buffer.alloc(256 * 1024)])), "256 KB"],
    ["another type", "image/gif", b64(png), "PNG or SVG"],
    ["broken base64", "image/png", "@@@@", "could not be read"],
  ])("refuses %s with the reason and writes nothing", async (_what, contentType, dataBase64, reason) => {
    const before = await db().tenantBranding.findUnique({
      where: { tenantId: a.tenant.id },
      select: { logo: true, version: true },
    });
    const auditCount = (await audits(a)).length;
    const shape = await shapeOf(
      admin(a).uploadLogo({ contentType: contentType as "image/png", dataBase64 }),
      "branding.uploadLogo",
    );
    expect(shape?.data.httpStatus).toBe(400);
    expect(shape?.message).toContain(reason);
    expect(
      await db().tenantBranding.findUnique({ where: { tenantId: a.tenant.id }, select: { logo: true, version: true } }),
    ).toEqual(before);
    expect(await audits(a)).toHaveLength(auditCount);
  });

  it("removes a logo (audited), after which the route says not found; removing again changes nothing", async () => {
    await admin(b).removeLogo();
    expect((await audits(b)).at(-1)).toMatchObject({
      action: "branding.logo_removed",
      before: { logo: { contentType: "image/svg+xml" } },
      after: { logo: null },
    });
    expect((await logo(b.tenant.id)).status).toBe(404);
    const count = (await audits(b)).length;
    await admin(b).removeLogo();
    expect(await audits(b)).toHaveLength(count);
  });

  it("is 404 for an unknown tenant and a malformed id", async () => {
    expect((await logo("cl-unknown-tenant")).status).toBe(404);
    expect((await logo("../../etc/passwd")).status).toBe(404);
  });
});

describe("the sender, as the Resend SDK posts it", () => {
  const config = (): DeliveryConfig => ({
    email: {
      apiKey: "re_test_key",
      baseUrl: stub.url,
      from: "Onward <no-reply@onward.test>",
      verifiedDomains: ["northwind.test"],
    },
    allowPrivateNetworks: true,
    appUrl: "http://localhost:3000",
  });

  async function sendOne(f: TenantFixture) {
    const key = `branding-test/${randomUUID()}`;
    const now = new Date();
    await enqueueEmail(
      db(),
      {
        tenantId: f.tenant.id,
        to: "pat@example.com",
        subject: "Hello",
        text: "Body",
        idempotencyKey: key,
      },
      now,
    );
    await deliverDueMessages(db(), { now, config: config(), tenantId: f.tenant.id });
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).status).toBe("SENT");
    // alone it goes to /emails, with other due mail of the tenant in a batch: either way one email
    const sent = stub.emails().filter((m) => m.email.to === "pat@example.com");
    expect(sent).toHaveLength(1);
    stub.reset();
    return sent[0]?.email as Record<string, unknown>;
  }

  it("a tenant without branding sends as EMAIL_FROM, with no reply-to", async () => {
    const c = await createTenantFixture("brand-c");
    const posted = await sendOne(c);
    expect(posted.from).toBe("Onward <no-reply@onward.test>");
    expect(posted).not.toHaveProperty("reply_to");
  });

  it("a From address on a verified domain is used as it is, replies go to the reply-to", async () => {
    await admin(a).update({
      ...EMPTY,
      displayName: "Northwind",
      fromName: "Northwind Delivery",
      fromEmail: "hello@northwind.test",
      replyTo: "pm@northwind.test",
      supportEmail: "help@northwind.test",
    });
    const posted = await sendOne(a);
    expect(posted.from).toBe("Northwind Delivery <hello@northwind.test>");
    expect(posted.reply_to).toBe("pm@northwind.test");
  });

  it("an unverified domain falls back to the operator's address under the tenant's name; replies to the support email", async () => {
    await admin(a).update({
      ...EMPTY,
      displayName: "Northwind, Inc.",
      fromEmail: "hello@unverified.test",
      supportEmail: "help@northwind.test",
    });
    const posted = await sendOne(a);
    expect(posted.from).toBe('"Northwind, Inc." <no-reply@onward.test>');
    expect(posted.reply_to).toBe("help@northwind.test");
    expect((await admin(a).get()).sender).toMatchObject({
      address: "operator",
      note: expect.stringContaining("unverified.test is not a verified sending domain") as string,
    });
  });
});
