import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { createInnerContext, sessionCallsWait } from "@/server/api/trpc";
import { callerFor, createTenantFixture, testDb } from "../helpers/fixtures";

describe("/api/trpc body limit", () => {
  it("refuses a body over 512 KB with 413 in tRPC's error shape, one entry per batched call", async () => {
    const big = JSON.stringify({ 0: { json: { comment: "x".repeat(600 * 1024) } } });
    const res = await POST(
      new Request("http://localhost/api/trpc/signoffs.sign,surveys.answer?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
      }),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string; path: string } } } }[];
    expect(body.map((b) => b.error.json.data.path)).toEqual(["signoffs.sign", "surveys.answer"]);
    expect(body[0]?.error.json.message).toMatch(/larger than 512 KB/);
  });

  it("refuses a lying Content-Length before reading", async () => {
    const res = await POST(
      new Request("http://localhost/api/trpc/leads.create", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) },
        body: "{}",
      }),
    );
    expect(res.status).toBe(413);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("a lone surrogate or a NUL is a 400 naming the field, and nothing is written", async () => {
    const f = await createTenantFixture("unstorable");
    const caller = callerFor(f.users.TECH_LEAD);
    for (const name of ["\uDFFFx", "a\u0000b"]) {
      const error = await caller.apiTokens.create({ projectId: f.projectA.id, name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).toMatch(/NUL characters or broken Unicode/);
    }
    expect(await testDb().apiToken.count({ where: { projectId: f.projectA.id } })).toBe(0);
  });
});

describe("/api/trpc batches and per-session limit", () => {
  const batch = (n: number) =>
    new Request(
      `http://localhost/api/trpc/${Array.from({ length: n }, () => "notifications.unreadCount").join(",")}?batch=1&input={}`,
    );

  it("refuses more than 10 calls in one request with a 400 naming the limit, before any call runs", async () => {
    const res = await GET(batch(11));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string } } }[];
    expect(body).toHaveLength(11);
    expect(body[0]?.error.json.message).toBe("Too many calls in one request (11); send at most 10.");
    // ten is the client's own batch size: not refused for its size (the next check answers: not JSON → 415)
    const ten = batch(10);
    const res10 = await POST(
      new Request(ten.url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
    );
    expect(res10.status).toBe(415);
  });

  it("counts a signed-in session's calls and makes it wait past 600 a minute", async () => {
    const f = await createTenantFixture("trpc-session-limit");
    const ctx = createInnerContext({ user: { ...f.users.CSM, sessionId: `limit-${Date.now()}` }, db: testDb() });
    expect(await sessionCallsWait(ctx, 600)).toBe(0);
    expect(await sessionCallsWait(ctx, 1)).toBeGreaterThan(0);
    // another session of the same person is counted on its own
    expect(await sessionCallsWait({ ...ctx, user: { ...f.users.CSM, sessionId: `other-${Date.now()}` } }, 1)).toBe(0);
    expect(await sessionCallsWait(createInnerContext({ user: null, db: testDb() }), 10_000)).toBe(0);
  });
});
