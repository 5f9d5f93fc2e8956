import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { passwordSignIn, requestMagicLink, type LoginState } from "@/app/(auth)/login/actions";
import { ssoSignIn } from "@/app/(auth)/login/sso-action";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { POST as evidencePost } from "@/app/api/v1/evidence/route";
import { GET as journeyStatus } from "@/app/api/v1/customer-journey/[id]/status/route";
import { hashPassword } from "@/server/auth/password";
import { settleMagicLinks } from "@/server/auth/magic-link";
import { LIMITS, type LimitName } from "@/server/auth/rate-limit";
import {
  callerFor,
  createCustomer,
  createStaffUser,
  createTenantFixture,
  openSurveyFor,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { requestScope } from "../helpers/request-scope";
import { recordFigure } from "./figures";

/**
 * Rate-limit audit (docs/security.md): every limited entry point, driven through its real entry — the
 * login server actions, /api/trpc's route handler, the REST route handlers. For each limit: the allowed
 * attempts pass, the next is refused (429 + Retry-After in (0, window], or the action's throttled state
 * with the wait), the refused attempt wrote nothing, another key still passes, and the counter lives in
 * PostgreSQL: the refused attempt runs on a fresh limiter and pg pool, as a second app instance would.
 * Next's request scope (next/headers) is supplied per call: the actions read the client IP from it.
 */
vi.mock("next/headers", () => import("../helpers/request-scope"));

const holder = globalThis as unknown as { onwardRatePool?: pg.Pool; onwardLimiters?: Map<string, unknown> };
let instances = 0;
/** Drops this process's limiters and pool: the next call builds new ones, like another app instance. */
async function secondAppInstance() {
  const old = holder.onwardRatePool;
  holder.onwardRatePool = undefined;
  holder.onwardLimiters = undefined;
  await old?.end();
  instances += 1;
}

const results = new Map<LimitName, string>();
function record(name: LimitName, refusal: string) {
  const { points, duration } = LIMITS[name];
  const window = duration >= 3600 ? `${duration / 3600} h` : duration >= 60 ? `${duration / 60} min` : `${duration} s`;
  results.set(name, `${name}: ${points} allowed / ${window}, ${refusal} ✓, shared store ✓`);
}
function expectWait(seconds: number | null | undefined, name: LimitName) {
  expect(Number(seconds)).toBeGreaterThan(0);
  expect(Number(seconds)).toBeLessThanOrEqual(LIMITS[name].duration);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let seq = 0;
const freshIp = () => `203.0.${Math.floor(Math.random() * 250)}.${(seq += 1) % 250}`;
const from = (ip: string) => (requestScope.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": ip }));
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
/** The action's state, or "signed-in" when it redirected (Auth.js signed the user in / sent the link). */
async function run(
  action: (prev: LoginState, data: FormData) => Promise<LoginState>,
  fields: Record<string, string>,
  ip: string,
) {
  from(ip);
  try {
    return await action({}, form(fields));
  } catch (error) {
    if (isRedirectError(error)) return "redirected" as const;
    throw error;
  }
}

const PASSWORD = "correct horse battery";
let f: TenantFixture;
let passwordHash: string;
beforeAll(async () => {
  f = await createTenantFixture("limits");
  passwordHash = await hashPassword(PASSWORD);
});

const staffUser = (label: string) => createStaffUser(f, label, passwordHash);
const customer = (label: string) => createCustomer(f, label);
const sessionsOf = (userId: string) => testDb().userSession.count({ where: { userId } });
const linksFor = (email: string) => testDb().verificationToken.count({ where: { identifier: email } });

describe("sign-in (passwordSignIn action)", () => {
  // Auth.js prints every refused sign-in with a stack trace; the outcomes are asserted below
  beforeAll(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));
  afterAll(() => vi.mocked(console.error).mockRestore());

  it(`per account and address: ${LIMITS.loginAccountIp.points} failures, then that address is refused for that account`, async () => {
    const u = await staffUser("acct");
    const ip = freshIp();
    for (let i = 0; i < LIMITS.loginAccountIp.points; i += 1) {
      if (i === 5) await secondAppInstance();
      expect(await run(passwordSignIn, { email: u.email, password: `guess ${i}` }, ip)).toMatchObject({
        message: "Email or password is incorrect.",
      });
      // the account's own progressive delay is tested on its own (tests/integration/auth.int.test.ts); forget it here
      await testDb().loginThrottle.deleteMany({ where: { key: sha256(u.email) } });
    }
    await secondAppInstance();
    const refused = await run(passwordSignIn, { email: u.email, password: PASSWORD }, ip);
    expect(refused).toMatchObject({
      message: expect.stringMatching(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./) as string,
    });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "loginAccountIp");
    expect(await sessionsOf(u.id)).toBe(0);
    const other = await staffUser("acct-other");
    expect(await run(passwordSignIn, { email: other.email, password: PASSWORD }, ip)).toBe("redirected");
    expect(await sessionsOf(other.id)).toBe(1);
    record("loginAccountIp", "throttled message + wait");
  });

  it(`per IP: ${LIMITS.loginIp.points} failures from one address (any accounts), then that address is refused`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.loginIp.points; i += 1) {
      if (i === 50) await secondAppInstance();
      expect(
        await run(
          passwordSignIn,
          { email: `spray-${i}-${randomUUID().slice(0, 6)}@example.com`, password: "Winter2031!" },
          ip,
        ),
      ).toMatchObject({ message: "Email or password is incorrect." });
    }
    await secondAppInstance();
    const u = await staffUser("ip-victim");
    const refused = await run(passwordSignIn, { email: u.email, password: PASSWORD }, ip);
    expect(refused).toMatchObject({ message: expect.stringMatching(/Too many failed sign-in attempts/) as string });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "loginIp");
    expect(await sessionsOf(u.id)).toBe(0);
    expect(await run(passwordSignIn, { email: u.email, password: PASSWORD }, freshIp())).toBe("redirected");
    record("loginIp", "throttled message + wait");
  });
});

