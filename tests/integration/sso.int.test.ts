import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SsoSettingsInput } from "@/lib/schemas/sso";
import { AppError } from "@/server/errors";
import { LIMITS } from "@/server/auth/rate-limit";
import {
  completeSsoSignIn,
  passwordSignInOff,
  redeemTicket,
  startSsoSignIn,
  updateSsoSettings,
  type SsoEnv,
} from "@/server/services/sso";
import { callerFor, createTenantFixture, shown, testDb, type TenantFixture } from "../helpers/fixtures";
import { loginAtProvider, startOidcProvider, type TestProvider } from "../helpers/oidc-provider";

/**
 * Single sign-on (docs/security.md#single-sign-on) against a real OpenID Provider started here (oidc-provider):
 * the admin settings (saved and audited, the secret write-only, bad input refused with its reason), then the
 * sign-in itself — just-in-time and invite-only successes, and the refusals: a wrong state, an ID token for
 * another client, an expired ID token, a person of a domain not mapped to the workspace.
 */
// the provider listens on 127.0.0.1: allowed for tests, as for webhooks (server/messaging/config.ts)
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";

const APP_URL = "http://localhost:3000";
const db = () => testDb();
let provider: TestProvider;
let notOidc: Server;
let a: TenantFixture;
let b: TenantFixture;
const CLIENT = {
  client_id: "onward-sso-test",
  client_secret: "s3cret-s3cret-s3cret",
  redirect_uris: [`${APP_URL}/api/sso/callback`],
};

// one network per run: sign-in starts are limited per client IP, and a test database is reused between runs
const RUN_IP = `198.18.${randomInt(256)}.${randomInt(256)}`;
const env = (over: Partial<SsoEnv> = {}): SsoEnv => ({
  db: db(),
  now: new Date(),
  ip: RUN_IP,
  requestId: "sso-test",
  appUrl: APP_URL,
  allowPrivateNetworks: true,
  ...over,
});

const settings = (over: Partial<SsoSettingsInput> = {}): SsoSettingsInput => ({
  issuer: provider.issuer,
  clientId: CLIENT.client_id,
  clientSecret: CLIENT.client_secret,
  domains: `${a.tag}.sso.test`,
  provisioning: "jit",
  defaultRole: "TECH_LEAD",
  passwordSignInOff: false,
  ...over,
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return { code: "ok", message: "", fieldErrors: {} as Record<string, string> };
  } catch (error) {
    if (error instanceof TRPCError) {
      const shape = shown(error, "sso.update");
      return { code: error.code, message: shape.message, fieldErrors: shape.data.fieldErrors ?? {} };
    }
    if (error instanceof AppError)
      return { code: error.code, message: error.message, fieldErrors: error.fieldErrors ?? {} };
    throw error;
  }
}

/** Starts at Onward, logs in at the provider as `login`, and hands the answer back to Onward. */
async function signInAs(email: string, login = email, cookieState?: string) {
  const started = await startSsoSignIn(env(), email);
  const back = await loginAtProvider(started.url, login);
  expect(back.pathname).toBe("/api/sso/callback");
  return completeSsoSignIn(env(), { search: back.search, cookieState: cookieState ?? started.state });
}

beforeAll(async () => {
  provider = await startOidcProvider([CLIENT]);
  notOidc = createServer((_req, res) => res.writeHead(404).end("nothing here"));
  await new Promise<void>((resolve) => notOidc.listen(0, "127.0.0.1", resolve));
  a = await createTenantFixture("sso-a");
  b = await createTenantFixture("sso-b");
  expect(await refusal(callerFor(a.users.ADMIN).sso.update(settings()))).toMatchObject({ code: "ok" });
});

afterAll(async () => {
  await provider?.close();
  await new Promise((resolve) => notOidc?.close(resolve));
});

