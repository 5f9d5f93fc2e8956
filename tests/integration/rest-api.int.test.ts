import { readdirSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiJson } from "@/app/api/v1/openapi.json/route";
import { API_KEY_SCOPES } from "@/lib/schemas/api-keys";
import {
  ALL_FULL_ANSWERS,
  callerFor,
  createLeadFor,
  createTenantFixture,
  journeyFor,
  shapeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import {
  answered,
  callOperation,
  expectConforming,
  nonConformance,
  operations,
  rawDocument,
} from "../helpers/openapi-client";

/**
 * The integration REST API (docs/api.md) against its own OpenAPI document: the document is valid
 * OpenAPI 3.1, lists every /api/v1 route, and every operation's real answers — successes and refusals —
 * conform to it. Scopes (403), other workspaces' ids (404), bad input (400 naming the field), cursor
 * paging with updated_since, and Idempotency-Key replays.
 */
let a: TenantFixture;
let b: TenantFixture;
let full: string;
let readOnly: string;
let otherFull: string;
let ci: string;

const keyWith = async (f: TenantFixture, scopes: string[], name = "REST test") =>
  (await callerFor(f.users.ADMIN).apiKeys.create({ name, scopes: scopes as never })).token;

beforeAll(async () => {
  a = await createTenantFixture("rest-a");
  b = await createTenantFixture("rest-b");
  full = await keyWith(a, [...API_KEY_SCOPES]);
  readOnly = await keyWith(a, ["leads:read", "projects:read", "journeys:read"]);
  otherFull = await keyWith(b, [...API_KEY_SCOPES]);
  ci = (await callerFor(a.users.TECH_LEAD).apiTokens.create({ projectId: a.projectA.id, name: "CI" })).token;
});

const NEW_LEAD = { company: "Northwind Health", contactName: "Dana Reyes", contactEmail: "dana@northwind.example" };

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and is served at /api/v1/openapi.json without a key", async () => {
    const res = await openApiJson(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    const served = (await res.json()) as { openapi: string };
    expect(served.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(served) as never)).resolves.toBeTruthy();
  });

  it("documents every /api/v1 route and method, and nothing else", async () => {
    const v1 = path.resolve(import.meta.dirname, "..", "..", "app", "api", "v1");
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : e.name === "route.ts" ? [dir] : [],
      );
    const routes = files(v1)
      .map((d) => `/${path.relative(v1, d).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
      // the document itself, and the CI step's script (a file to download, docs/ci-evidence.md#one-line-ci-step)
      .filter((r) => r !== "/openapi.json" && r !== "/evidence/cli.mjs")
      .sort();
    const doc = rawDocument() as { paths: Record<string, object> };
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
    for (const { path: p, method } of await operations()) {
      const mod = (await import(
        /* @vite-ignore */ path.join(v1, ...p.replace(/\{(\w+)\}/g, "[$1]").split("/"), "route.ts")
      )) as Record<string, unknown>;
      expect(typeof mod[method], `${method} ${p}`).toBe("function");
    }
  });

  it("is rendered at /docs/api with every operation, without a script of its own", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { default: ApiReferencePage } = await import("@/app/(public)/docs/api/page");
    const html = renderToStaticMarkup(ApiReferencePage());
    for (const { path: p, op } of await operations()) {
      expect(html.includes(`>${op.summary.replaceAll("'", "&#x27;")}<`), op.summary).toBe(true);
      expect(html.includes(`>${p}<`), p).toBe(true);
    }
    expect(/<script|undefined|\[object Object\]|`/.exec(html)?.[0]).toBeUndefined();
  });

  it("names each error as problem details and each operation's auth scheme", async () => {
    for (const { path: p, method, op } of await operations()) {
      expect(op.responses["401"], `${method} ${p}`).toBeDefined();
      for (const [status, r] of Object.entries(op.responses))
        if (Number(status) >= 400)
          expect(Object.keys(r.content ?? {}), `${method} ${p} ${status}`).toEqual(["application/problem+json"]);
    }
  });
});