describe("magic links (requestMagicLink action)", () => {
  it(`per address: ${LIMITS.magicLink.points} requests, then refused; nothing is created or sent`, async () => {
    const c = await customer("link");
    for (let i = 0; i < LIMITS.magicLink.points; i += 1) {
      if (i === 2) await secondAppInstance();
      expect(await run(requestMagicLink, { email: c.email }, freshIp())).toBe("redirected");
    }
    await secondAppInstance();
    await settleMagicLinks();
    const [links, mails] = [
      await linksFor(c.email),
      await testDb().outboxMessage.count({ where: { recipient: c.email } }),
    ];
    // each link replaces the one before (docs/security.md#magic-links); every one was mailed
    expect([links, mails]).toEqual([1, LIMITS.magicLink.points]);
    const refused = await run(requestMagicLink, { email: c.email }, freshIp());
    await settleMagicLinks();
    expect(refused).toMatchObject({
      message: expect.stringMatching(/for this address\. Try again in \d+ minutes?\./) as string,
    });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "magicLink");
    expect([await linksFor(c.email), await testDb().outboxMessage.count({ where: { recipient: c.email } })]).toEqual([
      links,
      mails,
    ]);
    expect(await run(requestMagicLink, { email: (await customer("link-other")).email }, freshIp())).toBe("redirected");
    record("magicLink", "throttled message + wait");
  });

  it(`per IP: ${LIMITS.magicLinkIp.points} requests from one address (any emails), then refused`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.magicLinkIp.points; i += 1) {
      if (i === 10) await secondAppInstance();
      expect(await run(requestMagicLink, { email: `nobody-${i}-${randomUUID().slice(0, 6)}@example.com` }, ip)).toBe(
        "redirected",
      );
    }
    await secondAppInstance();
    const c = await customer("link-ip");
    const refused = await run(requestMagicLink, { email: c.email }, ip);
    expect(refused).toMatchObject({ message: expect.stringMatching(/from your network/) as string });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "magicLinkIp");
    await settleMagicLinks();
    expect(await linksFor(c.email)).toBe(0);
    expect(await run(requestMagicLink, { email: c.email }, freshIp())).toBe("redirected");
    await settleMagicLinks();
    expect(await linksFor(c.email)).toBe(1);
    record("magicLinkIp", "throttled message + wait");
  });
});

describe("single sign-on starts (ssoSignIn action)", () => {
  // a domain with no single sign-on: the start is refused without reaching a provider, and still counts
  const unmapped = () => `no-sso-${randomUUID().slice(0, 8)}.test`;
  const notSetUp = { fieldErrors: { email: expect.stringMatching(/not set up/) as string } };

  it(`per address: ${LIMITS.ssoEmail.points} starts, then refused with the wait; another address still starts`, async () => {
    const email = `sso@${unmapped()}`;
    for (let i = 0; i < LIMITS.ssoEmail.points; i += 1) {
      if (i === 3) await secondAppInstance();
      expect(await run(ssoSignIn, { email }, freshIp())).toMatchObject(notSetUp);
    }
    await secondAppInstance();
    const refused = await run(ssoSignIn, { email }, freshIp());
    expect(refused).toMatchObject({
      message: expect.stringMatching(
        /^Too many single sign-on attempts for this address\. Try again in \d+ minutes?\.$/,
      ) as string,
    });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "ssoEmail");
    expect(await run(ssoSignIn, { email: `other@${unmapped()}` }, freshIp())).toMatchObject(notSetUp);
    record("ssoEmail", "throttled message + wait");
  });

  it(`per IP: ${LIMITS.ssoIp.points} starts from one address (any emails or domains), then refused`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.ssoIp.points; i += 1) {
      if (i === 50) await secondAppInstance();
      expect(await run(ssoSignIn, { email: `p${i}@${unmapped()}` }, ip)).toMatchObject(notSetUp);
    }
    await secondAppInstance();
    const refused = await run(ssoSignIn, { email: `late@${unmapped()}` }, ip);
    expect(refused).toMatchObject({ message: expect.stringMatching(/from your network/) as string });
    expectWait(refused !== "redirected" ? refused.retryAfterSeconds : 0, "ssoIp");
    expect(await run(ssoSignIn, { email: `late@${unmapped()}` }, freshIp())).toMatchObject(notSetUp);
    record("ssoIp", "throttled message + wait");
  });
});