describe("single sign-on settings", () => {
  it("saves the settings with an audit entry; the client secret is never returned or audited", async () => {
    const got = await callerFor(a.users.ADMIN).sso.get();
    expect(got).toMatchObject({
      configured: true,
      issuer: provider.issuer,
      clientId: CLIENT.client_id,
      clientSecretSet: true,
      domains: [`${a.tag}.sso.test`],
      redirectUri: `${APP_URL}/api/sso/callback`,
    });
    expect(JSON.stringify(got)).not.toContain(CLIENT.client_secret);
    const audit = await db().auditEvent.findMany({ where: { tenantId: a.tenant.id, action: "sso.updated" } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(CLIENT.client_secret);
  });

  it("keeps the saved secret when the field is left empty", async () => {
    expect(await refusal(callerFor(a.users.ADMIN).sso.update(settings({ clientSecret: "" })))).toMatchObject({
      code: "ok",
    });
    const row = await db().tenantSso.findUnique({ where: { tenantId: a.tenant.id } });
    expect(row?.clientSecret).toBe(CLIENT.client_secret);
  });

  it.each([
    ["an issuer that is not a URL", { issuer: "login.example.com" }, "issuer", /full URL/],
    ["an issuer with a query", { issuer: "https://login.example.com/?x=1" }, "issuer", /without query/],
    ["an issuer that is not an OpenID Provider", { issuer: "NOT_OIDC" }, "issuer", /OpenID configuration/],
    ["an empty client id", { clientId: " " }, "clientId", /client ID/],
    ["a malformed domain", { domains: "not a domain!" }, "domains", /domains like example\.com/],
    ["no domain", { domains: " , " }, "domains", /at least one/],
    ["an admin as the default role", { defaultRole: "ADMIN" as never }, "defaultRole", /role/],
    ["an unknown provisioning", { provisioning: "everyone" as never }, "provisioning", /how people are added/],
  ] as [string, Partial<SsoSettingsInput>, string, RegExp][])(
    "refuses %s with its reason and writes nothing",
    async (_label, over, field, message) => {
      const issuer =
        over.issuer === "NOT_OIDC" ? `http://127.0.0.1:${(notOidc.address() as AddressInfo).port}` : over.issuer;
      const before = await db().tenantSso.findUnique({ where: { tenantId: a.tenant.id } });
      const out = await refusal(
        callerFor(a.users.ADMIN).sso.update(settings({ ...over, ...(issuer ? { issuer } : {}) })),
      );
      expect(out.code).toBe("BAD_REQUEST");
      expect(out.fieldErrors[field]).toMatch(message);
      expect(await db().tenantSso.findUnique({ where: { tenantId: a.tenant.id } })).toEqual(before);
    },
  );

  it("refuses a first save without a client secret", async () => {
    const out = await refusal(
      callerFor(b.users.ADMIN).sso.update(settings({ clientSecret: "", domains: `${b.tag}.sso.test` })),
    );
    expect(out).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { clientSecret: "Enter the client secret" } });
  });

  it("refuses a domain another workspace has, without naming that workspace", async () => {
    const out = await refusal(
      callerFor(b.users.ADMIN).sso.update(settings({ domains: `${b.tag}.sso.test, ${a.tag}.sso.test` })),
    );
    expect(out.code).toBe("CONFLICT");
    expect(out.fieldErrors.domains).toMatch(/already used for single sign-on by another workspace/);
    expect(JSON.stringify(out)).not.toContain(a.tenant.name);
    expect(JSON.stringify(out)).not.toContain(a.tenant.slug);
    expect(await db().ssoDomain.findMany({ where: { tenantId: b.tenant.id } })).toEqual([]);
  });

  it("sends the issuer through the SSRF guard: a private address is refused unless allowed", async () => {
    const ctx = {
      db: db(),
      tenantId: b.tenant.id,
      actorId: b.users.ADMIN.id,
      ip: "203.0.113.9",
      requestId: "t",
      now: new Date(),
    };
    const input = {
      ...settings({ domains: `${b.tag}.sso.test` }),
      domains: [`${b.tag}.sso.test`],
      defaultRole: "CSM" as const,
      provisioning: "jit" as const,
      passwordSignInOff: false,
    };
    const out = await refusal(updateSsoSettings(ctx, input, { allowPrivateNetworks: false }));
    expect(out.code).toBe("BAD_REQUEST");
    expect(out.fieldErrors.issuer).toMatch(/private or local|https/);
    for (const target of ["http://169.254.169.254/", "https://10.0.0.1/", "https://localhost/"]) {
      const blocked = await refusal(
        updateSsoSettings(ctx, { ...input, issuer: target }, { allowPrivateNetworks: false }),
      );
      expect(blocked.fieldErrors.issuer, target).toMatch(/private or local|https/);
    }
  });

  it("is for admins only", async () => {
    expect((await refusal(callerFor(a.users.CSM).sso.get())).code).toBe("FORBIDDEN");
    expect((await refusal(callerFor(a.users.EXECUTIVE).sso.update(settings()))).code).toBe("FORBIDDEN");
  });
});

