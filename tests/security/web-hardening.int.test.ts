import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { GET as exportLeads } from "@/app/api/leads/export/route";
import { GET as certificate } from "@/app/api/portal/certificate/[milestoneId]/route";
import { errorResponse } from "@/server/http/rest";
import { logger } from "@/server/logger";
import type { SessionUser } from "@/server/auth/session-user";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { recordFigure } from "./figures";

/**
 * Web hardening over the real route handlers (docs/security.md#web-hardening-decisions): cross-site POSTs to /api/trpc refused,
 * the cookie-authenticated REST routes are GET-only and change nothing, error bodies carry no stack
 * or SQL in production, Next.js's internal "bypass" headers change nothing, denials and failures are
 * logged with a request id. The signed-in user comes from a mocked currentUser() (the session cookie
 * itself is covered by session-cookies.int.test.ts).
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => session.user,
  loadSessionUser: () => session.user,
}));

const failure = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock("@/server/services/leads", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/services/leads")>();
  return {
    ...original,
    leadsPage: (...args: Parameters<typeof original.leadsPage>) => {
      const error = failure.next;
      failure.next = null;
      if (error) throw error;
      return original.leadsPage(...args);
    },
  };
});

let f: TenantFixture;
let checks = 0;
const tally = <T>(value: T) => {
  checks += 1;
  return value;
};

beforeAll(async () => {
  f = await createTenantFixture("hardening");
});

const APP = "http://localhost:3000";
const leadInput = (company: string) =>
  JSON.stringify({ json: { company, contactName: "Casey Cross", contactEmail: "casey@example.com" } });
const leadsNamed = (company: string) => testDb().lead.count({ where: { tenantId: f.tenant.id, company } });

function post(path: string, body: string, headers: Record<string, string>) {
  return trpcPost(new Request(`${APP}/api/trpc/${path}`, { method: "POST", headers, body }));
}

type TrpcError = { error: { json: { message: string; data: { code: string; httpStatus: number; path?: string } } } };

describe("cross-site requests to /api/trpc", () => {
  const refused: [string, Record<string, string>, number][] = [
    ["another site's Origin", { origin: "https://evil.example", "content-type": "application/json" }, 403],
    ["a look-alike Origin", { origin: "http://localhost:3000.evil.example", "content-type": "application/json" }, 403],
    ["Origin: null (sandboxed frame)", { origin: "null", "content-type": "application/json" }, 403],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", "content-type": "application/json" }, 403],
    [
      "Sec-Fetch-Site: same-site (a sibling subdomain)",
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
      403,
    ],
    ["a text/plain body (a form on another site)", { "content-type": "text/plain" }, 415],
    ["a urlencoded form body", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["a multipart form body", { "content-type": "multipart/form-data; boundary=x" }, 415],
    ["no content type", {}, 415],
    ["text/plain from another site", { origin: "https://evil.example", "content-type": "text/plain" }, 403],
  ];

  it.each(refused)("refuses a POST with %s before running the procedure", async (label, headers, status) => {
    session.user = f.users.CSM;
    const company = `CSRF ${label} ${f.tag}`;
    const res = await post("leads.create", leadInput(company), headers);
    expect(tally(res.status)).toBe(status);
    const body = (await res.json()) as TrpcError;
    expect(body.error.json.data).toMatchObject({ httpStatus: status, path: "leads.create" });
    expect(await leadsNamed(company), "nothing written").toBe(0);
  });

  it("answers a refused batch with one error per call, as the client expects", async () => {
    session.user = f.users.CSM;
    const res = await post("leads.create,leads.create?batch=1", JSON.stringify({ 0: { json: {} }, 1: { json: {} } }), {
      origin: "https://evil.example",
      "content-type": "application/json",
    });
    expect(tally(res.status)).toBe(403);
    expect(((await res.json()) as TrpcError[]).map((e) => e.error.json.data.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });

  it("accepts the app's own pages (APP_URL or this host), and callers that send no browser headers", async () => {
    session.user = f.users.CSM;
    const cases: [string, Record<string, string>, string?][] = [
      ["APP_URL", { origin: APP, "sec-fetch-site": "same-origin" }],
      [
        "this host behind a proxy",
        { origin: "https://onward.example.com", host: "onward.example.com" },
        "http://onward.example.com",
      ],
      ["a server-side caller", {}],
      ["JSON with a charset", { "content-type": "application/json; charset=utf-8" }],
    ];
    for (const [label, headers, base] of cases) {
      const company = `Same-origin ${label} ${f.tag}`;
      const url = `${base ?? APP}/api/trpc/leads.create`;
      const res = await trpcPost(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: leadInput(company),
        }),
      );
      expect(tally(res.status), label).toBe(200);
      expect(await leadsNamed(company), label).toBe(1);
    }
  });

  it("never runs a mutation over GET (no state change from a link or an <img>)", async () => {
    session.user = f.users.CSM;
    const company = `GET mutation ${f.tag}`;
    const res = await trpcGet(
      new Request(`${APP}/api/trpc/leads.create?input=${encodeURIComponent(leadInput(company))}`, {
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(tally(res.status)).toBe(405);
    expect(await leadsNamed(company)).toBe(0);
  });
});

describe("REST routes that use the session cookie", () => {
  it("are GET-only: /api/leads/export and /api/portal/certificate export no state-changing method", async () => {
    for (const path of ["@/app/api/leads/export/route", "@/app/api/portal/certificate/[milestoneId]/route"]) {
      const mod = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
      const methods = ["POST", "PUT", "PATCH", "DELETE"].filter((m) => m in mod);
      expect(tally(methods), path).toEqual([]);
    }
  });

  it("write nothing when called (the CSV export and the certificate only read)", async () => {
    const counts = async () => ({
      audit: await testDb().auditEvent.count({ where: { tenantId: f.tenant.id } }),
      leads: await testDb().lead.count({ where: { tenantId: f.tenant.id } }),
      sessions: await testDb().userSession.count({ where: { tenantId: f.tenant.id } }),
    });
    const before = await counts();
    session.user = f.users.CSM;
    const csv = await exportLeads(new Request(`${APP}/api/leads/export?stage=NEW`));
    expect(tally(csv.status)).toBe(200);
    await csv.text();
    const week = await testDb().milestone.findFirstOrThrow({ where: { projectId: f.projectA.id, weekNumber: 1 } });
    session.user = f.users.CUSTOMER;
    const cert = await certificate(new Request(`${APP}/api/portal/certificate/${week.id}`), {
      params: Promise.resolve({ milestoneId: week.id }),
    });
    expect(tally([200, 404]), "the certificate answers (404 when week 1 has no sign-off yet)").toContain(cert.status);
    await cert.text();
    expect(tally(await counts())).toEqual(before);
  });
});

describe("error bodies in production", () => {
  it("a failing procedure answers a generic 500 — no stack, no SQL, no file paths — and logs the details with the request id", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const logged = vi.spyOn(logger, "error");
    try {
      session.user = f.users.CSM;
      failure.next = new Error('invalid input syntax: SELECT "passwordHash" FROM "User" WHERE id = $1');
      const res = await trpcGet(
        new Request(`${APP}/api/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
          headers: { "x-request-id": "req-hardening-500" },
        }),
      );
      expect(tally(res.status)).toBe(500);
      expect(res.headers.get("x-request-id")).toBe("req-hardening-500");
      const text = await res.text();
      for (const leak of ["SELECT", "passwordHash", "stack", "at ", "/work/", "node_modules", ".ts:"])
        expect(tally(text), `body leaks ${leak}`).not.toContain(leak);
      expect((JSON.parse(text) as TrpcError).error.json.message).toMatch(/Something went wrong on our side/);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ path: "leads.list", requestId: "req-hardening-500" }),
        "procedure failed",
      );
    } finally {
      logged.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it("malformed requests answer 4xx without internals", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      session.user = f.users.CSM;
      const bad = [
        await post("leads.create", "{not json", { "content-type": "application/json" }),
        await post("no.such.procedure", "{}", { "content-type": "application/json" }),
        await trpcGet(new Request(`${APP}/api/trpc/leads.list?input=%7B%7B`)),
        await post("leads.create", JSON.stringify({ json: { company: 42 } }), { "content-type": "application/json" }),
      ];
      for (const res of bad) {
        expect(tally(res.status)).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const text = await res.text();
        expect(text).not.toMatch(/"stack"|node_modules|\.ts:\d+|at [\w.]+ \(/);
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("REST routes answer a bare 500 for unexpected errors", async () => {
    const res = errorResponse(
      new Error('duplicate key value violates unique constraint "User_email_key" (SELECT * FROM "User")'),
      "req-rest-500",
      "/api/v1/evidence",
    );
    expect(tally(res.status)).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/SELECT|User_email_key|stack/);
  });
});

describe("Next.js internal headers (CVE-2025-29927 and kin) reach nothing protected", () => {
  const BYPASS = {
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    "x-middleware-prefetch": "1",
    "x-invoke-path": "/api/trpc/users.list",
    "x-invoke-status": "200",
    "x-nextjs-data": "1",
    "x-now-route-matches": "1",
    rsc: "1",
    "next-router-prefetch": "1",
    "x-forwarded-host": "localhost:3000",
  };

  it("an anonymous caller stays unauthorized and a CSM stays forbidden from admin procedures", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 10 } }));
    session.user = null;
    const anonymous = await trpcGet(new Request(`${APP}/api/trpc/users.list?input=${input}`, { headers: BYPASS }));
    expect(tally(anonymous.status)).toBe(401);
    session.user = f.users.CSM;
    const csm = await trpcGet(new Request(`${APP}/api/trpc/users.list?input=${input}`, { headers: BYPASS }));
    expect(tally(csm.status)).toBe(403);
    const company = `Bypass ${f.tag}`;
    session.user = f.users.EXECUTIVE;
    const write = await post("leads.create", leadInput(company), { ...BYPASS, "content-type": "application/json" });
    expect(tally(write.status)).toBe(403);
    expect(await leadsNamed(company)).toBe(0);
  });
});

describe("logs", () => {
  it("denials are logged with who, what and the request id (pino adds when)", async () => {
    const info = vi.spyOn(logger, "info");
    try {
      session.user = f.users.TECH_LEAD;
      const res = await trpcGet(
        new Request(`${APP}/api/trpc/leads.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
          headers: { "x-request-id": "req-denied-1" },
        }),
      );
      expect(tally(res.status)).toBe(403);
      expect(info).toHaveBeenCalledWith(
        expect.objectContaining({
          path: "leads.list",
          userId: f.users.TECH_LEAD.id,
          role: "TECH_LEAD",
          permission: "pipeline:read",
          requestId: "req-denied-1",
        }),
        "denied: missing permission",
      );
    } finally {
      info.mockRestore();
    }
  });

  it("every tRPC response carries a request id; a hostile one is replaced", async () => {
    session.user = f.users.CSM;
    const url = `${APP}/api/trpc/session.me`;
    const fresh = (await trpcGet(new Request(url))).headers.get("x-request-id") ?? "";
    expect(tally(fresh)).toMatch(/^[0-9a-f-]{36}$/);
    const hostile =
      (
        await trpcGet(new Request(url, { headers: { "x-request-id": `a"}{"admin":true ${"x".repeat(300)}` } }))
      ).headers.get("x-request-id") ?? "";
    expect(tally(hostile)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports the figure", () => {
    recordFigure("web-hardening", {
      title: "web hardening",
      lines: [
        `${checks} checks: cross-site POSTs refused (403/415), cookie routes GET-only and read-only, no internals in error bodies, bypass headers inert, denials logged with request id`,
      ],
      ok: true,
    });
  });
});

describe("bodies posted to /api/auth", () => {
  it("refuse a body over 16 KB with 413 before Auth.js reads it, and still take a normal sign-in post", async () => {
    const { POST: authPost, GET: authGet } = await import("@/app/api/auth/[...nextauth]/route");
    const big = new NextRequest("http://localhost/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=a%40b.test&pad=${"x".repeat(20 * 1024 * 1024)}`,
    });
    const refused = await authPost(big);
    expect(refused.status).toBe(413);
    const lying = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * 1024 * 1024) },
      body: "email=a",
    });
    expect((await authPost(lying)).status).toBe(413);
    // a small post reaches Auth.js: without its CSRF token it is sent back to the sign-in page, not refused here
    const csrf = await authGet(new NextRequest("http://localhost/api/auth/csrf"));
    expect(csrf.status).toBe(200);
    const small = await authPost(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "email=a%40b.test&password=x",
      }),
    );
    expect(small.status).not.toBe(413);
  });
});