const trpcUrl = (path: string, input?: unknown) =>
  `http://localhost/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
const viewSurvey = (token: string, ip: string) =>
  trpcGet(new Request(trpcUrl("surveys.byToken", { token }), { headers: { "x-forwarded-for": ip } }));
const answerSurvey = (token: string, ip: string) =>
  trpcPost(
    new Request(trpcUrl("surveys.answerByToken"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ json: { token, score: 8 } }),
    }),
  );
const answered = (surveyId: string) => testDb().surveyResponse.count({ where: { surveyId } });
const bogusToken = () => randomUUID().replaceAll("-", "").padEnd(43, "x");

describe("one-time survey links (/api/trpc surveys.byToken / answerByToken)", () => {
  beforeAll(() => from(freshIp()));

  it(`per link: ${LIMITS.surveyToken.points} calls on one token, then 429 + Retry-After; the answer is not recorded`, async () => {
    const { token, surveyId } = await openSurveyFor(f);
    for (let i = 0; i < LIMITS.surveyToken.points; i += 1) {
      if (i === 10) await secondAppInstance();
      expect((await viewSurvey(token, freshIp())).status).toBe(200);
    }
    await secondAppInstance();
    const refused = await answerSurvey(token, freshIp());
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "surveyToken");
    expect(JSON.stringify(await refused.json())).toMatch(/Too many requests for this survey link/);
    expect(await answered(surveyId)).toBe(0);
    const other = await openSurveyFor(f);
    expect((await answerSurvey(other.token, freshIp())).status).toBe(200);
    expect(await answered(other.surveyId)).toBe(1);
    record("surveyToken", "429 + Retry-After");
  });

  it(`per IP: ${LIMITS.surveyIp.points} guesses from one address, then 429 + Retry-After even for a real link`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.surveyIp.points; i += 1) {
      if (i === 30) await secondAppInstance();
      expect((await viewSurvey(bogusToken(), ip)).status).toBe(404);
    }
    await secondAppInstance();
    const { token, surveyId } = await openSurveyFor(f);
    const refused = await answerSurvey(token, ip);
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "surveyIp");
    expect(await answered(surveyId)).toBe(0);
    expect((await answerSurvey(token, freshIp())).status).toBe(200);
    record("surveyIp", "429 + Retry-After");
  });
});

const GOOD_EVIDENCE = {
  coverage: 96.5,
  complexity: 8,
  maintainability: 9.1,
  vulnerabilities: { high: 0, critical: 0 },
  tests: { passed: 10, failed: 0 },
  commitSha: "abcdef1234567",
};
const postEvidence = (token: string, body: unknown) =>
  evidencePost(
    new Request("http://localhost/api/v1/evidence", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  );

describe("REST APIs", () => {
  it(`evidence API: ${LIMITS.evidenceToken.points} posts per token, then 429 + Retry-After; nothing is stored`, async () => {
    await testDb().project.update({ where: { id: f.projectA.id }, data: { techLeadId: f.users.TECH_LEAD.id } });
    const { token } = await callerFor(f.users.TECH_LEAD).apiTokens.create({
      projectId: f.projectA.id,
      name: "Busy pipeline",
    });
    // bodies that fail validation still count: the limit is checked before the body is read
    for (let i = 0; i < LIMITS.evidenceToken.points; i += 1) {
      if (i === 60) await secondAppInstance();
      expect((await postEvidence(token, {})).status).toBe(400);
    }
    await secondAppInstance();
    const before = await testDb().evidence.count({ where: { tenantId: f.tenant.id } });
    const refused = await postEvidence(token, GOOD_EVIDENCE);
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "evidenceToken");
    expect(await testDb().evidence.count({ where: { tenantId: f.tenant.id } })).toBe(before);
    const other = await callerFor(f.users.TECH_LEAD).apiTokens.create({
      projectId: f.projectA.id,
      name: "Quiet pipeline",
    });
    expect((await postEvidence(other.token, GOOD_EVIDENCE)).status).toBe(201);
    record("evidenceToken", "429 + Retry-After");
  });

  it(`journey API: ${LIMITS.journeyKey.points} calls per key, then 429 + Retry-After`, async () => {
    const key = (await callerFor(f.users.ADMIN).apiKeys.create({ name: "Busy CRM" })).token;
    const status = (k: string, id: string) =>
      journeyStatus(
        new Request(`http://localhost/api/v1/customer-journey/${id}/status`, {
          headers: { authorization: `Bearer ${k}` },
        }),
        { params: Promise.resolve({ id }) },
      );
    for (let i = 0; i < LIMITS.journeyKey.points; i += 1) {
      if (i === 30) await secondAppInstance();
      expect((await status(key, `missing-${i}`)).status).toBe(404);
    }
    await secondAppInstance();
    const refused = await status(key, "missing-last");
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "journeyKey");
    const other = (await callerFor(f.users.ADMIN).apiKeys.create({ name: "Quiet CRM" })).token;
    expect((await status(other, "missing-last")).status).toBe(404);
    record("journeyKey", "429 + Retry-After");
  });
});

