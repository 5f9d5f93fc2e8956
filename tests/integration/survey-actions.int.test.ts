import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { answerPortalSurvey, answerSurveyByToken } from "@/app/actions/surveys";
import { readError } from "@/lib/form-errors";
import { callerIp, createTenantFixture, openSurveyFor, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * The survey form's Server Actions (app/actions/surveys.ts) through their real path: the server caller built
 * from the request's headers, the procedure's schema, access check, rate limits and service. Next's request
 * scope (next/headers) is supplied per call; the signed-in user is bound the way the pages matrix binds it.
 * Each refusal must read exactly as the /api/trpc route words it for the same input.
 */
const req = vi.hoisted((): { user: SessionUser | null; ip: string } => ({ user: null, ip: "198.51.100.9" }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: () => new Headers({ host: "localhost:3000", "x-forwarded-for": req.ip }),
  cookies: () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("@/server/auth/current-user", () => ({ currentUser: () => req.user, loadSessionUser: () => req.user }));

const as = (user: SessionUser | null) => {
  req.user = user;
  req.ip = callerIp();
};
const answers = (surveyId: string) => testDb().surveyResponse.count({ where: { surveyId } });

/** The route's message and field errors for the same call, as the tRPC client would read them. */
async function overRoute(path: string, input: unknown) {
  const res = await trpcPost(
    new Request(`http://localhost:3000/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": callerIp() },
      body: JSON.stringify({ json: input }),
    }),
  );
  const body = (await res.json()) as { error: { json: { message: string; data: unknown } } };
  return readError(body.error.json);
}

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("survey-actions");
});

describe("answerSurveyByToken (the one-time link)", () => {
  it("records the answer once and says ok", async () => {
    as(null);
    const { surveyId, token } = await openSurveyFor(f);
    expect(await answerSurveyByToken({ token, score: 8, comment: " Fine. " })).toEqual({ ok: true });
    const row = await testDb().surveyResponse.findUniqueOrThrow({ where: { surveyId } });
    expect(row).toMatchObject({ score: 8, comment: "Fine.", userId: f.users.CUSTOMER.id });
    const again = await answerSurveyByToken({ token, score: 9 });
    expect(again.ok).toBe(false);
    expect(await answers(surveyId)).toBe(1);
  });

  it("refuses a bad score and an overlong comment under their fields, as the route does, writing nothing", async () => {
    as(null);
    const { surveyId, token } = await openSurveyFor(f);
    const input = { token, score: 11, comment: "x".repeat(2001) };
    const result = await answerSurveyByToken(input);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining("Choose a score from 0 to 10") as string,
      fieldErrors: { score: "Choose a score from 0 to 10", comment: "Comments are at most 2000 characters" },
    });
    const view = readError(result);
    expect(view).toEqual({ ...(await overRoute("surveys.answerByToken", input)), code: undefined });
    expect(await answers(surveyId)).toBe(0);
  });

  it("refuses an unknown link with the route's words", async () => {
    as(null);
    const input = { token: "A".repeat(43), score: 5 };
    const result = await answerSurveyByToken(input);
    expect(result.ok).toBe(false);
    expect(readError(result)?.message).toBe((await overRoute("surveys.answerByToken", input))?.message);
    expect(readError(result)?.message).toMatch(/This survey link is not valid/);
  });

  it("counts against the link's rate limit like the route (20 calls, then refused with the wait)", async () => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: new Date(Date.now() - 1000) });
    const messages: string[] = [];
    for (let i = 0; i <= 20; i += 1) {
      as(null);
      const result = await answerSurveyByToken({ token, score: 7 });
      messages.push(result.ok ? "ok" : result.message);
    }
    expect(messages.slice(0, 20).every((m) => !/Too many/.test(m) && m !== "ok")).toBe(true);
    expect(messages[20]).toMatch(/Too many requests for this survey link/);
    expect(await answers(surveyId)).toBe(0);
  });
});

describe("answerPortalSurvey (signed-in customer)", () => {
  it("records the customer's answer", async () => {
    const { surveyId } = await openSurveyFor(f);
    as(f.users.CUSTOMER);
    expect(await answerPortalSurvey({ surveyId, score: 10 })).toEqual({ ok: true });
    expect(await answers(surveyId)).toBe(1);
  });

  it("refuses the signed-out, staff and other tenants alike, writing nothing", async () => {
    const { surveyId } = await openSurveyFor(f);
    const other = await createTenantFixture("survey-actions-other");
    for (const [user, message] of [
      [null, "Sign in to continue."],
      [f.users.CSM, "You do not have access to this."],
      [other.users.CUSTOMER, "Survey not found"],
    ] as const) {
      as(user);
      expect(await answerPortalSurvey({ surveyId, score: 10 })).toMatchObject({ ok: false, message });
    }
    expect(await answers(surveyId)).toBe(0);
  });
});
