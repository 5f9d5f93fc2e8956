import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { POST as evidencePost } from "@/app/api/v1/evidence/route";
import { POST as journeyInitiate } from "@/app/api/v1/customer-journey/initiate/route";
import { GET as journeyStatus } from "@/app/api/v1/customer-journey/[id]/status/route";
import { GET as dossier } from "@/app/api/dossier/[projectId]/route";
import { GET as certificate } from "@/app/api/portal/certificate/[milestoneId]/route";
import { ZEvidencePayloadSchema } from "@/lib/schemas/evidence";
import { ZStartJourneySchema } from "@/lib/schemas/journeys";
import { appRouter } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session-user";
import { checkHealth } from "@/server/services/health";
import { callerFor, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { recordFigure } from "./figures";
import {
  PROTO_KEYS,
  POLLUTION,
  deepNesting,
  hostileNumber,
  hostileString,
  polluted,
  prototypeSnapshot,
  protoObject,
  shapedBy,
} from "./hostile";

/**
 * Malformed and hostile requests over HTTP, through the real route handlers (docs/security.md): /api/trpc
 * (every procedure, GET and POST, single and batched, superjson envelopes with hostile `meta` aimed at
 * prototype pollution, random bytes, deep nesting, wrong content types) and the REST API
 * (/api/v1/evidence, /api/v1/customer-journey/*) with valid tokens and bodies shaped by their zod
 * schemas. Expected: every answer below 500, Object.prototype untouched, the database healthy.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => session.user,
  loadSessionUser: () => session.user,
}));

const PER_PROCEDURE = Number(process.env.HTTP_FUZZ_RUNS ?? 20);
const REST_RUNS = Number(process.env.REST_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const procedures = Object.keys(
  (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures,
).sort();

let f: TenantFixture;
let before = "";
let cases = 0;
const failures: { what: string; status: number; body: string }[] = [];
const startedAt = Date.now();

/** JSON-safe hostile values (what a body can carry): no bigint, symbol, function or Date. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    {
      weight: 4,
      arbitrary: fc.oneof(hostileString, hostileNumber.filter(Number.isFinite), fc.boolean(), fc.constant(null)),
    },
    { weight: 2, arbitrary: protoObject },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.array(tie("v"), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, tie("v"), { maxKeys: 4 }) },
  ),
})).v;

/** JSON text of a value; the deepest nestings are sent as literal text instead (bodyText's constants). */
function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "null";
  }
}

/** superjson `meta` that tries to walk into prototypes or instantiate odd types */
const metaPath = fc.constantFrom(
  "",
  "a",
  "0",
  "__proto__",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "a.__proto__.polluted",
  "prototype",
  "a.b.c.d.e.f",
);
const hostileMeta = fc.record(
  {
    values: fc.dictionary(
      metaPath,
      fc.constantFrom<unknown>(
        ["Date"],
        ["map"],
        ["set"],
        ["bigint"],
        ["regexp"],
        ["undefined"],
        ["number"],
        ["class", "Object"],
        ["custom", "Function"],
        ["symbol", "x"],
        [["class", "__proto__"]],
        "Date",
        42,
        null,
      ),
      { maxKeys: 3 },
    ),
    referentialEqualities: fc.oneof(
      fc.dictionary(metaPath, fc.array(metaPath, { maxLength: 3 }), { maxKeys: 3 }),
      fc.constant(["__proto__"]),
    ),
  },
  { requiredKeys: [] },
);

