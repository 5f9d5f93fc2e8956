import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { checkCredentials } from "@/server/auth/login";
import { submitSignup } from "@/server/services/signup";
import { passwordSignInOff } from "@/server/services/sso";
import { acceptInvite } from "@/server/services/users";
import { callerIp, testDb } from "../helpers/fixtures";

/** Lets the child resolve `server-only` outside Next.js (scripts/server-only-hook.mjs). */
const SERVER_ONLY_HOOK = path.resolve(import.meta.dirname, "..", "..", "scripts", "server-only-hook.mjs");

/**
 * The operator commands as an operator runs them: `node --import tsx scripts/…` in a child process
 * with DATABASE_URL = the test database (docs/signup.md#cli).
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);

async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: "https://onward.example.com",
    NODE_ENV: "production" as const,
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "--import", SERVER_ONLY_HOOK, path.join("scripts", script), ...args],
      {
        cwd: root,
        env,
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const tag = randomUUID().slice(0, 8);
const slug = `cli-${tag}`;
const adminEmail = `owner-${tag}@cli-${tag}.example.com`;
const savedMode = process.env.SIGNUP;
afterAll(() => {
  if (savedMode === undefined) delete process.env.SIGNUP;
  else process.env.SIGNUP = savedMode;
});

describe("npm run tenant:create / tenant:list", () => {
  it("creates a workspace through the provisioning service and prints a set-password link that acceptInvite redeems", async () => {
    const created = await cli("tenant.ts", [
      "create",
      "--name",
      `Harbor CLI ${tag}`,
      "--slug",
      slug,
      "--admin-email",
      adminEmail.toUpperCase(),
      "--admin-name",
      "Olive Operator",
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const link = created.stdout.match(/^https:\/\/onward\.example\.com\/invite\/([A-Za-z0-9_-]{43})$/m);
    expect(link, created.stdout).not.toBeNull();

    const db = testDb();
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, include: { users: true, configs: true } });
    expect(tenant.name).toBe(`Harbor CLI ${tag}`);
    expect(tenant.users.map((u) => [u.email, u.name, u.role, u.passwordHash])).toEqual([
      [adminEmail, "Olive Operator", "ADMIN", null],
    ]);
    expect(tenant.configs.map((c) => `${c.kind}@${c.version}`).sort()).toEqual(
      CONFIG_KIND_VALUES.map((k) => `${k}@1`).sort(),
    );
    expect(await db.lead.count({ where: { tenantId: tenant.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "workspace.created" } });
    expect(audit.after).toMatchObject({ via: "cli", slug });

    // the admin follows the link: the staff invitation's page sets the password, then they can sign in
    const token = link?.[1] ?? "";
    expect(await acceptInvite(db, token, "operator-made-2026", new Date())).toEqual({ email: adminEmail });
    expect(await checkCredentials(db, { email: adminEmail, password: "operator-made-2026" }, callerIp())).toMatchObject(
      { ok: true, tenantId: tenant.id },
    );

    const listed = await cli("tenant.ts", ["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split("\n")[0]).toMatch(/^slug\s+name\s+users\s+created$/);
    const line = listed.stdout.split("\n").find((l) => l.startsWith(`${slug} `));
    expect(line).toMatch(new RegExp(`^${slug}\\s+Harbor CLI ${tag}\\s+1\\s+\\d{4}-\\d{2}-\\d{2}$`));
  });

  it.each([
    [
      "a taken slug",
      () => ["--name", "Again", "--slug", slug, "--admin-email", `x-${tag}@example.com`],
      /^error: --slug: This address is already taken\n$/,
    ],
    [
      "a reserved slug",
      () => ["--name", "Admin Co", "--slug", "admin", "--admin-email", `y-${tag}@example.com`],
      /^error: --slug: This address is reserved/,
    ],
    [
      "an email already in use",
      () => ["--name", "Other Co", "--slug", `cli-other-${tag}`, "--admin-email", adminEmail],
      /^error: --admin-email: This email is already in use\n$/,
    ],
    ["a missing option", () => ["--name", "Lonely"], /^error: missing --slug, --admin-email/],
  ])("refuses %s with one line and exit 1, creating nothing", async (_label, args, message) => {
    const before = await testDb().tenant.count();
    const result = await cli("tenant.ts", ["create", ...args()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(await testDb().tenant.count()).toBe(before);
  });
});

describe("npm run tenant:sso-off", () => {
  // docs/security.md#single-sign-on: an admin turned password sign-in off and the identity provider is down
  async function ssoOnlyWorkspace(label: string) {
    const db = testDb();
    const tenant = await db.tenant.create({ data: { slug: `${label}-${tag}`, name: `SSO ${label} ${tag}` } });
    const domain = `${label}-${tag}.example.com`;
    await db.tenantSso.create({
      data: {
        tenantId: tenant.id,
        issuer: "https://idp.example.com",
        clientId: "onward",
        clientSecret: "secret",
        provisioning: "jit",
        defaultRole: "CSM",
        passwordSignInOff: true,
        updatedAt: new Date(),
      },
    });
    await db.ssoDomain.create({ data: { tenantId: tenant.id, domain } });
    return { tenant, email: `admin@${domain}` };
  }
  const restored = (tenantId: string) =>
    testDb().auditEvent.findMany({
      where: { tenantId, action: "sso.password_sign_in_restored" },
      select: { actorId: true, before: true, after: true },
    });

  it("turns password sign-in back on for the workspace's domains, audited; single sign-on stays set up", async () => {
    const { tenant, email } = await ssoOnlyWorkspace("idp-down");
    expect(await passwordSignInOff(testDb(), email)).toBe(true);
    const result = await cli("tenant.ts", ["sso-off", tenant.slug]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Password sign-in is back on for ${tenant.slug}`);
    expect(await passwordSignInOff(testDb(), email)).toBe(false);
    expect(await testDb().tenantSso.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({
      issuer: "https://idp.example.com",
      passwordSignInOff: false,
      version: 2,
      updatedById: null,
    });
    expect(await restored(tenant.id)).toEqual([
      { actorId: null, before: { passwordSignInOff: true }, after: { passwordSignInOff: false, via: "cli" } },
    ]);
    // again: nothing to do, said so, nothing recorded
    const again = await cli("tenant.ts", ["sso-off", tenant.slug]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already on/);
    expect(await restored(tenant.id)).toHaveLength(1);
  });

  it.each([
    ["an unknown workspace", () => [`nobody-${tag}`], /^error: No workspace has the address nobody-/],
    [
      "a workspace without single sign-on",
      async () => [(await testDb().tenant.create({ data: { slug: `no-sso-${tag}`, name: "No SSO" } })).slug],
      /^error: .* has no single sign-on/,
    ],
    ["a missing slug", () => [], /^error: usage: npm run tenant:sso-off -- <slug>/],
  ])("refuses %s with one line and exit 1", async (_label, args, message) => {
    const result = await cli("tenant.ts", ["sso-off", ...(await args())]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("npm run signup:code", () => {
  it("prints a single-use code that a sign-up in invite mode accepts", async () => {
    const printed = await cli("signup-code.ts", ["--days", "3", "--note", `cli ${tag}`]);
    expect(printed.code).toBe(0);
    const code = printed.stdout.match(/^([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})$/m)?.[1];
    expect(code, printed.stdout).toBeDefined();
    const row = await testDb().signupCode.findFirstOrThrow({ where: { note: `cli ${tag}` } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(3 * 86_400_000);
    const ctx = { db: testDb(), ip: callerIp(), requestId: "cli-test", now: new Date() };
    const input = {
      companyName: "Code Co",
      slug: `code-${tag}`,
      founderName: "Cody",
      email: `cody@code-${tag}.example.com`,
      code,
    };
    expect(await submitSignup(ctx, input, "invite", "https://onward.example.com")).toEqual({ status: "check-inbox" });
    expect((await testDb().workspaceSignup.findUniqueOrThrow({ where: { email: input.email } })).codeId).toBe(row.id);

    const bad = await cli("signup-code.ts", ["--days", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --days must be a whole number from 1 to 365\n$/);
  });
});
