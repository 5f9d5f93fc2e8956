import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { verifyPassword } from "@/server/auth/password";
import { TENANT_CONFIG_DEFAULTS } from "@/domain/tenant-defaults";
import { AppError } from "@/server/errors";
import { verifyTenantAuditChain } from "@/server/services/audit";
import { loadConfig } from "@/server/services/config";
import { completeSignup, createSignupCode, signupForToken } from "@/server/services/signup";
import { callerIp, createTenantFixture, shown, testDb, type TenantFixture } from "../helpers/fixtures";

const HOUR = 3_600_000;
const PASSWORD = "harbor-founder-2026";

/** A caller with no session from an address of its own (or the one given), at a chosen moment. */
function visitor(opts: { now?: Date; ip?: string } = {}) {
  return createCaller(
    createInnerContext({
      user: null,
      db: testDb(),
      ip: opts.ip ?? callerIp(),
      now: opts.now ? () => opts.now as Date : undefined,
    }),
  );
}

const publicCtx = (now = new Date(), ip = callerIp()) => ({ db: testDb(), ip, requestId: randomUUID(), now });

/** A fresh slug and an address on a domain of its own (per-domain limits persist for the whole run). */
function applicant(label = "co") {
  const tag = randomUUID().slice(0, 8);
  return {
    companyName: `Harbor ${label} ${tag}`,
    slug: `${label}-${tag}`,
    founderName: "Hana Harbor",
    email: `hana@${label}-${tag}.example.com`,
  };
}

async function thrown(promise: Promise<unknown>): Promise<TRPCError | AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof TRPCError || error instanceof AppError) return error;
  throw new Error(`expected a refusal, got ${String(error)}`);
}
/** The field errors the client receives (the error formatter's, for tRPC calls). */
const fieldErrorsOf = (e: TRPCError | AppError): Record<string, string> =>
  e instanceof AppError
    ? (e.fieldErrors ?? {})
    : ((shown(e, "signup.submit").data as { fieldErrors?: Record<string, string> }).fieldErrors ?? {});
const codeOf = (e: TRPCError | AppError) => e.code;

