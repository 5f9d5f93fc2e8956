import { randomUUID } from "node:crypto";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET as healthGet } from "@/app/api/health/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { proxy } from "@/proxy";
import { requirePermission } from "@/server/auth/guard";
import type { SessionUser } from "@/server/auth/session-user";
import { listMigrations } from "@/server/db/migrate";
import { runJob, type JobDefinition } from "@/server/jobs/runner";
import { logger, logStreams } from "@/server/logger";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * Operability (docs/security.md, item 1's "denials are logged"): the real logger's JSON lines, read from a
 * capture stream added to its multistream, for a page denial, a job run and a tRPC request — each with
 * its request id — and secrets redacted. Next's request scope (next/headers) and the page's signed-in user
 * are supplied; the guard, the runner, the tRPC route and the logger are the production code.
 */
const req = vi.hoisted(() => ({ headers: new Headers(), user: null as SessionUser | null }));
// as in pages-matrix.int.test.ts: next-auth's auth() cannot read a session cookie under vitest, so the page's
// signed-in user is supplied (a real fixture user); everything after it — the guard, the logger — is real
vi.mock("@/server/auth/current-user", () => ({ currentUser: () => req.user }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: () => req.headers,
  cookies: () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
}));

type Line = Record<string, unknown> & { msg: string; level: number };
const lines: Line[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const text of chunk.toString("utf8").split("\n")) if (text.trim()) lines.push(JSON.parse(text) as Line);
    done();
  },
});
const linesWith = (requestId: string) => lines.filter((l) => l.requestId === requestId);
const checks: string[] = [];

let f: TenantFixture;
const level = logger.level;
beforeAll(async () => {
  f = await createTenantFixture("ops");
  logStreams.add({ level: "trace", stream: capture });
  logger.level = "info";
});
afterAll(() => {
  logger.level = level;
  recordFigure("operability", { title: "Operability logs", lines: checks, ok: checks.length === 6 });
});

describe("structured logs carry the request id", () => {
  it("proxy.ts gives every page request an id (on the request for the page, and on the response), keeping a sane one", () => {
    const fresh = proxy(new NextRequest("http://localhost/leads"));
    const id = fresh.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("x-middleware-request-x-request-id")).toBe(id);
    expect(fresh.headers.get("x-middleware-request-x-request-path")).toBe("/leads");
    expect(
      proxy(new NextRequest("http://localhost/", { headers: { "x-request-id": "lb-42" } })).headers.get("x-request-id"),
    ).toBe("lb-42");
    expect(
      proxy(new NextRequest("http://localhost/", { headers: { "x-request-id": "bad id; with spaces" } })).headers.get(
        "x-request-id",
      ),
    ).not.toContain("bad");
    checks.push("proxy: x-request-id on page requests and responses ✓");
  });

  it("a denied page (requirePermission) logs who, what and the request id at warn", async () => {
    const requestId = `page-${randomUUID()}`;
    req.user = f.users.CUSTOMER;
    req.headers = new Headers({ "x-request-id": requestId, "x-request-path": "/settings" });
    await expect(requirePermission("users:manage")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    const [line] = linesWith(requestId);
    expect(line).toMatchObject({
      msg: "page denied: missing permission",
      level: 40,
      userId: f.users.CUSTOMER.id,
      role: "CUSTOMER",
      tenantId: f.tenant.id,
      permission: "users:manage",
      path: "/settings",
    });
    expect(typeof line?.time).toBe("number");
    checks.push("page denial: 1 warn line with user, role, tenant, permission, path, request id ✓");
  });

  it("a job run logs its start and finish with the run id as request id, counts and duration", async () => {
    const def: JobDefinition = {
      name: "account-scores",
      title: "ops test",
      description: "",
      schedule: "* * * * *",
      period: () => `ops-${randomUUID()}`,
      // eslint-disable-next-line @typescript-eslint/require-await -- JobDefinition.run returns a promise; this one has nothing to wait for
      run: async (ctx) => (ctx.count(f.tenant.id, "checked", 2), "done"),
    };
    const result = await runJob(testDb(), def, { now: new Date() });
    expect(result.status).toBe("succeeded");
    const run = linesWith(result.runId ?? "");
    expect(run.map((l) => l.msg)).toEqual(["job run started", "job run finished"]);
    expect(run[1]).toMatchObject({
      job: "account-scores",
      periodKey: result.periodKey,
      outcome: "done",
      counts: { [f.tenant.id]: { checked: 2 } },
      errors: 0,
    });
    expect(typeof run[1]?.durationMs).toBe("number");
    checks.push("job run: start + finish lines with run id, counts, duration, errors ✓");
  });

  it("a tRPC request logs its access line and its denial with the caller's request id, and returns it", async () => {
    const requestId = `trpc-${randomUUID()}`;
    req.headers = new Headers();
    req.user = null;
    const res = await trpcGet(
      new Request("http://localhost/api/trpc/leads.list", { headers: { "x-request-id": requestId } }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    const msgs = linesWith(requestId).map((l) => l.msg);
    expect(msgs).toEqual(["denied: not signed in", "trpc request"]);
    expect(linesWith(requestId)[1]).toMatchObject({ paths: ["leads.list"], status: 401, method: "GET" });
    checks.push("tRPC: access line + denial line with request id, id echoed ✓");
  });

  it("redacts secrets wherever they sit", () => {
    const requestId = `redact-${randomUUID()}`;
    logger.info(
      {
        requestId,
        password: "hunter2",
        token: "onw_secret",
        headers: { authorization: "Bearer onw_x", cookie: "authjs.session-token=abc" },
        user: { passwordHash: "$argon2id$x" },
      },
      "redaction probe",
    );
    const text = JSON.stringify(linesWith(requestId));
    for (const secret of ["hunter2", "onw_secret", "Bearer onw_x", "authjs.session-token=abc", "$argon2id$x"])
      expect(text).not.toContain(secret);
    expect(text).toContain("[Redacted]");
    checks.push("redaction: password, token, authorization, cookie, password hash ✓");
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the newest migration (503 when the database is down: tests/integration/health.int.test.ts)", async () => {
    const newest = listMigrations(path.join(import.meta.dirname, "..", "..", "prisma", "migrations")).at(-1)?.name;
    const res = await healthGet();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "up", migration: newest });
    checks.push(`health: 200 naming ${newest} ✓ (503 when down: health.int.test.ts)`);
  });
});
