import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { acceptInviteAction } from "@/app/(auth)/invite/[token]/actions";
import { passwordSignIn, requestMagicLink, type LoginState } from "@/app/(auth)/login/actions";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { hashPassword } from "@/server/auth/password";
import { settleMagicLinks } from "@/server/auth/magic-link";
import { LIMITS } from "@/server/auth/rate-limit";
import {
  callerFor,
  createCustomer,
  createStaffUser,
  createTenantFixture,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { requestScope } from "../helpers/request-scope";
import { recordFigure } from "./figures";

/**
 * The client IP behind a forged X-Forwarded-For (docs/security.md#client-ip). Every request reaches the
 * app through our web server, which appends the connection's address to X-Forwarded-For
 * (scripts/serve.ts); a client can write anything to the LEFT of it. Here each request carries what
 * that server passes on for a client that forged its header — `203.0.113.9, <the connection's address>`
 * — plus a forged X-Real-IP, through the real entries: the login actions, Auth.js's route handler, the
 * invite action and /api/trpc. With TRUSTED_PROXY_HOPS unset (0) the stored and rate-limited address
 * is the connection's.
 */
vi.mock("next/headers", () => import("../helpers/request-scope"));

const FORGED = "203.0.113.9";
const FORGED_REAL_IP = "198.51.100.7";
const BASE = "http://localhost:3000";
let seq = 0;
/** The address of the connection, as our web server appends it: unique per test, so limits never leak. */
const freshPeer = () => `10.77.${Math.floor(Math.random() * 250)}.${(seq += 1) % 250}`;
const forgedFrom = (peer: string, forged = FORGED) => ({
  host: "localhost:3000",
  "x-forwarded-for": `${forged}, ${peer}`,
  "x-real-ip": FORGED_REAL_IP,
});
const from = (peer: string, forged = FORGED) => (requestScope.headers = new Headers(forgedFrom(peer, forged)));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
async function run<S>(action: (prev: S, data: FormData) => Promise<S>, fields: Record<string, string>) {
  try {
    return await action({} as S, form(fields));
  } catch (error) {
    if (isRedirectError(error)) return "redirected" as const;
    throw error;
  }
}
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter((c) => !c.endsWith("="))
    .join("; ");

const PASSWORD = "correct horse battery";
let f: TenantFixture;
let passwordHash: string;
const lines: string[] = [];
beforeAll(async () => {
  f = await createTenantFixture("client-ip");
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await settleMagicLinks();
  recordFigure("client-ip", { title: "client IP behind a forged X-Forwarded-For", lines, ok: lines.length === 5 });
});

const staffUser = (label: string) => createStaffUser(f, label, passwordHash);
const auditIps = async (entityId: string, action: string) =>
  (await testDb().auditEvent.findMany({ where: { entityId, action }, orderBy: { seq: "asc" } })).map((e) => e.ip);
const sessionIps = async (userId: string) =>
  (await testDb().userSession.findMany({ where: { userId } })).map((s) => s.ip);

describe("what is stored as the client's address", () => {
  it("password sign-in: the failure, the sign-in and the session carry the connection's address", async () => {
    const u = await staffUser("password");
    const peer = freshPeer();
    from(peer);
    expect(await run<LoginState>(passwordSignIn, { email: u.email, password: "wrong horse battery" })).toMatchObject({
      message: expect.stringMatching(/incorrect/) as string,
    });
    expect(await run<LoginState>(passwordSignIn, { email: u.email, password: PASSWORD })).toBe("redirected");
    expect(await auditIps(u.id, "auth.sign_in_failed")).toEqual([peer]);
    expect(await auditIps(u.id, "auth.sign_in")).toEqual([peer]);
    expect(await sessionIps(u.id)).toEqual([peer]);
    lines.push("password sign-in: failure, sign-in, session → connection's address ✓");
  });

  it("magic link: the request, the sign-in through the link and its session carry the connection's address", async () => {
    const c = await createCustomer(f, "link");
    const peer = freshPeer();
    from(peer);
    expect(await run<LoginState>(requestMagicLink, { email: c.email })).toBe("redirected");
    await settleMagicLinks();
    expect(await auditIps(c.id, "auth.magic_link_requested")).toEqual([peer]);
    const mail = await testDb().outboxMessage.findFirstOrThrow({ where: { recipient: c.email } });
    const url = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(mail.bodyText)?.[0];
    if (!url) throw new Error("no sign-in link in the email");
    const followed = await authGet(new NextRequest(url, { headers: forgedFrom(peer) }));
    expect(followed.status).toBe(302);
    expect(await auditIps(c.id, "auth.sign_in")).toEqual([peer]);
    expect(await sessionIps(c.id)).toEqual([peer]);

    // sign-out through Auth.js's endpoint with that session, on the link's origin (its cookies' names depend on it)
    const origin = new URL(url).origin;
    const session = cookiesOf(followed);
    const csrf = await authGet(new NextRequest(`${origin}/api/auth/csrf`, { headers: { cookie: session } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await authPost(
      new NextRequest(`${origin}/api/auth/signout`, {
        method: "POST",
        headers: {
          ...forgedFrom(peer),
          "content-type": "application/x-www-form-urlencoded",
          cookie: `${session}; ${cookiesOf(csrf)}`,
        },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${origin}/login` }).toString(),
      }),
    );
    expect(out.status).toBe(302);
    expect(await auditIps(c.id, "auth.sign_out")).toEqual([peer]);
    lines.push("magic link: request, sign-in, session, sign-out → connection's address ✓");
  });

  it("accepting an invitation: user.password_set carries the connection's address", async () => {
    const email = `invited-${f.tag}@example.com`;
    const user = await callerFor(f.users.ADMIN).users.invite({ email, name: "Invited", role: "CSM" });
    const message = await testDb().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invite/${user.id}` } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(message.bodyText)?.[1] ?? "";
    const peer = freshPeer();
    from(peer);
    expect(await run(acceptInviteAction, { token, password: PASSWORD, confirm: PASSWORD })).toBe("redirected");
    expect(await auditIps(user.id, "user.password_set")).toEqual([peer]);
    lines.push("invitation: user.password_set → connection's address ✓");
  });
});

describe("per-IP limits cannot be escaped by rotating a forged X-Forwarded-For", () => {
  it(`magic links: ${LIMITS.magicLinkIp.points} requests from one connection address, then refused`, async () => {
    const peer = freshPeer();
    for (let i = 0; i < LIMITS.magicLinkIp.points; i += 1) {
      from(peer, `203.0.113.${i + 1}`);
      expect(await run<LoginState>(requestMagicLink, { email: `nobody-${randomUUID().slice(0, 8)}@example.com` })).toBe(
        "redirected",
      );
    }
    from(peer, "203.0.113.250");
    expect(
      await run<LoginState>(requestMagicLink, { email: `nobody-${randomUUID().slice(0, 8)}@example.com` }),
    ).toMatchObject({
      message: expect.stringMatching(/from your network/) as string,
    });
    lines.push(`magicLinkIp: ${LIMITS.magicLinkIp.points} forged addresses from one connection, then refused ✓`);
  });

  it(`survey links (/api/trpc): ${LIMITS.surveyIp.points} guesses from one connection address, then 429`, async () => {
    const peer = freshPeer();
    const view = (forged: string) =>
      trpcGet(
        new Request(
          `${BASE}/api/trpc/surveys.byToken?input=${encodeURIComponent(JSON.stringify({ json: { token: randomUUID().replaceAll("-", "").padEnd(43, "x") } }))}`,
          { headers: { "x-forwarded-for": `${forged}, ${peer}`, "x-real-ip": FORGED_REAL_IP } },
        ),
      );
    for (let i = 0; i < LIMITS.surveyIp.points; i += 1) expect((await view(`203.0.113.${i + 1}`)).status).toBe(404);
    expect((await view("203.0.113.250")).status).toBe(429);
    lines.push(`surveyIp: ${LIMITS.surveyIp.points} forged addresses from one connection, then 429 ✓`);
  });
});