/** A whole request body: wholly malformed text, or an envelope tRPC would parse. */
const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 3, arbitrary: jsonValue.map(toJson) },
  { weight: 4, arbitrary: fc.tuple(jsonValue, hostileMeta).map(([json, meta]) => toJson({ json, meta })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `{"json":{"__proto__":${JSON.stringify(POLLUTION)}}}`,
      `{"__proto__":{"json":1},"json":{"constructor":{"prototype":${JSON.stringify(POLLUTION)}}}}`,
      `{"0":{"json":{"__proto__":${JSON.stringify(POLLUTION)}}},"__proto__":{"polluted":"yes"}}`,
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`,
      `{"json":"${"x".repeat(600 * 1024)}"}`,
      "",
      "null",
      "{",
      "\u0000",
      '"\\u0000"',
      '{"json":"\\u0000"}',
      '{"json":{"id":"\\ud800"}}',
    ),
  },
);

type Case = {
  path: string;
  method: "GET" | "POST";
  batch: boolean;
  text: string;
  type: string;
  user: SessionUser | null;
};

function caseFor(procedure: string): fc.Arbitrary<Case> {
  return fc.record({
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constant(procedure) },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.constantFrom(...procedures), { minLength: 2, maxLength: 12 })
          .map((ps) => [procedure, ...ps].join(",")),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "__proto__",
          "constructor",
          "__proto__.polluted",
          `${procedure}.__proto__`,
          "constructor.prototype",
          "../../api/health",
          "%00",
          "a".repeat(5000),
          `${procedure},`.repeat(200),
        ),
      },
    ),
    method: fc.constantFrom("GET" as const, "POST" as const),
    batch: fc.boolean(),
    text: bodyText,
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constant("application/json") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "text/plain",
          "application/json; charset=utf-16",
          "multipart/form-data",
          "application/octet-stream",
          "",
        ),
      },
    ),
    user: fc.constantFrom(null, f.users.ADMIN, f.users.CSM, f.users.CUSTOMER),
  });
}

function requestFor(c: Case): Request {
  const base = `http://localhost:3000/api/trpc/${encodeURIComponent(c.path).replace(/%2C/g, ",").replace(/%2E/g, ".")}`;
  const text = c.batch ? `{"0":${c.text || "null"}}` : c.text;
  if (c.method === "GET")
    return new Request(
      `${base}?${c.batch ? "batch=1&" : ""}input=${encodeURIComponent(text.slice(0, 8_000).toWellFormed())}`,
    );
  return new Request(`${base}${c.batch ? "?batch=1" : ""}`, {
    method: "POST",
    headers: c.type ? { "content-type": c.type } : {},
    body: text,
  });
}

async function expectBelow500(what: string, res: Response) {
  cases += 1;
  const body = await res.text();
  if (res.status >= 500) failures.push({ what, status: res.status, body: body.slice(0, 300) });
}

beforeAll(async () => {
  before = prototypeSnapshot();
  f = await createTenantFixture("http-fuzz");
});

afterAll(() => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  recordFigure("http-fuzz", {
    title: "fuzzing (HTTP)",
    lines: [
      `${cases} requests in ${seconds} s (seed ${SEED}): /api/trpc ${procedures.length} procedures × ${PER_PROCEDURE} malformed/hostile requests + REST 3 routes × ${REST_RUNS} + cookie routes' parameters × ${REST_RUNS}`,
      `${failures.length} responses ≥ 500, prototype pollution: ${polluted().length === 0 && prototypeSnapshot() === before ? "none" : "FOUND"}`,
    ],
    ok: failures.length === 0,
  });
});

