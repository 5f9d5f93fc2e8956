import { EVIDENCE_MAX_BODY_BYTES, ZEvidencePayloadSchema } from "@/lib/schemas/evidence";
import { describeZodError } from "@/server/errors";
import { problem, readJson } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { recordCiEvidence } from "@/server/services/evidence";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/evidence — CI pipelines report code metrics with a project API token (docs/ci-evidence.md).
 * No session: the bearer token names the tenant and the project. Order of checks: token (401), rate limit
 * per token (429), body size (413), JSON and schema (400), then one transaction (201).
 */

export const POST = withToken("ci", async ({ request, ctx, token }) => {
  const body = await readJson(request, EVIDENCE_MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  const parsed = ZEvidencePayloadSchema.safeParse(body.json);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    return problem(400, message, { fieldErrors });
  }

  const result = await recordCiEvidence(ctx, token, parsed.data);
  return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
});

export function GET() {
  return problem(405, "Use POST to send evidence (see docs/ci-evidence.md).", { headers: { allow: "POST" } });
}
