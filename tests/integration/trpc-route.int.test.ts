import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { POST } from "@/app/api/trpc/[trpc]/route";
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