describe("single sign-on", () => {
  it("signs in a new person just in time with the default role, once per ticket, and audits it", async () => {
    const email = `newcomer@${a.tag}.sso.test`;
    const result = await signInAs(email);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const userId = await redeemTicket(db(), result.ticket, new Date());
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(userId).toBe(user.id);
    expect(user).toMatchObject({ tenantId: a.tenant.id, role: "TECH_LEAD", passwordHash: null });
    expect(await redeemTicket(db(), result.ticket, new Date())).toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { tenantId: a.tenant.id, entityId: user.id } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["user.provisioned_by_sso", "auth.sso.signed_in"]));
  });

  it("invite-only lets in a person already added and refuses anyone else", async () => {
    await callerFor(a.users.ADMIN).sso.update(settings({ provisioning: "invite", clientSecret: "" }));
    const invited = await db().user.create({
      data: { tenantId: a.tenant.id, email: `invited@${a.tag}.sso.test`, name: "Invited", role: "CSM" },
    });
    const ok = await signInAs(invited.email);
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok) expect(await redeemTicket(db(), ok.ticket, new Date())).toBe(invited.id);

    expect(await signInAs(`stranger@${a.tag}.sso.test`)).toEqual({ ok: false, reason: "not_invited" });
    expect(await db().user.findUnique({ where: { email: `stranger@${a.tag}.sso.test` } })).toBeNull();
    await callerFor(a.users.ADMIN).sso.update(settings({ clientSecret: "" }));
  });

  it("refuses an answer whose state is not the one this browser started, and a replayed answer", async () => {
    const email = `state@${a.tag}.sso.test`;
    expect(await signInAs(email, email, "some-other-state")).toEqual({ ok: false, reason: "state" });

    const started = await startSsoSignIn(env(), email);
    const back = await loginAtProvider(started.url, email);
    const forged = new URLSearchParams(back.search);
    forged.set("state", "forged-state");
    expect(await completeSsoSignIn(env(), { search: `?${forged}`, cookieState: "forged-state" })).toEqual({
      ok: false,
      reason: "state",
    });
    expect(await completeSsoSignIn(env(), { search: back.search, cookieState: started.state })).toMatchObject({
      ok: true,
    });
    expect(await completeSsoSignIn(env(), { search: back.search, cookieState: started.state })).toEqual({
      ok: false,
      reason: "state",
    });
  });

  it("refuses an ID token issued for another client (audience)", async () => {
    provider.setTamper("audience");
    try {
      expect(await signInAs(`aud@${a.tag}.sso.test`)).toEqual({ ok: false, reason: "audience" });
    } finally {
      provider.setTamper(null);
    }
    expect(await db().user.findUnique({ where: { email: `aud@${a.tag}.sso.test` } })).toBeNull();
  });

  it("refuses an expired ID token", async () => {
    provider.setTamper("expired");
    try {
      expect(await signInAs(`late@${a.tag}.sso.test`)).toEqual({ ok: false, reason: "expired" });
    } finally {
      provider.setTamper(null);
    }
    const refused = await db().auditEvent.findMany({ where: { tenantId: a.tenant.id, action: "auth.sso.refused" } });
    expect(refused.map((e) => (e.after as { reason?: string }).reason)).toEqual(
      expect.arrayContaining(["audience", "expired"]),
    );
  });

  it("refuses a person whose email domain is not mapped to the workspace", async () => {
    expect(await signInAs(`someone@${a.tag}.sso.test`, "someone@elsewhere.test")).toEqual({
      ok: false,
      reason: "domain",
    });
    expect(await db().user.findUnique({ where: { email: "someone@elsewhere.test" } })).toBeNull();
  });

  it("refuses an address of another workspace and a customer", async () => {
    const other = await db().user.create({
      data: { tenantId: b.tenant.id, email: `moved@${a.tag}.sso.test`, name: "Other", role: "CSM" },
    });
    expect(await signInAs(other.email)).toEqual({ ok: false, reason: "account" });
  });

  it("says clearly when an email domain has no single sign-on, and reaches only allowed networks", async () => {
    const out = await refusal(startSsoSignIn(env(), `x@no-sso-${a.tag}.test`));
    expect(out.code).toBe("BAD_REQUEST");
    expect(out.message).toMatch(/not set up for this email domain/);
    const guarded = await refusal(startSsoSignIn(env({ allowPrivateNetworks: false }), `x@${a.tag}.sso.test`));
    expect(guarded.code).toBe("BAD_REQUEST");
    expect(guarded.message).toMatch(/could not be reached/);
  });

  it("turns password sign-in off for the mapped domains only when asked", async () => {
    expect(await passwordSignInOff(db(), `x@${a.tag}.sso.test`)).toBe(false);
    await callerFor(a.users.ADMIN).sso.update(settings({ clientSecret: "", passwordSignInOff: true }));
    expect(await passwordSignInOff(db(), `X@${a.tag}.SSO.test`.toLowerCase())).toBe(true);
    expect(await passwordSignInOff(db(), "x@unmapped.test")).toBe(false);
    await callerFor(a.users.ADMIN).sso.update(settings({ clientSecret: "" }));
  });
});

