import { readEvidenceSubmission } from "@/server/http/evidence-upload";
import { problem } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { recordCiEvidence } from "@/server/services/evidence";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/evidence — CI pipelines report code metrics with a project API token (docs/ci-evidence.md).
 * No session: the bearer token names the tenant and the project. Order of checks: token (401), rate limit
 * per token (429), body size (413), JSON or report files (400, server/http/evidence-upload.ts), then one
 * transaction (201).
 */
export const POST = withToken("ci", async ({ request, ctx, token }) => {
  const body = await readEvidenceSubmission(request);
  if ("response" in body) return body.response;
  const result = await recordCiEvidence(ctx, token, body.submission);
  return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
});

export function GET() {
  return problem(405, "Use POST to send evidence (see docs/ci-evidence.md).", { headers: { allow: "POST" } });
}
