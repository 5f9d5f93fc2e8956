import { requestIdFrom } from "@/lib/request-id";
import { hit, LIMITS } from "@/server/auth/rate-limit";
import { db } from "@/server/db/client";
import { readEvidenceSubmission } from "@/server/http/evidence-upload";
import { clientIp, errorResponse, problem, unauthorized } from "@/server/http/rest";
import { authenticateEvidenceToken } from "@/server/services/api-tokens";
import { recordCiEvidence } from "@/server/services/evidence";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/evidence — CI pipelines report code metrics with a project API token (docs/ci-evidence.md).
 * No session: the bearer token names the tenant and the project. Order of checks: token (401), rate limit
 * per token (429), body size (413), JSON or report files (400, server/http/evidence-upload.ts), then one
 * transaction (201).
 */

export async function POST(request: Request) {
  const requestId = requestIdFrom(request.headers);
  try {
    const prisma = db();
    const authorization = request.headers.get("authorization");
    const token = await authenticateEvidenceToken(prisma, authorization);
    if (!token) return unauthorized(authorization !== null, "Create a token on the project page.");

    const wait = await hit("evidenceToken", token.id);
    if (wait > 0) {
      return problem(
        429,
        `Too many evidence posts with this token (at most ${LIMITS.evidenceToken.points} a minute). Try again in ${wait} s.`,
        {
          headers: { "retry-after": String(wait) },
        },
      );
    }

    const body = await readEvidenceSubmission(request);
    if ("response" in body) return body.response;

    const ctx = {
      db: prisma,
      tenantId: token.tenantId,
      actorId: token.createdById ?? "",
      ip: clientIp(request),
      requestId,
      now: new Date(),
    };
    const result = await recordCiEvidence(ctx, token, body.submission);
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, requestId, "/api/v1/evidence");
  }
}

export function GET() {
  return problem(405, "Use POST to send evidence (see docs/ci-evidence.md).", { headers: { allow: "POST" } });
}
