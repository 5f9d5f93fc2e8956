import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { LIMITS } from "@/server/auth/rate-limit";
import { settleMagicLinks } from "@/server/auth/magic-link";
import { createCustomer, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";
import { recordFigure } from "./figures";

/**
 * Sign-in links through Auth.js's own endpoint, POST /api/auth/signin/email — the one every link
 * goes through, whether the login page's action or a script sends it (docs/security.md#magic-links):
 * limits hold there, nothing is stored or sent for an address that may not use links, the answer is
 * the same for every address and does not wait for the mail, a link lasts MAGIC_LINK_MINUTES (30)
 * and a newer or used link ends the address's others.
 */
const BASE = "http://localhost:3000";
let stub: Stub;
let f: TenantFixture;
const lines: string[] = [];

beforeAll(async () => {
  stub = await startStub();
  // read once by serverEnv(), on its first use in this file (after this)
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  f = await createTenantFixture("magic-links");
});
afterAll(async () => {
  await settleMagicLinks();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await stub.stop();
});
beforeEach(() => stub.reset());

let seq = 0;
const freshIp = () => `198.51.${Math.floor(Math.random() * 250)}.${(seq += 1) % 250}`;
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .join("; ");

async function requestLink(email: string, ip = freshIp()) {
  const csrf = await GET(new NextRequest(`${BASE}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return POST(
    new NextRequest(`${BASE}/api/auth/signin/email`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf),
        "x-forwarded-for": ip,
      },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${BASE}/portal` }).toString(),
    }),
  );
}

/** What a caller can see of an answer: status, where it sends them, which cookies it sets. */
const shapeOf = (res: Response) => ({
  status: res.status,
  location: res.headers.get("location"),
  cookies: res.headers
    .getSetCookie()
    .map((c) => c.split("=")[0])
    .sort(),
});

const customer = (label: string, extra: { disabledAt?: Date } = {}) => createCustomer(f, label, extra);
const tokensOf = (email: string) => testDb().verificationToken.findMany({ where: { identifier: email } });
const mailsTo = (email: string) =>
  testDb().outboxMessage.findMany({ where: { recipient: email }, orderBy: { createdAt: "asc" } });