/** The token in the newest verification email sent to the address. */
async function verificationToken(email: string): Promise<string> {
  const message = await testDb().outboxMessage.findFirst({
    where: { recipient: email, idempotencyKey: { startsWith: "signup-verify/" } },
    orderBy: { createdAt: "desc" },
  });
  const token = message?.bodyText.match(/\/signup\/verify\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no verification link sent to ${email}`);
  return token;
}

async function written(a: { slug: string; email: string }) {
  const db = testDb();
  return {
    signups: await db.workspaceSignup.count({ where: { OR: [{ slug: a.slug }, { email: a.email }] } }),
    tenants: await db.tenant.count({ where: { slug: a.slug } }),
    users: await db.user.count({ where: { email: a.email } }),
    mail: await db.outboxMessage.count({ where: { recipient: a.email } }),
  };
}
const NOTHING = { signups: 0, tenants: 0, users: 0, mail: 0 };

let existing: TenantFixture;
const savedMode = process.env.SIGNUP;

beforeAll(async () => {
  existing = await createTenantFixture("signup-existing");
});
beforeEach(() => {
  process.env.SIGNUP = "open";
});
afterAll(() => {
  if (savedMode === undefined) delete process.env.SIGNUP;
  else process.env.SIGNUP = savedMode;
});

describe("signup.checkSlug", () => {
  it("answers available, taken, reserved or invalid", async () => {
    const v = visitor();
    expect(await v.signup.checkSlug({ slug: `free-${randomUUID().slice(0, 8)}` })).toEqual({
      availability: "available",
    });
    expect(await v.signup.checkSlug({ slug: existing.tenant.slug })).toEqual({ availability: "taken" });
    for (const slug of ["admin", "api", "www", "signup", "_next", "onward", "dev"]) {
      expect(await v.signup.checkSlug({ slug }), slug).toEqual({
        availability: slug === "_next" ? "invalid" : "reserved",
      });
    }
    for (const slug of ["ab", "-acme", "acme-", "Acme", "ac me", "a".repeat(41), "acmé", ""]) {
      expect(await v.signup.checkSlug({ slug }), JSON.stringify(slug)).toEqual({ availability: "invalid" });
    }
  });

  it("leaks nothing about other workspaces: an existing tenant and a pending sign-up read exactly alike", async () => {
    const pending = applicant("pend");
    await visitor().signup.submit(pending);
    const v = visitor();
    const forTenant = await v.signup.checkSlug({ slug: existing.tenant.slug });
    const forPending = await v.signup.checkSlug({ slug: pending.slug });
    expect(forTenant).toStrictEqual({ availability: "taken" });
    expect(forPending).toStrictEqual(forTenant);
    expect(Object.keys(forTenant)).toEqual(["availability"]);
    // the tenant's name, id, users, size: none of it is in the answer
    expect(JSON.stringify(forTenant)).not.toContain(existing.tenant.name);
    expect(JSON.stringify(forTenant)).not.toContain(existing.tenant.id);
  });

  it("frees a slug whose sign-up expired (24 hours), judged by the injected clock", async () => {
    const t0 = new Date();
    const a = applicant("exp");
    await visitor({ now: t0 }).signup.submit(a);
    expect(await visitor({ now: new Date(t0.getTime() + 24 * HOUR - 1) }).signup.checkSlug({ slug: a.slug })).toEqual({
      availability: "taken",
    });
    expect(await visitor({ now: new Date(t0.getTime() + 24 * HOUR) }).signup.checkSlug({ slug: a.slug })).toEqual({
      availability: "available",
    });
  });
});

describe("signup.submit and completing the sign-up", () => {
  it("writes only a pending sign-up and a verification email; the link creates the workspace, its defaults and its admin", async () => {
    const a = applicant("full");
    const now = new Date();
    expect(await visitor({ now }).signup.submit(a)).toEqual({ status: "check-inbox" });
    const db = testDb();
    const row = await db.workspaceSignup.findUniqueOrThrow({ where: { email: a.email } });
    expect(row).toMatchObject({ companyName: a.companyName, slug: a.slug, founderName: a.founderName });
    expect(row.expiresAt.getTime()).toBe(now.getTime() + 24 * HOUR);
    expect(row.tokenDigest).toMatch(/^[0-9a-f]{64}$/);
    // nothing of the workspace exists before verification
    expect(await db.tenant.count({ where: { slug: a.slug } })).toBe(0);
    expect(await db.user.count({ where: { email: a.email } })).toBe(0);
    const requested = await db.auditEvent.findFirstOrThrow({
      where: { action: "workspace_signup.requested", entityId: row.id },
    });
    expect(requested.tenantId).toBeNull();

    const token = await verificationToken(a.email);
    expect(row.tokenDigest).not.toContain(token);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { recipient: a.email } });
    expect(mail.bodyText).toContain(a.companyName);
    expect(mail.bodyText).not.toMatch(/workspace_signup|slug|tenant/i);
    expect(await signupForToken(db, token, now)).toMatchObject({
      companyName: a.companyName,
      slug: a.slug,
      email: a.email,
    });

    const done = await completeSignup(publicCtx(new Date(now.getTime() + HOUR)), token, PASSWORD, "open");
    expect(done).toEqual({ email: a.email, slug: a.slug });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: a.slug } });
    expect(tenant.name).toBe(a.companyName);
    const users = await db.user.findMany({ where: { tenantId: tenant.id } });
    expect(users).toHaveLength(1);
    const admin = users[0];
    expect(admin).toMatchObject({ email: a.email, name: a.founderName, role: "ADMIN" });
    expect(admin?.emailVerified).toEqual(new Date(now.getTime() + HOUR));
    expect(await verifyPassword(admin?.passwordHash, PASSWORD)).toBe(true);
    // TenantConfig version 1 of every kind, equal to the engines' defaults
    const configs = await db.tenantConfig.findMany({ where: { tenantId: tenant.id } });
    expect(configs.map((c) => c.kind).sort()).toEqual([...CONFIG_KIND_VALUES].sort());
    for (const c of configs) {
      expect(c.version).toBe(1);
      expect(c.data).toEqual(
        JSON.parse(JSON.stringify(TENANT_CONFIG_DEFAULTS[c.kind as keyof typeof TENANT_CONFIG_DEFAULTS])),
      );
      expect(
        (
          await loadConfig(
            { db, tenantId: tenant.id, actorId: "", ip: "", requestId: "", now },
            c.kind as (typeof CONFIG_KIND_VALUES)[number],
          )
        ).version,
      ).toBe(1);
    }
    // no demo data
    const where = { tenantId: tenant.id };
    const demo = [
      await db.lead.count({ where }),
      await db.project.count({ where }),
      await db.customerAccount.count({ where }),
      await db.alert.count({ where }),
      await db.survey.count({ where }),
    ];
    expect(demo).toEqual([0, 0, 0, 0, 0]);
    // audited in the new workspace's own chain, which verifies
    const audit = await db.auditEvent.findMany({ where: { tenantId: tenant.id } });
    expect(audit.map((e) => e.action)).toEqual(["workspace.created"]);
    expect(audit[0]).toMatchObject({
      actorId: admin?.id,
      after: expect.objectContaining({ slug: a.slug, via: "signup" }) as object,
    });
    expect((await verifyTenantAuditChain({ db, tenantId: tenant.id, now })).firstBad).toBeNull();
    // the link is spent
    expect(await db.workspaceSignup.count({ where: { email: a.email } })).toBe(0);
    expect(await signupForToken(db, token, now)).toBeNull();
    const again = await thrown(completeSignup(publicCtx(), token, PASSWORD, "open"));
    expect(codeOf(again)).toBe("BAD_REQUEST");
    expect(again.message).toMatch(/invalid or has expired/);
    expect(await db.tenant.count({ where: { slug: a.slug } })).toBe(1);
  });

  it("creates exactly one workspace when the link is opened twice at once", async () => {
    const a = applicant("race");
    await visitor().signup.submit(a);
    const token = await verificationToken(a.email);
    const results = await Promise.allSettled([
      completeSignup(publicCtx(), token, PASSWORD, "open"),
      completeSignup(publicCtx(), token, PASSWORD, "open"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(await testDb().tenant.count({ where: { slug: a.slug } })).toBe(1);
    expect(await testDb().user.count({ where: { email: a.email } })).toBe(1);
  });

  it.each([
    ["companyName", { companyName: "" }],
    ["companyName", { companyName: "x".repeat(121) }],
    ["slug", { slug: "Not A Slug" }],
    ["slug", { slug: "ab" }],
    ["slug", { slug: "-harbor" }],
    ["slug", { slug: "admin" }],
    ["slug", { slug: "support" }],
    ["founderName", { founderName: "   " }],
    ["founderName", { founderName: "y".repeat(121) }],
    ["email", { email: "not-an-email" }],
    ["email", { email: "someone@mailinator.com" }],
    ["email", { email: `${"z".repeat(250)}@x.io` }],
  ])("refuses a bad %s with a field error and writes nothing (%j)", async (field, patch) => {
    const a = { ...applicant("bad"), ...patch };
    const error = await thrown(visitor().signup.submit(a));
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(error))).toContain(field);
    expect(await written(a)).toEqual(NOTHING);
  });

  it("refuses a slug that another pending sign-up holds, naming the field", async () => {
    const first = applicant("hold");
    await visitor().signup.submit(first);
    const second = { ...applicant("hold2"), slug: first.slug };
    const error = await thrown(visitor().signup.submit(second));
    expect(codeOf(error)).toBe("CONFLICT");
    expect(fieldErrorsOf(error)).toEqual({ slug: "This address is already taken" });
    expect(await testDb().workspaceSignup.count({ where: { email: second.email } })).toBe(0);
    // an existing workspace's slug likewise
    const third = { ...applicant("hold3"), slug: existing.tenant.slug };
    expect(codeOf(await thrown(visitor().signup.submit(third)))).toBe("CONFLICT");
  });

  it("a second submit for the same email while pending updates that row and sends a new link; the old link stops working", async () => {
    const a = applicant("dup");
    await visitor().signup.submit(a);
    const first = await verificationToken(a.email);
    const changed = { ...a, companyName: `${a.companyName} Studio`, slug: `${a.slug}-studio` };
    await new Promise((r) => setTimeout(r, 5));
    expect(await visitor().signup.submit(changed)).toEqual({ status: "check-inbox" });
    const rows = await testDb().workspaceSignup.findMany({ where: { email: a.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ slug: changed.slug, companyName: changed.companyName });
    // the first slug is free again
    expect(await visitor().signup.checkSlug({ slug: a.slug })).toEqual({ availability: "available" });
    const second = await verificationToken(a.email);
    expect(second).not.toBe(first);
    expect(await testDb().outboxMessage.count({ where: { recipient: a.email } })).toBe(2);
    expect(codeOf(await thrown(completeSignup(publicCtx(), first, PASSWORD, "open")))).toBe("BAD_REQUEST");
    await completeSignup(publicCtx(), second, PASSWORD, "open");
    expect(await testDb().tenant.count({ where: { slug: changed.slug } })).toBe(1);
    expect(
      await testDb().auditEvent.count({ where: { action: "workspace_signup.resent", entityId: rows[0]?.id } }),
    ).toBe(1);
  });

  it("answers an email that already has an Onward user exactly like anyone else, and mails them to sign in instead", async () => {
    const taken = { ...applicant("known"), email: existing.users.CSM.email };
    const fresh = applicant("unknown");
    const answerTaken = await visitor().signup.submit(taken);
    const answerFresh = await visitor().signup.submit(fresh);
    expect(answerTaken).toStrictEqual(answerFresh);
    const db = testDb();
    expect(await db.workspaceSignup.count({ where: { email: taken.email } })).toBe(0);
    expect(await db.workspaceSignup.count({ where: { slug: taken.slug } })).toBe(0);
    expect(await db.tenant.count({ where: { slug: taken.slug } })).toBe(0);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { recipient: taken.email, subject: "You already have an Onward account" },
    });
    expect(mail.bodyText).toContain("/login");
    expect(mail.bodyText).not.toContain("/signup/verify/");
  });

  it("expires after 24 hours: the link stops working, and the next sign-up for that slug or email replaces the expired row", async () => {
    const t0 = new Date();
    const a = applicant("late");
    await visitor({ now: t0 }).signup.submit(a);
    const token = await verificationToken(a.email);
    const later = new Date(t0.getTime() + 24 * HOUR + 1);
    expect(await signupForToken(testDb(), token, later)).toBeNull();
    const late = await thrown(completeSignup(publicCtx(later), token, PASSWORD, "open"));
    expect(codeOf(late)).toBe("BAD_REQUEST");
    expect(await testDb().tenant.count({ where: { slug: a.slug } })).toBe(0);
    // someone else takes the freed slug
    const other = { ...applicant("late2"), slug: a.slug };
    await visitor({ now: later }).signup.submit(other);
    const bySlug = await testDb().workspaceSignup.findMany({ where: { slug: a.slug } });
    expect(bySlug.map((r) => r.email)).toEqual([other.email]);
    // and the first founder can start over with their email
    await visitor({ now: later }).signup.submit({ ...a, slug: `${a.slug}-again` });
    expect((await testDb().workspaceSignup.findUniqueOrThrow({ where: { email: a.email } })).slug).toBe(
      `${a.slug}-again`,
    );
  });

  it("refuses a password that is easy to guess on the server (founder's name included) and creates nothing", async () => {
    const a = { ...applicant("weak"), founderName: "Zorbulon Quaxter" };
    await visitor().signup.submit(a);
    const token = await verificationToken(a.email);
    for (const weak of ["aaaaaaaaaa", "quaxterzorbulon"]) {
      const refused = await thrown(completeSignup(publicCtx(), token, weak, "open"));
      expect(codeOf(refused)).toBe("BAD_REQUEST");
      expect((refused as AppError).fieldErrors?.password).toMatch(/^This password is too easy to guess\. \S/);
    }
    expect(await testDb().tenant.count({ where: { slug: a.slug } })).toBe(0);
    await completeSignup(publicCtx(), token, PASSWORD, "open");
    expect(await testDb().tenant.count({ where: { slug: a.slug } })).toBe(1);
  });

  it("refuses a password outside the policy on the verification step (schema shared with invitations)", async () => {
    const { ZAcceptInviteSchema } = await import("@/lib/schemas/password");
    expect(ZAcceptInviteSchema.safeParse({ token: "t".repeat(43), password: "short", confirm: "short" }).success).toBe(
      false,
    );
    expect(
      ZAcceptInviteSchema.safeParse({ token: "t".repeat(43), password: PASSWORD, confirm: `${PASSWORD}x` }).success,
    ).toBe(false);
  });
});

describe("rate limits", () => {
  it("refuses the 6th sign-up from one network within the hour with 429, writing nothing", async () => {
    const ip = `signup-ip-${randomUUID()}`;
    for (let i = 0; i < 5; i++) await visitor({ ip }).signup.submit(applicant(`ip${i}`));
    const sixth = applicant("ip6");
    const error = await thrown(visitor({ ip }).signup.submit(sixth));
    expect(codeOf(error)).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Too many sign-ups from your network\. Try again in \d+ minutes?\./);
    expect(await written(sixth)).toEqual(NOTHING);
    // another network is not affected
    expect(await visitor().signup.submit(applicant("ip7"))).toEqual({ status: "check-inbox" });
  });

  it("refuses the 11th sign-up for one email domain within a day, from any network", async () => {
    const domain = `flood-${randomUUID().slice(0, 8)}.example.com`;
    const at = (i: number) => ({ ...applicant(`dom${i}`), email: `person${i}@${domain}` });
    for (let i = 0; i < 10; i++) await visitor().signup.submit(at(i));
    const eleventh = at(10);
    const error = await thrown(visitor().signup.submit(eleventh));
    expect(codeOf(error)).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Too many sign-ups for this email domain/);
    expect(await written(eleventh)).toEqual(NOTHING);
  });
});

describe("SIGNUP=invite", () => {
  beforeEach(() => {
    process.env.SIGNUP = "invite";
  });

  it("needs a valid, unused, unexpired code; the code is consumed when the workspace is created", async () => {
    const now = new Date();
    const a = applicant("inv");
    const missing = await thrown(visitor().signup.submit(a));
    expect(codeOf(missing)).toBe("BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(missing))).toEqual(["code"]);
    for (const code of ["nonsense", "AAAA-AAAA-AAAA-AAAA"]) {
      const bad = await thrown(visitor().signup.submit({ ...a, code }));
      expect(codeOf(bad), code).toBe("BAD_REQUEST");
      expect(Object.keys(fieldErrorsOf(bad))).toEqual(["code"]);
    }
    expect(await written(a)).toEqual(NOTHING);

    const { code } = await createSignupCode(testDb(), { days: 7, note: "test", now });
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const stored = await testDb().signupCode.findMany({ where: { note: "test", usedAt: null } });
    expect(JSON.stringify(stored)).not.toContain(code);
    // case and dashes do not matter
    expect(await visitor().signup.submit({ ...a, code: code.toLowerCase().replace(/-/g, "") })).toEqual({
      status: "check-inbox",
    });
    // while that sign-up is pending, the code is held for it
    const other = applicant("inv2");
    expect(Object.keys(fieldErrorsOf(await thrown(visitor().signup.submit({ ...other, code }))))).toEqual(["code"]);

    await completeSignup(publicCtx(), await verificationToken(a.email), PASSWORD, "invite");
    const used = await testDb().signupCode.findFirstOrThrow({ where: { usedBySlug: a.slug } });
    expect(used.usedAt).not.toBeNull();
    // single use
    expect(Object.keys(fieldErrorsOf(await thrown(visitor().signup.submit({ ...other, code }))))).toEqual(["code"]);
    expect(await written(other)).toEqual(NOTHING);
  });

  it("refuses an expired code", async () => {
    const past = new Date(Date.now() - 8 * 24 * HOUR);
    const { code } = await createSignupCode(testDb(), { days: 7, note: null, now: past });
    const a = applicant("invexp");
    expect(Object.keys(fieldErrorsOf(await thrown(visitor().signup.submit({ ...a, code }))))).toEqual(["code"]);
    expect(await written(a)).toEqual(NOTHING);
  });
});

describe("SIGNUP=closed", () => {
  it("refuses every step with 403 and writes nothing", async () => {
    const a = applicant("closed");
    process.env.SIGNUP = "open";
    await visitor().signup.submit(a);
    const token = await verificationToken(a.email);
    process.env.SIGNUP = "closed";
    const b = applicant("closed2");
    for (const attempt of [visitor().signup.checkSlug({ slug: b.slug }), visitor().signup.submit(b)]) {
      const error = await thrown(attempt);
      expect(codeOf(error)).toBe("FORBIDDEN");
      expect(error.message).toMatch(/Sign-up is closed/);
    }
    expect(await written(b)).toEqual(NOTHING);
    expect(codeOf(await thrown(completeSignup(publicCtx(), token, PASSWORD, "closed")))).toBe("FORBIDDEN");
    expect(await testDb().tenant.count({ where: { slug: a.slug } })).toBe(0);
  });

  it("is the default on an operator's DATABASE_URL, open on the embedded database, and SIGNUP wins", async () => {
    const { signupMode } = await import("@/lib/env");
    const saved = { SIGNUP: process.env.SIGNUP, ONWARD_EMBEDDED_DB: process.env.ONWARD_EMBEDDED_DB };
    try {
      delete process.env.SIGNUP;
      delete process.env.ONWARD_EMBEDDED_DB;
      expect(signupMode()).toBe("closed");
      process.env.ONWARD_EMBEDDED_DB = "1";
      expect(signupMode()).toBe("open");
      process.env.SIGNUP = "invite";
      expect(signupMode()).toBe("invite");
      process.env.SIGNUP = "closed";
      expect(signupMode()).toBe("closed");
      process.env.SIGNUP = "wide-open";
      expect(signupMode()).toBe("closed");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
