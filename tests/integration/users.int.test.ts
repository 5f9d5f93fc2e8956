import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listEmailsTo, listTenantEmails } from "@/server/db/outbox";
import { verifyPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { acceptInvite } from "@/server/services/users";
import { callerFor, createTenantFixture, shown, testDb, type TenantFixture } from "../helpers/fixtures";

const DAY = 86_400_000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function counts(tenantId: string) {
  const db = testDb();
  return {
    users: await db.user.count({ where: { tenantId } }),
    audits: await db.auditEvent.count({ where: { tenantId } }),
    outbox: await db.outboxMessage.count({ where: { tenantId } }),
    tokens: await db.verificationToken.count(),
  };
}

async function inviteEmailToken(userId: string): Promise<string> {
  const message = await testDb().outboxMessage.findUnique({ where: { idempotencyKey: `invite/${userId}` } });
  const token = message?.bodyText.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error("no invite link in the email");
  return token;
}

let a: TenantFixture;
let b: TenantFixture;
const admin = (now?: Date) => callerFor(a.users.ADMIN, now ? () => now : undefined);

beforeAll(async () => {
  a = await createTenantFixture("users-a");
  b = await createTenantFixture("users-b");
});

describe("users.list", () => {
  let list: TenantFixture;
  let listIds: string[];
  beforeAll(async () => {
    list = await createTenantFixture("users-list");
    listIds = [...Object.values(list.users).map((u) => u.id), list.otherAccountCustomer.id].sort();
  });
  const lister = () => callerFor(list.users.ADMIN);

  it("pages through exactly the tenant's own users", async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await lister().users.list({ page, pageSize: 2 });
      expect(res.total).toBe(6);
      expect(res.rows).toHaveLength(2);
      seen.push(...res.rows.map((r) => r.id));
    }
    expect(seen.sort()).toEqual(listIds);
    expect((await lister().users.list({ page: 4, pageSize: 2 })).rows).toEqual([]);
  });

  it("search is case-insensitive over name and email and never crosses tenants", async () => {
    const res = await lister().users.list({ page: 1, pageSize: 100, search: "ADMIN-" });
    expect(res.rows.map((r) => r.id)).toEqual([list.users.ADMIN.id]);
    const byName = await lister().users.list({ page: 1, pageSize: 100, search: `csm ${list.tag}`.toUpperCase() });
    expect(byName.rows.map((r) => r.id)).toEqual([list.users.CSM.id]);
  });

  it("filters by role within the tenant", async () => {
    const res = await lister().users.list({ page: 1, pageSize: 100, role: "CUSTOMER" });
    expect(res.rows.map((r) => r.id).sort()).toEqual([list.users.CUSTOMER.id, list.otherAccountCustomer.id].sort());
    expect(res.rows.every((r) => r.customerAccount !== null)).toBe(true);
  });

  it("treats % and _ in the search as literal characters, not wildcards", async () => {
    expect((await lister().users.list({ page: 1, pageSize: 100, search: "%" })).total).toBe(0);
    const underscore = await lister().users.list({ page: 1, pageSize: 100, search: "_" });
    expect(underscore.rows.map((r) => r.id)).toEqual([list.users.TECH_LEAD.id]); // "TECH_LEAD <tag>"
  });
});