describe("malformed and hostile requests over HTTP", () => {
  it.each(procedures)("/api/trpc/%s never answers ≥ 500", { timeout: 300_000 }, async (procedure) => {
    const start = failures.length;
    await fc.assert(
      fc.asyncProperty(caseFor(procedure), async (c) => {
        session.user = c.user;
        const req = requestFor(c);
        await expectBelow500(
          `${c.method} ${req.url.slice(0, 120)} ${c.text.slice(0, 120)}`,
          c.method === "GET" ? await trpcGet(req) : await trpcPost(req),
        );
        return true;
      }),
      { numRuns: PER_PROCEDURE, seed: SEED + procedures.indexOf(procedure) },
    );
    expect(failures.slice(start, start + 3)).toEqual([]);
  });

  it(`REST: /api/v1/evidence with a valid token and ${REST_RUNS} hostile bodies`, { timeout: 300_000 }, async () => {
    // one token per 100 posts keeps the per-token rate limit (120 a minute) out of the way
    const tokens: { token: string }[] = [];
    for (let n = 0; n < Math.ceil(REST_RUNS / 100); n += 1)
      tokens.push(await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: `Fuzz ${n}` }));
    const start = failures.length;
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: shapedBy(ZEvidencePayloadSchema, [f.projectA.id, f.projectB.id]).map(toJson) },
          { weight: 1, arbitrary: bodyText },
        ),
        async (text) => {
          const token = tokens[Math.floor(i++ / 100)]?.token ?? "";
          const res = await evidencePost(
            new Request("http://localhost/api/v1/evidence", {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: text,
            }),
          );
          await expectBelow500(`POST /api/v1/evidence ${text.slice(0, 200)}`, res);
          return true;
        },
      ),
      { numRuns: REST_RUNS, seed: SEED },
    );
    expect(failures.slice(start, start + 3)).toEqual([]);
  });

  it(
    `REST: /api/v1/customer-journey/* with a valid key and ${REST_RUNS} hostile bodies and ids`,
    { timeout: 300_000 },
    async () => {
      // one key per 50 calls (the per-key limit is 60 a minute); a tenant holds at most 10 active keys
      const keys: { token: string }[] = [];
      for (let n = 0; n < Math.min(10, Math.ceil((2 * REST_RUNS) / 50)); n += 1)
        keys.push(await callerFor(f.users.ADMIN).apiKeys.create({ name: `Fuzz ${n}` }));
      const start = failures.length;
      let i = 0;
      const key = () => keys[Math.floor(i++ / 50) % keys.length]?.token ?? "";
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 3, arbitrary: shapedBy(ZStartJourneySchema, [f.lead.id]).map(toJson) },
            { weight: 1, arbitrary: bodyText },
          ),
          async (text) => {
            const res = await journeyInitiate(
              new Request("http://localhost/api/v1/customer-journey/initiate", {
                method: "POST",
                headers: { authorization: `Bearer ${key()}`, "content-type": "application/json" },
                body: text,
              }),
            );
            await expectBelow500(`POST /api/v1/customer-journey/initiate ${text.slice(0, 200)}`, res);
            return true;
          },
        ),
        { numRuns: REST_RUNS, seed: SEED },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom(...PROTO_KEYS)), async (id) => {
          const res = await journeyStatus(
            new Request(
              `http://localhost/api/v1/customer-journey/${encodeURIComponent(id.slice(0, 2000).toWellFormed())}/status`,
              { headers: { authorization: `Bearer ${key()}` } },
            ),
            { params: Promise.resolve({ id }) },
          );
          await expectBelow500(`GET /api/v1/customer-journey/${JSON.stringify(id.slice(0, 80))}/status`, res);
          return true;
        }),
        { numRuns: REST_RUNS, seed: SEED },
      );
      expect(failures.slice(start, start + 3)).toEqual([]);
    },
  );

  it(
    "cookie routes with hostile route parameters (certificate, dossier) never answer ≥ 500",
    { timeout: 300_000 },
    async () => {
      const start = failures.length;
      const routes = [
        [
          "/api/portal/certificate",
          (r: Request, id: string) => certificate(r, { params: Promise.resolve({ milestoneId: id }) }),
        ],
        ["/api/dossier", (r: Request, id: string) => dossier(r, { params: Promise.resolve({ projectId: id }) })],
      ] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom(f.users.ADMIN, f.users.CUSTOMER),
          fc.oneof(hostileString, fc.constantFrom(...PROTO_KEYS, f.projectA.id)),
          async ([path, handler], user, id) => {
            session.user = user;
            const res = await handler(
              new Request(`http://localhost${path}/${encodeURIComponent(id.slice(0, 2000).toWellFormed())}`),
              id,
            );
            await expectBelow500(`GET ${path}/${JSON.stringify(id.slice(0, 80))} as ${user.role}`, res);
            return true;
          },
        ),
        { numRuns: REST_RUNS, seed: SEED },
      );
      expect(failures.slice(start, start + 3)).toEqual([]);
    },
  );

  it("leaves Object.prototype untouched and the server healthy", async () => {
    expect(polluted()).toEqual([]);
    expect(prototypeSnapshot()).toBe(before);
    expect((await checkHealth()).ok).toBe(true);
    expect(await testDb().tenant.count({ where: { id: f.tenant.id } })).toBe(1);
  });
});
