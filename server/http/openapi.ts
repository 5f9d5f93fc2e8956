import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZApiCriteriaSchema,
  ZApiEvidenceRecordedSchema,
  ZApiIdParamsSchema,
  ZApiIdempotencyHeaderSchema,
  ZApiJourneyStartedSchema,
  ZApiJourneyStatusSchema,
  ZApiLeadPageSchema,
  ZApiLeadSchema,
  ZApiLeadStageSchema,
  ZApiListQuerySchema,
  ZApiProblemSchema,
  ZApiProjectPageSchema,
  ZApiProjectSchema,
} from "@/lib/schemas/api-v1";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/schemas/api-keys";
import { API_KEY_SCOPE_LABEL } from "@/lib/labels/api-key-scope";
import { ZEvidencePayloadSchema } from "@/lib/schemas/evidence";

const reportFile = (what: string) => z.string().meta({ format: "binary", description: what }).optional();
/** The multipart form of an evidence post (server/http/evidence-upload.ts reads it). */
const ZEvidenceFilesSchema = z
  .object({
    commit: z.string().meta({ description: "The commit the reports are for (required)." }),
    branch: z.string().optional(),
    job: z.string().optional().meta({ description: "The CI job's name, shown as where a metric came from." }),
    buildUrl: z.string().optional(),
    coverage: reportFile("lcov, Cobertura, JaCoCo, istanbul or Clover"),
    tests: reportFile("JUnit XML"),
    sarif: reportFile("SARIF 2.1.0"),
    audit: reportFile("npm audit --json, OSV-Scanner or Trivy JSON"),
    performance: reportFile("k6 --summary-export or autocannon JSON"),
  })
  .meta({ id: "EvidenceFiles" });
import { ZStartJourneySchema } from "@/lib/schemas/journeys";
import { ZCreateLeadSchema } from "@/lib/schemas/leads";
import { PROBLEM_CONTENT_TYPE } from "./rest";

/**
 * The OpenAPI 3.1 document of `/api/v1` (docs/api.md), generated from the zod schemas the handlers
 * validate with, so the document and the checks cannot drift. Served at `/api/v1/openapi.json` and
 * rendered at `/docs/api`. Every refusal is a Problem (RFC 9457) in `application/problem+json`.
 */
export const API_VERSION = "1.1.0";

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ZApiProblemSchema } },
});
const json = (description: string, schema: z.ZodType, example?: unknown) => ({
  description,
  content: { "application/json": example === undefined ? { schema } : { schema, example } },
});

const REFUSALS = {
  "401": problem("No API key or token, or an unknown or revoked one."),
  "429": problem("Too many requests with this key or token; `Retry-After` says when to try again."),
};
const scoped = (scope: ApiKeyScope) => ({
  security: [{ apiKey: [scope] }],
  responses: {
    ...REFUSALS,
    "403": problem(`The API key does not have the \`${scope}\` scope.`),
  },
});
const badInput = problem("Invalid input: `fieldErrors` names each field and what is wrong with it.");
const notFound = problem("No such resource in this workspace (other workspaces' ids read the same).");

const IDEMPOTENCY = { requestParams: { header: ZApiIdempotencyHeaderSchema } };
const idempotentRefusals = {
  "409": problem("A request with this Idempotency-Key is still running, or the change conflicts with another."),
  "413": problem("The body is too large."),
  "422": problem("This Idempotency-Key was used with a different request."),
};

function op(
  operationId: string,
  summary: string,
  scope: ApiKeyScope,
  rest: Omit<ZodOpenApiOperationObject, "operationId" | "summary" | "security"> & {
    responses: ZodOpenApiOperationObject["responses"];
  },
): ZodOpenApiOperationObject {
  const access = scoped(scope);
  return {
    operationId,
    summary,
    tags: [scope.split(":")[0] ?? "api"],
    ...rest,
    security: access.security,
    responses: { ...rest.responses, ...access.responses },
  };
}

const listQuery = { requestParams: { query: ZApiListQuerySchema } };
const idPath = { requestParams: { path: ZApiIdParamsSchema } };

const LEAD_EXAMPLE = {
  company: "Northwind Health",
  contactName: "Dana Reyes",
  contactEmail: "dana@northwind.example",
  serviceType: "MVP_DEVELOPMENT",
  estimatedValueCents: 4_500_000,
};