describe("leads", () => {
  it("create, get, move stage and list with cursor paging and updated_since, all as documented", async () => {
    const created = await expectConforming("/leads", "POST", { token: full, body: NEW_LEAD }, 201);
    const lead = created.body as { id: string; stage: string; updatedAt: string };
    expect(lead.stage).toBe("NEW");
    await expectConforming("/leads/{id}", "GET", { token: readOnly, params: { id: lead.id } }, 200);
    const moved = await expectConforming(
      "/leads/{id}/stage",
      "POST",
      { token: full, params: { id: lead.id }, body: { stage: "QUALIFYING" } },
      200,
    );
    expect((moved.body as { stage: string }).stage).toBe("QUALIFYING");

    // every lead of the workspace, one per page, each once
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await expectConforming(
        "/leads",
        "GET",
        { token: readOnly, query: { limit: "1", ...(cursor ? { cursor } : {}) } },
        200,
      );
      const body = page.body as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...body.data.map((l) => l.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = await testDb().lead.findMany({ where: { tenantId: a.tenant.id }, select: { id: true } });
    expect(seen.sort()).toEqual(all.map((l) => l.id).sort());
    expect(new Set(seen).size).toBe(seen.length);

    // updated_since: only what changed at or after the instant
    const since = await expectConforming(
      "/leads",
      "GET",
      { token: readOnly, query: { updated_since: (moved.body as { updatedAt: string }).updatedAt } },
      200,
    );
    expect((since.body as { data: { id: string }[] }).data.map((l) => l.id)).toContain(lead.id);
    const future = await expectConforming(
      "/leads",
      "GET",
      { token: readOnly, query: { updated_since: "2999-01-01T00:00:00Z" } },
      200,
    );
    expect(future.body).toEqual({ data: [], nextCursor: null });
  });

  it("bad input is a 400 problem naming the field; nothing is written", async () => {
    const before = await testDb().lead.count({ where: { tenantId: a.tenant.id } });
    const bad = await expectConforming(
      "/leads",
      "POST",
      { token: full, body: { ...NEW_LEAD, contactEmail: "nope" } },
      400,
    );
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.body).toMatchObject({
      status: 400,
      title: "Bad Request",
      fieldErrors: { contactEmail: expect.any(String) as string },
    });
    expect(await testDb().lead.count({ where: { tenantId: a.tenant.id } })).toBe(before);
    const lead = await createLeadFor(a);
    const jump = await expectConforming(
      "/leads/{id}/stage",
      "POST",
      { token: full, params: { id: lead.id }, body: { stage: "CONVERTED" } },
      400,
    );
    expect(Object.keys((jump.body as { fieldErrors: object }).fieldErrors)).toEqual(["stage"]);
    const limit = await expectConforming("/leads", "GET", { token: readOnly, query: { limit: "1000" } }, 400);
    expect(Object.keys((limit.body as { fieldErrors: object }).fieldErrors)).toEqual(["limit"]);
    const cursor = await expectConforming("/leads", "GET", { token: readOnly, query: { cursor: "garbage" } }, 400);
    expect(Object.keys((cursor.body as { fieldErrors: object }).fieldErrors)).toEqual(["cursor"]);
    await expectConforming("/leads", "GET", { token: readOnly, query: { updated_since: "yesterday" } }, 400);
    await expectConforming("/leads/{id}", "GET", { token: readOnly, params: { id: "bad id!" } }, 400);
  });

  it("the criteria list the keys a journey's answers take", async () => {
    const res = await expectConforming("/qualification-criteria", "GET", { token: readOnly }, 200);
    const keys = (res.body as { criteria: { key: string }[] }).criteria.map((c) => c.key);
    expect(keys.sort()).toEqual(Object.keys(ALL_FULL_ANSWERS).sort());
  });
});

