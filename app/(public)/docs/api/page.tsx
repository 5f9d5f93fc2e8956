import type { Metadata } from "next";
import { serverEnv } from "@/lib/env";
import { API_KEY_SCOPE_LABEL } from "@/lib/labels/api-key-scope";
import { API_KEY_SCOPES } from "@/lib/schemas/api-keys";
import { openApiDocument } from "@/server/http/openapi";

export const metadata: Metadata = {
  title: "API reference · Onward",
  description: "The Onward REST API for integrations and CI pipelines: authentication, scopes, operations and errors.",
};

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
type Parameter = { in: string; name: string; description?: string; required?: boolean; schema?: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, { description: string }>;
};

const METHOD_CLASS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
};

function typeOf(schema: Schema | undefined, schemas: Record<string, Schema>): string {
  if (!schema) return "any";
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items, schemas)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
}

/** The document's descriptions mark code with backticks; shown as code. */
function Text({ children }: { children: string }) {
  return children.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

type FieldRow = { name: string; where?: string; required: boolean; type: string; description: string };

/** A table of parameters or body fields; "In" only when the rows say where each goes. */
function FieldTable({ caption, heading, rows }: { caption: string; heading: string; rows: FieldRow[] }) {
  const located = rows.some((r) => r.where);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {located ? <th scope="col">In</th> : null}
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.where ?? ""}-${r.name}`} className="border-t align-top">
              <td>
                <code>{r.name}</code>
                {r.required ? " (required)" : ""}
              </td>
              {located ? <td>{r.where}</td> : null}
              <td className="break-words">
                <code>{r.type}</code>
              </td>
              <td>
                <Text>{r.description}</Text>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function resolve(schema: Schema | undefined, schemas: Record<string, Schema>): Schema | undefined {
  return schema?.$ref ? schemas[schema.$ref.split("/").at(-1) ?? ""] : schema;
}

/**
 * The API reference (docs/api.md), readable without signing in: rendered on the server from the same
 * OpenAPI document `/api/v1/openapi.json` serves, with no script of its own, so it passes the pages' CSP.
 */
export default function ApiReferencePage() {
  const doc = openApiDocument(serverEnv().APP_URL) as unknown as {
    servers: { url: string }[];
    info: { version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = doc.components.schemas;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <main className="mx-auto grid w-full max-w-4xl gap-8 px-4 py-10">
      <header className="grid gap-2">
        <h1 className="text-3xl font-semibold tracking-tight">Onward API reference</h1>
        <p className="text-muted-foreground">
          Version {doc.info.version}. Base URL <code>{doc.servers[0]?.url}</code>. The machine-readable description is
          at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>

      <section className="grid gap-2" aria-labelledby="auth">
        <h2 id="auth" className="text-xl font-semibold">
          Authentication and scopes
        </h2>
        <p>
          Send <code>Authorization: Bearer &lt;key&gt;</code>. Integrations use a workspace API key, which an admin
          creates under Settings → API keys with the scopes it needs; a write scope includes reading the same resource.
          CI pipelines report evidence with a project&apos;s CI token.
        </p>
        <ul className="list-disc pl-6">
          {API_KEY_SCOPES.map((scope) => (
            <li key={scope}>
              <code>{scope}</code>: {API_KEY_SCOPE_LABEL[scope]}
            </li>
          ))}
        </ul>
        <p>
          Lists page with <code>cursor</code> (the previous page&apos;s <code>nextCursor</code>) and <code>limit</code>;{" "}
          <code>updated_since</code> returns only what changed since then. A POST with an <code>Idempotency-Key</code>{" "}
          header acts once per key for 24 hours and answers repeats with the first answer. Every error is a problem
          document (<code>application/problem+json</code>) with <code>status</code>, <code>title</code>,{" "}
          <code>detail</code> and, for invalid input, <code>fieldErrors</code> naming each field.
        </p>
      </section>

      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content["application/json"];
        const bodySchema = resolve(body?.schema, schemas);
        const needs = (op.security ?? [])
          .flatMap((s) => Object.entries(s))
          .map(([scheme, scopes]) =>
            scheme === "ciToken" ? "a project CI token" : `an API key with ${scopes.join(", ")}`,
          )
          .join(" or ");
        return (
          <section
            key={`${method} ${path}`}
            className="grid gap-3 rounded-lg border p-4"
            aria-labelledby={op.operationId}
          >
            <h2 id={op.operationId} className="text-lg font-semibold">
              {op.summary}
            </h2>
            <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
              <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_CLASS[method] ?? ""}`}>
                {method}
              </span>
              <code>{path}</code>
            </p>
            {op.description ? (
              <p>
                <Text>{op.description}</Text>
              </p>
            ) : null}
            <p className="text-sm">
              Needs <Text>{needs}</Text>.
            </p>
            {op.parameters?.length ? (
              <FieldTable
                caption={`Parameters of ${op.summary}`}
                heading="Parameter"
                rows={op.parameters.map((p) => ({
                  name: p.name,
                  where: p.in,
                  required: p.required === true,
                  type: typeOf(p.schema, schemas),
                  description: p.description ?? p.schema?.description ?? "",
                }))}
              />
            ) : null}
            {bodySchema?.properties ? (
              <FieldTable
                caption="Request body (JSON)"
                heading="Field"
                rows={Object.entries(bodySchema.properties).map(([name, s]) => ({
                  name,
                  required: bodySchema.required?.includes(name) === true,
                  type: typeOf(s, schemas),
                  description: s.description ?? "",
                }))}
              />
            ) : null}
            {body?.example !== undefined ? (
              <pre
                className="overflow-x-auto rounded bg-muted p-3 text-xs"
                aria-label={`Example request of ${op.summary}`}
              >
                {JSON.stringify(body.example, null, 2)}
              </pre>
            ) : null}
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {Object.entries(op.responses).map(([status, r]) => (
                <div key={status} className="contents">
                  <dt>
                    <code>{status}</code>
                  </dt>
                  <dd>
                    <Text>{r.description}</Text>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </main>
  );
}