export const OPENAPI_PATHS: ZodOpenApiPathsObject = {
  "/leads": {
    get: op("listLeads", "List leads", "leads:read", {
      description: "The workspace's leads, oldest change first. Page with `cursor`; sync with `updated_since`.",
      ...listQuery,
      responses: { "200": json("A page of leads.", ZApiLeadPageSchema), "400": badInput },
    }),
    post: op("createLead", "Create a lead", "leads:write", {
      description: "A new lead in stage NEW, owned by the person who created the API key.",
      ...IDEMPOTENCY,
      requestBody: {
        required: true,
        content: { "application/json": { schema: ZCreateLeadSchema, example: LEAD_EXAMPLE } },
      },
      responses: { "201": json("The lead as stored.", ZApiLeadSchema), "400": badInput, ...idempotentRefusals },
    }),
  },
  "/leads/{id}": {
    get: op("getLead", "Get a lead", "leads:read", {
      ...idPath,
      responses: { "200": json("The lead.", ZApiLeadSchema), "400": badInput, "404": notFound },
    }),
  },
  "/leads/{id}/stage": {
    post: op("updateLeadStage", "Move a lead to another stage", "leads:write", {
      description: "Follows the pipeline's rules: a move they do not allow is a 400 naming `stage`.",
      requestParams: { ...idPath.requestParams, header: ZApiIdempotencyHeaderSchema },
      requestBody: {
        required: true,
        content: { "application/json": { schema: ZApiLeadStageSchema, example: { stage: "QUALIFYING" } } },
      },
      responses: {
        "200": json("The lead after the move.", ZApiLeadSchema),
        "400": badInput,
        "404": notFound,
        ...idempotentRefusals,
      },
    }),
  },
  "/qualification-criteria": {
    get: op("getQualificationCriteria", "The qualification criteria", "leads:read", {
      description: "The keys a journey's `answers` take (each answered full, partial or none), with their points.",
      responses: { "200": json("The workspace's current criteria.", ZApiCriteriaSchema) },
    }),
  },
  "/customer-journey/initiate": {
    post: op("startJourney", "Start or resume a lead's journey", "journeys:write", {
      description:
        "Runs every phase it can: qualification (with `answers`), feasibility (with `request`), tier, education, kickoff. A journey that stops at a phase is still a 200, with its reasons.",
      ...IDEMPOTENCY,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: ZStartJourneySchema,
            example: {
              leadId: "clx0lead0000000000000000",
              answers: { budget_defined: "full", clear_requirements: "partial" },
            },
          },
        },
      },
      responses: {
        "200": json("The journey's status after the phases that could run.", ZApiJourneyStartedSchema),
        "400": badInput,
        "404": notFound,
        ...idempotentRefusals,
      },
    }),
  },
  "/customer-journey/{id}/status": {
    get: op("getJourneyStatus", "A journey's status", "journeys:read", {
      requestParams: { path: ZApiIdParamsSchema },
      responses: { "200": json("The journey's computed status.", ZApiJourneyStatusSchema), "404": notFound },
    }),
  },
  "/projects": {
    get: op("listProjects", "List projects", "projects:read", {
      description: "The workspace's projects, oldest change first. Page with `cursor`; sync with `updated_since`.",
      ...listQuery,
      responses: { "200": json("A page of projects.", ZApiProjectPageSchema), "400": badInput },
    }),
  },
  "/projects/{id}": {
    get: op("getProject", "Get a project with its milestones and guarantee", "projects:read", {
      ...idPath,
      responses: { "200": json("The project.", ZApiProjectSchema), "400": badInput, "404": notFound },
    }),
  },
  "/evidence": {
    post: {
      operationId: "recordEvidence",
      summary: "Report a CI run's code metrics",
      description:
        "With a project's CI token: coverage, complexity, vulnerabilities and more, checked against the quality gates. Send JSON, or the report files as the tools write them (multipart, optionally gzipped; formats are recognised from content, docs/ci-evidence.md#report-files). Posts for one commit merge.",
      tags: ["evidence"],
      security: [{ ciToken: [] }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: ZEvidencePayloadSchema,
            example: { coverage: 91, tests: { passed: 120, failed: 0 } },
          },
          "multipart/form-data": {
            schema: ZEvidenceFilesSchema,
          },
        },
      },
      responses: {
        "201": json("The evidence and the quality-gate outcome.", ZApiEvidenceRecordedSchema),
        "400": badInput,
        ...REFUSALS,
        "403": problem("The body names another project than the token's."),
        "413": problem("The body is too large (10 MB a file, 25 MB a request)."),
        "415": problem("The body is neither JSON nor form data, or is encoded other than gzip."),
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Onward API",
      version: API_VERSION,
      description:
        "For integrations (a CRM sync, Zapier) and CI pipelines. Authenticate with `Authorization: Bearer <key>`. Errors are RFC 9457 problem details. See the guide in docs/api.md.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    tags: [
      { name: "leads", description: "Leads and the qualification criteria" },
      { name: "journeys", description: "The customer journey from lead to kickoff" },
      { name: "projects", description: "Projects, weekly milestones and guarantees" },
      { name: "evidence", description: "CI evidence for the quality gates" },
    ],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "onw_<prefix>_<secret>",
          description: `A workspace API key (Settings → API keys) with the scopes the operation names: ${API_KEY_SCOPES.map((s) => `\`${s}\` (${API_KEY_SCOPE_LABEL[s]})`).join(", ")}. A write scope includes the read scope of the same resource.`,
        },
        ciToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "onw_<prefix>_<secret>",
          description:
            "A project's CI token (the project's page → API tokens); it reports evidence for that project only.",
        },
      },
    },
    paths: OPENAPI_PATHS,
  });
}