describe("journeys, projects and evidence", () => {
  it("start a journey and read its status", async () => {
    const lead = await createLeadFor(a);
    const started = await expectConforming(
      "/customer-journey/initiate",
      "POST",
      { token: full, body: { leadId: lead.id, answers: ALL_FULL_ANSWERS } },
      200,
    );
    const { journeyId } = started.body as { journeyId: string };
    await expectConforming("/customer-journey/{id}/status", "GET", { token: readOnly, params: { id: journeyId } }, 200);
    await expectConforming("/customer-journey/initiate", "POST", { token: full, body: { leadId: 42 } }, 400);
  });

  it("list projects and read one with its milestones and guarantee", async () => {
    const list = await expectConforming("/projects", "GET", { token: readOnly, query: { limit: "100" } }, 200);
    const ids = (list.body as { data: { id: string }[] }).data.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([a.projectA.id, a.projectB.id]));
    expect(ids).not.toContain(b.projectA.id);
    const one = await expectConforming(
      "/projects/{id}",
      "GET",
      { token: readOnly, params: { id: a.projectA.id } },
      200,
    );
    const project = one.body as { milestones: unknown[]; guarantee: { status: string } | null };
    expect(project.milestones.length).toBeGreaterThan(0);
    expect(project.guarantee?.status).toBe("ACTIVE");
    await expectConforming("/projects", "GET", { token: readOnly, query: { limit: "0" } }, 400);
  });

  it("record CI evidence with a project token", async () => {
    await expectConforming(
      "/evidence",
      "POST",
      { token: ci, body: { coverage: 91, tests: { passed: 10, failed: 0 } } },
      201,
    );
    await expectConforming("/evidence", "POST", { token: ci, body: { coverage: 101 } }, 400);
    await expectConforming("/evidence", "POST", { token: ci, body: { projectId: a.projectB.id, coverage: 50 } }, 403);
  });
});

describe("authorization", () => {
  it("a key without the scope is refused with 403, a missing or unknown key with 401, all as problem details", async () => {
    const refused = await expectConforming("/leads", "POST", { token: readOnly, body: NEW_LEAD }, 403);
    expect((refused.body as { detail: string }).detail).toContain("leads:write");
    const journeysOnly = await keyWith(a, ["journeys:write"], "Journeys only");
    await expectConforming("/projects", "GET", { token: journeysOnly }, 403);
    await expectConforming(
      "/leads/{id}/stage",
      "POST",
      { token: readOnly, params: { id: a.lead.id }, body: { stage: "LOST" } },
      403,
    );
    for (const { path: p, method } of await operations()) {
      const call = { params: { id: a.lead.id }, body: method === "POST" ? {} : undefined };
      await expectConforming(p, method, { ...call, token: null }, 401);
      await expectConforming(p, method, { ...call, token: `onw_00000000_${"a".repeat(43)}` }, 401);
    }
    // a CI token is not a workspace key, and a workspace key is not a CI token
    await expectConforming("/leads", "GET", { token: ci }, 401);
    await expectConforming("/evidence", "POST", { token: full, body: { coverage: 1 } }, 401);
  });

  it("another workspace's ids read as not found", async () => {
    const journey = await journeyFor(a);
    await expectConforming("/leads/{id}", "GET", { token: otherFull, params: { id: a.lead.id } }, 404);
    await expectConforming(
      "/leads/{id}/stage",
      "POST",
      { token: otherFull, params: { id: a.lead.id }, body: { stage: "LOST" } },
      404,
    );
    await expectConforming("/projects/{id}", "GET", { token: otherFull, params: { id: a.projectA.id } }, 404);
    await expectConforming("/customer-journey/{id}/status", "GET", { token: otherFull, params: { id: journey } }, 404);
    await expectConforming(
      "/customer-journey/initiate",
      "POST",
      { token: otherFull, body: { leadId: a.lead.id } },
      404,
    );
    const other = await callOperation("/leads", "GET", { token: otherFull, query: { limit: "100" } });
    expect(other.text).not.toContain(a.lead.id);
    const stage = await testDb().lead.findUniqueOrThrow({ where: { id: a.lead.id }, select: { stage: true } });
    expect(stage.stage).toBe("NEW");
  });
});