describe("users.invite", () => {
  it("invites staff: user, hashed one-time token, audit entry and an email with the link", async () => {
    const email = `ivy-${a.tag}@example.com`;
    const user = await admin().users.invite({
      email: `  ${email.toUpperCase()} `,
      name: "Ivy Invitee",
      role: "TECH_LEAD",
    });
    expect(user).toMatchObject({ email, name: "Ivy Invitee", role: "TECH_LEAD", disabledAt: null });

    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      tenantId: a.tenant.id,
      invitedById: a.users.ADMIN.id,
      passwordHash: null,
      customerAccountId: null,
    });

    const message = await testDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invite/${user.id}` } });
    expect(message).toMatchObject({ channel: "EMAIL", recipient: email, tenantId: a.tenant.id, status: "PENDING" });
    expect(message.bodyText).toContain("http://localhost:3000/invite/");
    const token = await inviteEmailToken(user.id);

    const stored = await testDb().verificationToken.findMany({ where: { identifier: `invite:${email}` } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token).toBe(sha256(token)); // only the digest is stored

    const audit = await testDb().auditEvent.findMany({ where: { tenantId: a.tenant.id, entityId: user.id } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["user.invited", a.users.ADMIN.id]]);
  });

  it("returns a staff invitation's link to the admin in demo mode only; the dev mail viewer never lists invitations", async () => {
    const email = `demo-${a.tag}@example.com`;
    vi.stubEnv("ONWARD_DEMO", "0");
    const plain = await admin().users.invite({ email: `plain-${a.tag}@example.com`, name: "Pat Plain", role: "CSM" });
    expect(plain.inviteUrl).toBeNull();
    vi.stubEnv("ONWARD_DEMO", "1");
    try {
      const user = await admin().users.invite({ email, name: "Dee Demo", role: "CSM" });
      expect(user.inviteUrl).toBe(`http://localhost:3000/invite/${await inviteEmailToken(user.id)}`);
      const customer = await admin().users.invite({
        email: `demo-cust-${a.tag}@customer.test`,
        name: "Cy",
        role: "CUSTOMER",
        customerAccountId: a.accountB.id,
        stakeholderRole: "MEMBER",
      });
      expect(customer.inviteUrl).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await listEmailsTo(testDb(), email, 20)).toEqual([]);
    const tenantMail = await listTenantEmails(testDb(), a.tenant.id, 500);
    expect(tenantMail.filter((m) => m.subject?.includes("invited"))).toEqual([]);
    // the invitation itself is queued as usual
    expect(
      await testDb().outboxMessage.count({ where: { recipient: email, idempotencyKey: { startsWith: "invite/" } } }),
    ).toBe(1);
  });

  it("invites a customer of the tenant's own account with a sign-in email and no password token", async () => {
    const email = `buyer-${a.tag}@customer.test`;
    const user = await admin().users.invite({
      email,
      name: "Bea Buyer",
      role: "CUSTOMER",
      customerAccountId: a.accountB.id,
      stakeholderRole: "EXECUTIVE_SPONSOR",
      isApprover: true,
    });
    expect(user).toMatchObject({
      role: "CUSTOMER",
      stakeholderRole: "EXECUTIVE_SPONSOR",
      isApprover: true,
      customerAccount: { id: a.accountB.id },
    });
    const message = await testDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invite/${user.id}` } });
    expect(message.bodyText).toContain(`/login?email=${encodeURIComponent(email)}`);
    expect(await testDb().verificationToken.count({ where: { identifier: `invite:${email}` } })).toBe(0);
  });

  it("refuses another tenant's customer account as NOT_FOUND and writes nothing", async () => {
    const before = await counts(a.tenant.id);
    const error = await trpcError(
      admin().users.invite({
        email: `x-${a.tag}@customer.test`,
        name: "X",
        role: "CUSTOMER",
        customerAccountId: b.accountA.id,
        stakeholderRole: "MEMBER",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await counts(a.tenant.id)).toEqual(before);
    expect(await testDb().user.count({ where: { email: `x-${a.tag}@customer.test` } })).toBe(0);
  });

  it.each([
    ["an existing user of this tenant", () => a.users.CSM.email],
    ["the same email in another case", () => a.users.EXECUTIVE.email.toUpperCase()],
  ])("refuses the email of %s as CONFLICT and writes nothing", async (_label, email) => {
    const before = await counts(a.tenant.id);
    const error = await trpcError(admin().users.invite({ email: email(), name: "Dup", role: "CSM" }));
    expect(error.code).toBe("CONFLICT");
    expect(shown(error, "users.invite").data.fieldErrors).toEqual({ email: "This email is already in use" });
    expect(await counts(a.tenant.id)).toEqual(before);
  });

  it("answers an email with an account in another workspace like any invitation, revealing nothing; that person is told", async () => {
    const before = await counts(a.tenant.id);
    const beforeB = await counts(b.tenant.id);
    const elsewhere = b.users.CSM.email;
    const answer = await admin().users.invite({ email: elsewhere.toUpperCase(), name: "Dup", role: "CSM" });
    const fresh = await admin().users.invite({ email: `fresh-${a.tag}@example.com`, name: "Dup", role: "CSM" });
    expect(Object.keys(answer).sort()).toEqual(Object.keys(fresh).sort());
    expect(answer).toMatchObject({ email: elsewhere, name: "Dup", role: "CSM", inviteUrl: null });
    expect(JSON.stringify(answer)).not.toContain(b.tenant.id);
    expect(JSON.stringify(answer)).not.toContain(b.users.CSM.id);
    // nothing in either workspace changes: the other account stays as it was
    expect((await counts(a.tenant.id)).users).toBe(before.users + 1);
    expect({ ...(await counts(b.tenant.id)), tokens: 0 }).toEqual({ ...beforeB, tokens: 0 });
    expect(await testDb().user.findUniqueOrThrow({ where: { email: elsewhere } })).toMatchObject({
      tenantId: b.tenant.id,
      role: "CSM",
    });
    // the person with the account is told someone tried to invite them, and no link is in it
    const [mail] = await listEmailsTo(testDb(), elsewhere, 1);
    expect(mail?.subject).toBe("Someone tried to invite you to Onward");
    expect(mail?.bodyText).toContain(a.tenant.name);
    expect(mail?.bodyText).not.toMatch(/\/invite\//);
    // recorded in the platform's audit chain, with the address hashed
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "user.invite_to_existing_account", tenantId: null },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(audit.after)).not.toContain(elsewhere);
    expect(audit.after).toMatchObject({ invitingTenantId: a.tenant.id, emailSha256: sha256(elsewhere) });
  });

  it.each([
    ["email", { email: "", name: "Ok", role: "CSM" }],
    ["email", { email: "not-an-email", name: "Ok", role: "CSM" }],
    ["name", { email: "fine@example.com", name: "n".repeat(10_000), role: "CSM" }],
    ["role", { email: "fine@example.com", name: "Ok", role: "GOD" }],
    ["name", { email: "fine@example.com", name: 42, role: "CSM" }],
    ["customerAccountId", { email: "fine@example.com", name: "Ok", role: "CUSTOMER", stakeholderRole: "MEMBER" }],
  ])("refuses bad input (%s) with BAD_REQUEST naming the field, and writes nothing", async (field, input) => {
    const before = await counts(a.tenant.id);
    const error = await trpcError(admin().users.invite(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(`"${field}"`);
    const shape = shown(error, "users.invite");
    expect(shape.message).toMatch(new RegExp(`^${field}: \\S`));
    expect(Object.keys(shape.data.fieldErrors ?? {})).toContain(field);
    expect(await counts(a.tenant.id)).toEqual(before);
  });
});

describe("users.setDisabled", () => {
  it("refuses to disable yourself", async () => {
    const error = await trpcError(admin().users.setDisabled({ userId: a.users.ADMIN.id, disabled: true }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: a.users.ADMIN.id } })).disabledAt).toBeNull();
  });

  it("disabling revokes all the user's sessions (only theirs), keeps the first disable time, and is audited", async () => {
    const target = a.users.TECH_LEAD;
    await testDb().userSession.create({
      data: { tenantId: a.tenant.id, userId: target.id, method: "password", expiresAt: new Date(Date.now() + DAY) },
    });
    const t1 = new Date("2031-01-01T10:00:00Z");
    const t2 = new Date("2031-01-02T10:00:00Z");
    const t3 = new Date("2031-01-03T10:00:00Z");
    const res = await admin(t1).users.setDisabled({ userId: target.id, disabled: true });
    expect(res.disabledAt).toEqual(t1);
    const sessions = await testDb().userSession.findMany({ where: { userId: target.id } });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.revokedAt?.getTime() === t1.getTime())).toBe(true);
    const adminSession = await testDb().userSession.findUniqueOrThrow({ where: { id: a.users.ADMIN.sessionId } });
    expect(adminSession.revokedAt).toBeNull();

    expect((await admin(t2).users.setDisabled({ userId: target.id, disabled: true })).disabledAt).toEqual(t1);
    expect((await admin(t3).users.setDisabled({ userId: target.id, disabled: false })).disabledAt).toBeNull();

    const audit = await testDb().auditEvent.findMany({ where: { entityId: target.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["user.disabled", "user.disabled", "user.enabled"]);
    expect(audit[0]).toMatchObject({
      actorId: a.users.ADMIN.id,
      tenantId: a.tenant.id,
      before: { disabledAt: null },
      after: { disabledAt: t1.toISOString() },
    });
    expect(audit[2]).toMatchObject({ before: { disabledAt: t1.toISOString() }, after: { disabledAt: null } });
  });

  it("an unknown id or another tenant's user is NOT_FOUND and nothing changes", async () => {
    expect((await trpcError(admin().users.setDisabled({ userId: "no-such-user", disabled: true }))).code).toBe(
      "NOT_FOUND",
    );
    const before = await counts(b.tenant.id);
    expect((await trpcError(admin().users.setDisabled({ userId: b.users.CSM.id, disabled: true }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await testDb().user.findUniqueOrThrow({ where: { id: b.users.CSM.id } })).disabledAt).toBeNull();
    expect(
      (await testDb().userSession.findUniqueOrThrow({ where: { id: b.users.CSM.sessionId } })).revokedAt,
    ).toBeNull();
    expect(await counts(b.tenant.id)).toEqual(before);
  });
});

describe("acceptInvite", () => {
  const password = "correct horse battery";

  async function invite(label: string, now?: Date) {
    const email = `${label}-${a.tag}@example.com`;
    const user = await admin(now).users.invite({ email, name: label, role: "CSM" });
    return { email, user, token: await inviteEmailToken(user.id) };
  }

  async function appError(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
    return error;
  }

  it("sets the password once; the token is gone and a second use is refused", async () => {
    const { email, user, token } = await invite("accept");
    expect(await acceptInvite(testDb(), token, password, new Date())).toEqual({ email });
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong horse battery")).toBe(false);
    expect(await testDb().verificationToken.count({ where: { identifier: `invite:${email}` } })).toBe(0);
    expect(await testDb().auditEvent.count({ where: { entityId: user.id, action: "user.password_set" } })).toBe(1);

    const again = await appError(acceptInvite(testDb(), token, "another password!", new Date()));
    expect(again.code).toBe("BAD_REQUEST");
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(row.passwordHash);
  });

  it("works until just before 7 days and is refused from 7 days on", async () => {
    const invitedAt = new Date(Date.now() - 30 * DAY);
    const early = await invite("early", invitedAt);
    const late = await invite("late", invitedAt);
    const expiry = invitedAt.getTime() + 7 * DAY;
    expect((await appError(acceptInvite(testDb(), late.token, password, new Date(expiry)))).code).toBe("BAD_REQUEST");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: late.user.id } })).passwordHash).toBeNull();
    await expect(acceptInvite(testDb(), early.token, password, new Date(expiry - 1))).resolves.toEqual({
      email: early.email,
    });
  });

  it("refuses a password that is easy to guess on the server, the person's own name included, and sets nothing", async () => {
    const email = `zq-${a.tag}@example.com`;
    const user = await admin().users.invite({ email, name: "Zorbulon Quaxter", role: "CSM" });
    const token = await inviteEmailToken(user.id);
    for (const weak of ["aaaaaaaaaa", "quaxterzorbulon"]) {
      const refused = await appError(acceptInvite(testDb(), token, weak, new Date()));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.fieldErrors?.password).toMatch(/^This password is too easy to guess\. \S/);
    }
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    await expect(acceptInvite(testDb(), token, password, new Date())).resolves.toEqual({ email });
  });

  it("refuses an unknown token and a magic-link token (not an invite)", async () => {
    expect((await appError(acceptInvite(testDb(), "x".repeat(43), password, new Date()))).code).toBe("BAD_REQUEST");
    const raw = `magic-${a.tag}-${"y".repeat(30)}`;
    await testDb().verificationToken.create({
      data: { identifier: a.users.CSM.email, token: sha256(raw), expires: new Date(Date.now() + DAY) },
    });
    expect((await appError(acceptInvite(testDb(), raw, password, new Date()))).code).toBe("BAD_REQUEST");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: a.users.CSM.id } })).passwordHash).toBeNull();
  });
});
