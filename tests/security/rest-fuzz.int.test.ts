import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { API_KEY_SCOPES } from "@/lib/schemas/api-keys";
import { callerFor, createTenantFixture, journeyFor, type TenantFixture } from "../helpers/fixtures";
import { callOperation, nonConformance, operations } from "../helpers/openapi-client";
import { recordFigure } from "./figures";

/**
 * Property-based fuzz of the integration REST API, generated from its OpenAPI document
 * (docs/api.md, docs/security.md): for every operation, fast-check builds path ids (real ones of this
 * workspace and another, and junk), query values, Idempotency-Keys and bodies (shaped by the request
 * schema, with any JSON value mixed in at every level, and text that is not JSON). Every answer must be
 * one the operation documents, in the documented content type and schema — so never a 500.
 */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
};

const RUNS_PER_OPERATION = Number(process.env.OPENAPI_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

/** Values near what the schema asks for, or any JSON at all. */
function shaped(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const anyJson = fc.jsonValue({ maxDepth: 2 });
  if (!schema || depth > 3) return anyJson;
  const near = (): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const union = schema.anyOf ?? schema.oneOf;
    if (union?.length) return fc.oneof(...union.map((s) => shaped(s, depth + 1)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case "string":
        return fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.emailAddress(),
          fc.constant(""),
          fc.string({ unit: "binary", maxLength: 20 }),
        );
      case "integer":
        return fc.oneof(fc.integer(), fc.integer({ min: -1, max: 200 }), fc.constant(Number.MAX_SAFE_INTEGER));
      case "number":
        return fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1, max: 200 }));
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(shaped(schema.items, depth + 1), { maxLength: 4 });
      case "object": {
        const props = Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([k, s]) => [k, shaped(s, depth + 1)]),
        );
        const known = fc.record(props, { requiredKeys: [] });
        if (schema.additionalProperties && typeof schema.additionalProperties === "object")
          return fc
            .tuple(
              known,
              fc.dictionary(fc.string({ maxLength: 20 }), shaped(schema.additionalProperties, depth + 1), {
                maxKeys: 4,
              }),
            )
            .map(([x, y]) => ({ ...y, ...x }));
        return known;
      }
      default:
        return anyJson;
    }
  };
  return fc.oneof({ weight: 4, arbitrary: near() }, { weight: 1, arbitrary: anyJson });
}

let a: TenantFixture;
let b: TenantFixture;
let ids: string[];
let ciToken: string;
const keys = new Map<string, string>();
let calls = 0;
let outside = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  a = await createTenantFixture("rest-fuzz-a");
  b = await createTenantFixture("rest-fuzz-b");
  ids = [a.lead.id, a.projectA.id, b.lead.id, b.projectA.id, await journeyFor(a)];
  ciToken = (await callerFor(a.users.TECH_LEAD).apiTokens.create({ projectId: a.projectA.id, name: "Fuzz CI" })).token;
});

/** One key per operation keeps each under the per-key rate limit. */
async function keyFor(operationId: string) {
  let key = keys.get(operationId);
  if (!key) {
    key = (await callerFor(a.users.ADMIN).apiKeys.create({ name: `Fuzz ${operationId}`, scopes: [...API_KEY_SCOPES] }))
      .token;
    keys.set(operationId, key);
  }
  return key;
}

describe("REST API fuzz, generated from the OpenAPI document", () => {
  it(`every operation, ${RUNS_PER_OPERATION} generated calls each: only documented answers, never a 500`, async () => {
    const started = Date.now();
    for (const { path: p, method, op } of await operations()) {
      const token = op.operationId === "recordEvidence" ? ciToken : await keyFor(op.operationId);
      const pathParams = (op.parameters ?? []).filter((x) => x.in === "path").map((x) => x.name);
      const queryParams = (op.parameters ?? []).filter((x) => x.in === "query");
      const idempotent = (op.parameters ?? []).some((x) => x.in === "header" && x.name === "Idempotency-Key");
      const bodySchema = op.requestBody?.content["application/json"]?.schema as Schema | undefined;
      const idArb = fc.oneof(
        fc.constantFrom(...ids),
        fc.string({ maxLength: 80 }),
        fc.stringMatching(/^[a-z0-9]{20,30}$/),
      );
      const input = fc.record({
        params: fc.record(Object.fromEntries(pathParams.map((n) => [n, idArb]))),
        query: fc.record(
          Object.fromEntries(
            queryParams.map((q) => [
              q.name,
              fc.oneof(
                fc.string({ maxLength: 30 }),
                fc.integer({ min: -5, max: 500 }).map(String),
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              ),
            ]),
          ),
          { requiredKeys: [] },
        ),
        idempotencyKey: idempotent ? fc.option(fc.stringMatching(/^[\x21-\x7e]{0,12}$/)) : fc.constant(null),
        body:
          method === "POST"
            ? fc.oneof(
                { weight: 5, arbitrary: shaped(bodySchema).map((json) => JSON.stringify(json)) },
                // text that is not JSON, or is cut short
                { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => `${text}{`) },
              )
            : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, idempotencyKey, body }) => {
          const res = await callOperation(p, method, {
            token,
            params: params,
            query: query as Record<string, string>,
            headers: idempotencyKey === null ? {} : { "Idempotency-Key": idempotencyKey },
            body,
          });
          calls += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const problem = await nonConformance(p, method, res);
          if (problem) outside += 1;
          expect(res.status, res.text).toBeLessThan(500);
          expect(problem, res.text).toBeNull();
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED },
      );
    }
    recordFigure("rest-fuzz", {
      title: "REST API fuzz (from the OpenAPI document)",
      lines: [
        `${calls} generated calls over every operation (seed ${SEED}), ${outside} answers outside the document, in ${Math.round((Date.now() - started) / 1000)} s`,
        `answers: ${[...statuses]
          .sort(([x], [y]) => x - y)
          .map(([status, n]) => `${status}×${n}`)
          .join(", ")}`,
      ],
      ok: outside === 0,
    });
    expect(outside).toBe(0);
    // the generator reaches past validation: some calls succeed
    expect([...statuses.keys()].some((st) => st < 300)).toBe(true);
  }, 120_000);
});