describe("API key permissions, chosen in Settings → API keys", () => {
  it("are stored on the key and listed; an unknown one or none is refused naming scopes", async () => {
    const admin = callerFor(a.users.ADMIN);
    const created = await admin.apiKeys.create({ name: "Scoped", scopes: ["projects:read", "projects:read"] });
    expect(created.scopes).toEqual(["projects:read"]);
    expect((await admin.apiKeys.list()).find((k) => k.id === created.id)?.scopes).toEqual(["projects:read"]);
    const none = await shapeOf(admin.apiKeys.create({ name: "None", scopes: [] }), "apiKeys.create");
    expect(none?.data.fieldErrors).toEqual({ scopes: "Choose at least one permission" });
    const bad = await shapeOf(
      admin.apiKeys.create({ name: "Bad", scopes: ["evidence:write" as never] }),
      "apiKeys.create",
    );
    expect(bad?.data.fieldErrors).toEqual({ "scopes.0": "Choose among the listed permissions" });
    expect((await admin.apiKeys.create({ name: "Default" })).scopes).toEqual(["journeys:write"]);
    await admin.apiKeys.revoke({ tokenId: created.id });
  });
});

describe("Idempotency-Key", () => {
  it("a repeat returns the first answer without acting twice; another body with the same key is refused", async () => {
    const key = `create-${crypto.randomUUID()}`;
    const body = { ...NEW_LEAD, company: "Idempotent Inc" };
    const first = await expectConforming(
      "/leads",
      "POST",
      { token: full, body, headers: { "Idempotency-Key": key } },
      201,
    );
    const again = await expectConforming(
      "/leads",
      "POST",
      { token: full, body, headers: { "Idempotency-Key": key } },
      201,
    );
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await testDb().lead.count({ where: { tenantId: a.tenant.id, company: "Idempotent Inc" } })).toBe(1);
    await expectConforming(
      "/leads",
      "POST",
      { token: full, body: { ...body, company: "Other Inc" }, headers: { "Idempotency-Key": key } },
      422,
    );
    // keys are per workspace: the same key elsewhere is a new request
    await expectConforming("/leads", "POST", { token: otherFull, body, headers: { "Idempotency-Key": key } }, 201);
    // a refusal is stored too, and replayed as the same problem
    const badKey = `bad-${crypto.randomUUID()}`;
    const bad = { ...body, contactEmail: "x" };
    const refused = await expectConforming(
      "/leads",
      "POST",
      { token: full, body: bad, headers: { "Idempotency-Key": badKey } },
      400,
    );
    const replayed = await expectConforming(
      "/leads",
      "POST",
      { token: full, body: bad, headers: { "Idempotency-Key": badKey } },
      400,
    );
    expect(replayed.body).toEqual(refused.body);
    const malformed = await expectConforming(
      "/leads",
      "POST",
      { token: full, body, headers: { "Idempotency-Key": "é" } },
      400,
    );
    expect(Object.keys((malformed.body as { fieldErrors: object }).fieldErrors)).toEqual(["Idempotency-Key"]);
  });

  it("a stored answer older than 24 hours no longer replays", async () => {
    const key = `old-${crypto.randomUUID()}`;
    const body = { ...NEW_LEAD, company: "Expiring Co" };
    await expectConforming("/leads", "POST", { token: full, body, headers: { "Idempotency-Key": key } }, 201);
    await testDb().idempotencyKey.updateMany({
      where: { tenantId: a.tenant.id, key },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const later = await expectConforming(
      "/leads",
      "POST",
      { token: full, body, headers: { "Idempotency-Key": key } },
      201,
    );
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(await testDb().lead.count({ where: { tenantId: a.tenant.id, company: "Expiring Co" } })).toBe(2);
  });
});

describe("coverage", () => {
  it("every documented operation was called and answered with its success status", async () => {
    for (const { path: p, method, op } of await operations()) {
      const success = Object.keys(op.responses).find((s) => s.startsWith("2"));
      expect(answered.has(`${method} ${p} ${success}`), `${method} ${p} ${success}`).toBe(true);
    }
    // and the checker itself fails an undocumented answer
    expect(await nonConformance("/leads", "GET", { status: 418, headers: new Headers(), body: {} })).toMatch(
      /answered 418/,
    );
  });
});