/** The link in the newest email to the address. */
async function linkIn(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const text = mails.at(-1)?.bodyText ?? "";
  const url = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no link in the mail to ${email}`);
  return url;
}
const follow = (url: string) => GET(new NextRequest(url));
const signedIn = (res: Response) =>
  res.status === 302 && !res.headers.get("location")?.includes("error=") && cookiesOf(res).includes("session-token");

describe("who gets a link (finding: Auth.js's own endpoint issued links to any address)", () => {
  it("an unknown, a staff and a disabled address get no token row and no mail; a customer gets both", async () => {
    const disabled = await customer("disabled", { disabledAt: new Date() });
    const active = await customer("active");
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    for (const email of [unknown, f.users.ADMIN.email, f.users.CSM.email, disabled.email, active.email])
      expect((await requestLink(email)).status).toBe(302);
    await settleMagicLinks();
    for (const email of [unknown, f.users.ADMIN.email, f.users.CSM.email, disabled.email]) {
      expect(await tokensOf(email), email).toEqual([]);
      expect(await mailsTo(email), email).toEqual([]);
    }
    expect(await tokensOf(active.email)).toHaveLength(1);
    expect(await mailsTo(active.email)).toHaveLength(1);
    lines.push("unknown / staff / disabled: 0 tokens, 0 mails ✓");
  });

  it(`per address: ${LIMITS.magicLink.points} links, then nothing more is stored or sent`, async () => {
    const c = await customer("limited");
    for (let i = 0; i < LIMITS.magicLink.points; i += 1) await requestLink(c.email);
    await settleMagicLinks();
    expect(await mailsTo(c.email)).toHaveLength(LIMITS.magicLink.points);
    const refused = await requestLink(c.email);
    await settleMagicLinks();
    expect(refused.headers.get("location")).toContain("/login?error=");
    expect(await mailsTo(c.email)).toHaveLength(LIMITS.magicLink.points);
    expect(await tokensOf(c.email)).toHaveLength(1);
    lines.push(`per address ${LIMITS.magicLink.points} ✓`);
  });

  it(`per network: ${LIMITS.magicLinkIp.points} requests (any addresses), then nothing for a customer either`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.magicLinkIp.points; i += 1) await requestLink(`n-${i}-${randomUUID()}@example.com`, ip);
    const c = await customer("ip-limited");
    const refused = await requestLink(c.email, ip);
    await settleMagicLinks();
    expect(refused.headers.get("location")).toContain("/login?error=");
    expect(await tokensOf(c.email)).toEqual([]);
    expect(await mailsTo(c.email)).toEqual([]);
    lines.push(`per network ${LIMITS.magicLinkIp.points} ✓`);
  });

  it("issuing a link purges expired token rows", async () => {
    const stale = `stale-${randomUUID()}@example.com`;
    await testDb().verificationToken.create({
      data: { identifier: stale, token: randomUUID(), expires: new Date(Date.now() - 60_000) },
    });
    await requestLink((await customer("purger")).email);
    await settleMagicLinks();
    expect(await tokensOf(stale)).toEqual([]);
  });
});

describe("the answer does not depend on the address (finding: response time told customers apart)", () => {
  it("known, unknown, staff and disabled addresses get the same answer", async () => {
    const known = await customer("same-answer");
    const disabled = await customer("same-answer-disabled", { disabledAt: new Date() });
    const shapes = [];
    for (const email of [known.email, `nobody-${randomUUID()}@example.com`, f.users.CSM.email, disabled.email])
      shapes.push(shapeOf(await requestLink(email)));
    await settleMagicLinks();
    expect(shapes[0]?.location).toContain("/api/auth/verify-request");
    for (const s of shapes) expect(s).toEqual(shapes[0]);
  });

  it("answers before the email is stored or sent: a provider that has not answered yet does not hold it", async () => {
    let release: (v?: unknown) => void = () => undefined;
    const held = new Promise((r) => (release = r));
    stub.script("/emails", [{ status: 200, body: { id: "email_held" }, until: held }]);
    const c = await customer("held");
    const answer = await Promise.race([
      requestLink(c.email).then((res) => res.status),
      new Promise((r) => setTimeout(() => r("still waiting"), 3_000)),
    ]);
    expect(answer).toBe(302);
    release();
    await settleMagicLinks();
    expect(stub.to("/emails").filter((r) => (r.json as { to?: unknown }).to === c.email)).toHaveLength(1);
    expect(await mailsTo(c.email)).toMatchObject([{ status: "SENT" }]);
    lines.push("answer identical for 4 kinds of address, mail after the answer ✓");
  });

  it("figure: median answer time of a customer's address vs an unknown one", async () => {
    const runs = 20;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const c = await customer(`timing-${i}`);
      const pair = [
        [c.email, known],
        [`nobody-${randomUUID()}@example.com`, unknown],
      ] as const;
      // alternate which goes first; each request's mail work is done before the next one starts
      for (const [email, into] of i % 2 === 0 ? pair : [...pair].reverse()) {
        const started = performance.now();
        await requestLink(email);
        into.push(performance.now() - started);
        await settleMagicLinks();
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const diff = median(known) - median(unknown);
    // a shared test machine jitters by a few ms either way: the target is 5 ms or a fifth of the answer time
    const target = Math.max(5, median(unknown) / 5);
    lines.push(
      `median answer: customer ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms, difference ${diff.toFixed(1)} ms (target ≤ ${target.toFixed(1)} ms)`,
    );
    expect(Math.abs(diff)).toBeLessThan(100);
    timingOk = Math.abs(diff) <= target;
  });
});
let timingOk = false;

describe("link lifetime and reuse (finding: older links stayed valid for 24 h)", () => {
  it("a link expires after MAGIC_LINK_MINUTES (30 by default)", async () => {
    const c = await customer("lifetime");
    const before = Date.now();
    await requestLink(c.email);
    await settleMagicLinks();
    const [row] = await tokensOf(c.email);
    const minutes = ((row?.expires.getTime() ?? 0) - before) / 60_000;
    expect(minutes).toBeGreaterThan(29.9);
    expect(minutes).toBeLessThanOrEqual(30.1);
    expect((await mailsTo(c.email))[0]?.bodyText).toContain("expires in 30 minutes");

    process.env.MAGIC_LINK_MINUTES = "10";
    try {
      await requestLink(c.email);
      await settleMagicLinks();
      const [short] = await tokensOf(c.email);
      expect(((short?.expires.getTime() ?? 0) - Date.now()) / 60_000).toBeLessThanOrEqual(10);
    } finally {
      delete process.env.MAGIC_LINK_MINUTES;
    }
    lines.push("lifetime 30 min, MAGIC_LINK_MINUTES honoured ✓");
  });

  it("a newer link ends the older one", async () => {
    const c = await customer("newer");
    await requestLink(c.email);
    await settleMagicLinks();
    const first = await linkIn(c.email);
    await requestLink(c.email);
    await settleMagicLinks();
    const second = await linkIn(c.email);
    expect(second).not.toBe(first);
    expect(signedIn(await follow(first))).toBe(false);
    expect(signedIn(await follow(second))).toBe(true);
  });

  it("using a link ends the address's other links", async () => {
    const c = await customer("used");
    await requestLink(c.email);
    await settleMagicLinks();
    const first = await linkIn(c.email);
    // an older link that slipped past (issued before this rule): still ended by the use of another
    const { createHash } = await import("node:crypto");
    const oldToken = randomUUID();
    await testDb().verificationToken.create({
      data: {
        identifier: c.email,
        token: createHash("sha256").update(`${oldToken}${process.env.AUTH_SECRET}`).digest("hex"),
        expires: new Date(Date.now() + 60 * 60_000),
      },
    });
    const old = first.replace(/token=[^&]+/, `token=${oldToken}`);
    expect(signedIn(await follow(first))).toBe(true);
    expect(await tokensOf(c.email)).toEqual([]);
    expect(signedIn(await follow(old))).toBe(false);
    expect(signedIn(await follow(first))).toBe(false);
    lines.push("newer link ends older, use ends others ✓");
  });
});

afterAll(() => {
  recordFigure("magic-links", { title: "magic links", lines, ok: lines.length >= 6 && timingOk });
});