const submitSignup = (input: Record<string, string>, ip: string) =>
  trpcPost(
    new Request(trpcUrl("signup.submit"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ json: input }),
    }),
  );
function signupInput(domain = `d-${randomUUID().slice(0, 12)}.example.com`) {
  const tag = randomUUID().slice(0, 12);
  return {
    companyName: `Limits ${tag}`,
    slug: `limits-${tag}`,
    founderName: "Lee Limits",
    email: `lee-${tag}@${domain}`,
  };
}
const pendingFor = (email: string) => testDb().workspaceSignup.count({ where: { email } });

describe("workspace sign-up (/api/trpc signup.submit, docs/signup.md#limits)", () => {
  it(`per IP: ${LIMITS.signupIp.points} sign-ups from one address, then 429 + Retry-After; nothing is stored or sent`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.signupIp.points; i += 1) {
      if (i === 2) await secondAppInstance();
      expect((await submitSignup(signupInput(), ip)).status).toBe(200);
    }
    await secondAppInstance();
    const input = signupInput();
    const refused = await submitSignup(input, ip);
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "signupIp");
    expect(JSON.stringify(await refused.json())).toMatch(/Too many sign-ups from your network/);
    expect(await pendingFor(input.email)).toBe(0);
    expect(await testDb().outboxMessage.count({ where: { recipient: input.email } })).toBe(0);
    expect((await submitSignup(input, freshIp())).status).toBe(200);
    expect(await pendingFor(input.email)).toBe(1);
    record("signupIp", "429 + Retry-After");
  });

  it(`per email domain: ${LIMITS.signupDomain.points} sign-ups for one domain (any addresses, any networks), then 429 + Retry-After`, async () => {
    const domain = `flood-${randomUUID().slice(0, 12)}.example.com`;
    for (let i = 0; i < LIMITS.signupDomain.points; i += 1) {
      if (i === 5) await secondAppInstance();
      expect((await submitSignup(signupInput(domain), freshIp())).status).toBe(200);
    }
    await secondAppInstance();
    const input = signupInput(domain);
    const refused = await submitSignup(input, freshIp());
    expect(refused.status).toBe(429);
    expectWait(Number(refused.headers.get("retry-after")), "signupDomain");
    expect(JSON.stringify(await refused.json())).toMatch(/Too many sign-ups for this email domain/);
    expect(await pendingFor(input.email)).toBe(0);
    expect((await submitSignup(signupInput(), freshIp())).status).toBe(200);
    record("signupDomain", "429 + Retry-After");
  });
});

/**
 * Limits driven in other files: the self-service assessment's (docs/domain.md#self-service-assessment), wrong
 * two-factor codes per user and tRPC calls per session (docs/security.md).
 */
const ELSEWHERE: Partial<Record<LimitName, string>> = {
  intakeIp: "intake.int.test.ts",
  intakeEmail: "intake.int.test.ts",
  twoFactor: "two-factor.int.test.ts",
  trpcSession: "trpc-route.int.test.ts",
};

afterAll(() => {
  const names = Object.keys(LIMITS) as LimitName[];
  const lines = names.map(
    (name) =>
      results.get(name) ??
      (ELSEWHERE[name]
        ? `${name}: ${LIMITS[name].points} / ${LIMITS[name].duration / 60} min, tested in ${ELSEWHERE[name]}`
        : `${name}: not tested ✗`),
  );
  const ok = names.every((name) => results.has(name) || ELSEWHERE[name]);
  recordFigure("rate-limits", {
    title: "Rate limits (PostgreSQL-backed)",
    lines: [...lines, `${instances} simulated second app instances`],
    ok,
  });
});
