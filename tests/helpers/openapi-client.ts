import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/server/http/openapi";

/**
 * Calls `/api/v1` operations through their real route handlers and checks each answer against the
 * OpenAPI document: the status is one the operation documents, the content type is the documented one,
 * and the body validates against the documented schema (ajv, JSON Schema 2020-12, formats checked).
 */
type Schema = Record<string, unknown>;
type Media = { schema?: Schema };
type Operation = {
  operationId: string;
  summary: string;
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};
export type Dereferenced = { paths: Record<string, Record<string, Operation>> };

export const rawDocument = () => openApiDocument("http://localhost:3000") as unknown as Record<string, unknown>;

let deref: Promise<Dereferenced> | undefined;
export const dereferenced = () =>
  (deref ??= SwaggerParser.dereference(structuredClone(rawDocument()) as never) as unknown as Promise<Dereferenced>);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<Schema, ReturnType<typeof ajv.compile>>();
const validator = (schema: Schema) => {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
};

export const operations = async () => {
  const doc = await dereferenced();
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })),
  );
};

const appDir = path.resolve(import.meta.dirname, "..", "..", "app");
type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `/leads/{id}` → the handler exported by app/api/v1/leads/[id]/route.ts for `method`. */
export async function handlerFor(template: string, method: string): Promise<Handler> {
  const file = path.join(appDir, "api", "v1", ...template.replace(/\{(\w+)\}/g, "[$1]").split("/"), "route.ts");
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

export type Call = {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Every (path, method, status) answered in this run, to show that each operation was exercised. */
export const answered = new Set<string>();

export async function callOperation(template: string, method: string, call: Call = {}) {
  const params = call.params ?? {};
  const url = new URL(
    `http://localhost/api/v1${template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""))}`,
  );
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(url, {
    method,
    headers,
    body: call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body),
  });
  const res = await (await handlerFor(template, method))(request, { params: Promise.resolve(params) });
  const text = await res.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  return { status: res.status, headers: res.headers, body, text };
}

/** Where the answer breaks the document, or null when it conforms. */
export async function nonConformance(
  template: string,
  method: string,
  res: { status: number; headers: Headers; body: unknown },
): Promise<string | null> {
  const op = (await dereferenced()).paths[template]?.[method.toLowerCase()];
  if (!op) return `${method} ${template} is not documented`;
  const documented = op.responses[String(res.status)];
  if (!documented)
    return `${method} ${template} answered ${res.status}, documented: ${Object.keys(op.responses).join(", ")}`;
  const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const media = documented.content?.[type];
  if (!media?.schema)
    return `${method} ${template} ${res.status} answered ${type}, documented: ${Object.keys(documented.content ?? {}).join(", ")}`;
  const validate = validator(media.schema);
  if (!validate(res.body)) return `${method} ${template} ${res.status}: ${ajv.errorsText(validate.errors)}`;
  return null;
}

/** Calls an operation and fails the test unless the answer conforms to the document and has `status`. */
export async function expectConforming(template: string, method: string, call: Call, status: number) {
  const res = await callOperation(template, method, call);
  expect(await nonConformance(template, method, res), res.text).toBeNull();
  expect(res.status, `${method} ${template}: ${res.text}`).toBe(status);
  answered.add(`${method} ${template} ${res.status}`);
  return res;
}