describe("single sign-on start limits and clean-up", () => {
  it("refuses an address's starts over its limit with the wait, other addresses still start", async () => {
    const ip = `sso-limit-address-${a.tag}`;
    const email = `busy@${a.tag}.sso.test`;
    for (let i = 0; i < LIMITS.ssoEmail.points; i++)
      expect((await refusal(startSsoSignIn(env({ ip }), email))).code).toBe("ok");
    const refused = await refusal(startSsoSignIn(env({ ip }), email));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(
      /^Too many single sign-on attempts for this address\. Try again in \d+ minutes?\.$/,
    );
    expect((await refusal(startSsoSignIn(env({ ip }), `calm@${a.tag}.sso.test`))).code).toBe("ok");
  });

  it("refuses a network's starts over its limit, whatever the address or domain", async () => {
    const ip = `sso-limit-network-${a.tag}`;
    for (let i = 0; i < LIMITS.ssoIp.points; i++) {
      // an unmapped domain is refused without reaching any provider, and still counts
      expect((await refusal(startSsoSignIn(env({ ip }), `p${i}@no-sso-${a.tag}.test`))).code).toBe("BAD_REQUEST");
    }
    const attempts = await db().ssoLogin.count({ where: { tenantId: a.tenant.id } });
    const refused = await refusal(startSsoSignIn(env({ ip }), `fresh@${a.tag}.sso.test`));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(
      /^Too many single sign-on attempts from your network\. Try again in \d+ minutes?\.$/,
    );
    // a refused start writes no attempt
    expect(await db().ssoLogin.count({ where: { tenantId: a.tenant.id } })).toBe(attempts);
  });

  it("a start clears attempts that expired more than a day ago, and keeps the rest", async () => {
    const now = new Date();
    const row = (stateHash: string, expiresAt: Date) => ({
      stateHash,
      tenantId: a.tenant.id,
      nonce: "n",
      codeVerifier: "v",
      createdAt: new Date(expiresAt.getTime() - 10 * 60_000),
      expiresAt,
    });
    await db().ssoLogin.createMany({
      data: [
        row(`old-${a.tag}`, new Date(now.getTime() - 25 * 3_600_000)),
        row(`recent-${a.tag}`, new Date(now.getTime() - 3_600_000)),
        row(`open-${a.tag}`, new Date(now.getTime() + 5 * 60_000)),
      ],
    });
    await startSsoSignIn(env({ now }), `purge@${a.tag}.sso.test`);
    const left = await db().ssoLogin.findMany({
      where: { stateHash: { endsWith: `-${a.tag}` } },
      select: { stateHash: true },
    });
    expect(left.map((r) => r.stateHash).sort()).toEqual([`open-${a.tag}`, `recent-${a.tag}`]);
  });
});
