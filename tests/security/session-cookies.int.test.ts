import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { hashPassword } from "@/server/auth/password";
import { findActiveSession } from "@/server/db/sessions";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * The session cookie as Auth.js really sets it, through the app's own /api/auth handlers (docs/security.md#web-hardening-decisions): HttpOnly and SameSite=Lax always, Secure with the __Secure- prefix whenever the app is served
 * over https (production: Auth.js reads the protocol from the request / X-Forwarded-Proto, trustHost).
 * Sign-in needs Auth.js's CSRF token (double submit), and signing out revokes the database session row.
 */
const PASSWORD = "cookie jar battery staple";
let f: TenantFixture;
let checks = 0;
const tally = <T>(v: T) => {
  checks += 1;
  return v;
};

beforeAll(async () => {
  f = await createTenantFixture("cookies");
});

async function staffUser() {
  return testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `cookie-${randomUUID().slice(0, 8)}@${f.tenant.slug}.test`,
      name: "Cookie CSM",
      role: "CSM",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

type SetCookie = { name: string; value: string; attributes: Set<string> };
function setCookies(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    return {
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      attributes: new Set(attrs.map((a) => a.toLowerCase())),
    };
  });
}
const cookieHeader = (cookies: SetCookie[]) =>
  cookies
    .filter((c) => c.value)
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");

async function csrf(base: string) {
  const res = await GET(new NextRequest(`${base}/api/auth/csrf`));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookies: setCookies(res) };
}

async function signIn(base: string, email: string, withCsrf = true) {
  const { csrfToken, cookies } = await csrf(base);
  const form = new URLSearchParams({
    email,
    password: PASSWORD,
    callbackUrl: `${base}/leads`,
    ...(withCsrf ? { csrfToken } : {}),
  });
  const res = await POST(
    new NextRequest(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
      body: form.toString(),
    }),
  );
  return { res, cookies: [...cookies, ...setCookies(res)] };
}

describe("session cookie flags", () => {
  it("over https: __Secure-authjs.session-token, HttpOnly, Secure, SameSite=Lax; the CSRF cookie is __Host-", async () => {
    const user = await staffUser();
    const { res, cookies } = await signIn("https://onward.example.com", user.email);
    expect(tally(res.status)).toBe(302);
    const token = cookies.find((c) => c.name === "__Secure-authjs.session-token");
    expect(tally(token), "session cookie set").toBeDefined();
    expect(tally([...(token?.attributes ?? [])])).toEqual(
      expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]),
    );
    const csrfCookie = cookies.find((c) => c.name === "__Host-authjs.csrf-token");
    expect(tally([...(csrfCookie?.attributes ?? [])])).toEqual(
      expect.arrayContaining(["httponly", "secure", "samesite=lax"]),
    );
    expect(tally(await testDb().userSession.count({ where: { userId: user.id, revokedAt: null } }))).toBe(1);
  });

  it("over plain http (local development): still HttpOnly and SameSite=Lax", async () => {
    const user = await staffUser();
    const { cookies } = await signIn("http://localhost:3000", user.email);
    const token = cookies.find((c) => c.name === "authjs.session-token");
    expect(tally([...(token?.attributes ?? [])])).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
  });

  it("a sign-in POST without Auth.js's CSRF token (a cross-site form) creates no session", async () => {
    const user = await staffUser();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined); // Auth.js logs the refusal
    const { res, cookies } = await signIn("https://onward.example.com", user.email, false);
    quiet.mockRestore();
    expect(tally(res.headers.get("location") ?? "")).toMatch(/error=MissingCSRF/);
    expect(tally(cookies.some((c) => c.name.endsWith("authjs.session-token") && c.value))).toBe(false);
    expect(tally(await testDb().userSession.count({ where: { userId: user.id } }))).toBe(0);
  });

  it("signing out revokes the database session, so a replayed cookie is worthless", async () => {
    const base = "https://onward.example.com";
    const user = await staffUser();
    const { cookies } = await signIn(base, user.email);
    const row = await testDb().userSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(await findActiveSession(testDb(), row.id, new Date())).not.toBeNull();
    const res = await POST(
      new NextRequest(`${base}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
        body: new URLSearchParams({ csrfToken: csrfOf(cookies), callbackUrl: `${base}/login` }).toString(),
      }),
    );
    expect(tally(res.status)).toBe(302);
    expect(
      tally(await findActiveSession(testDb(), row.id, new Date())),
      "the session row no longer authenticates",
    ).toBeNull();
    expect((await testDb().userSession.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
  });

  it("reports the figure", () => {
    recordFigure("session-cookies", {
      title: "session cookies",
      lines: [
        `${checks} checks: HttpOnly + SameSite=Lax always, Secure/__Secure- over https, CSRF token required to sign in, logout revokes the DB session`,
      ],
      ok: true,
    });
  });
});

/** Auth.js's CSRF cookie is "<token>|<hash>"; the form field carries the token part. */
function csrfOf(cookies: SetCookie[]): string {
  const raw = decodeURIComponent(cookies.find((c) => c.name === "__Host-authjs.csrf-token")?.value ?? "");
  return raw.split("|")[0] ?? "";
}
