import { randomUUID } from "node:crypto";
import { EVIDENCE_MAX_BODY_BYTES, ZEvidencePayloadSchema } from "@/lib/schemas/evidence";
import { hit, LIMITS } from "@/server/auth/rate-limit";
import { db } from "@/server/db/client";
import { AppError, describeZodError } from "@/server/errors";
import { logger } from "@/server/logger";
import { authenticateEvidenceToken } from "@/server/services/api-tokens";
import { recordCiEvidence } from "@/server/services/evidence";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/evidence — CI pipelines report code metrics with a project API token (docs/ci-evidence.md).
 * No session: the bearer token names the tenant and the project. Order of checks: token (401), rate limit
 * per token (429), body size (413), JSON and schema (400), then one transaction (201).
 */

type Extra = { fieldErrors?: Record<string, string>; headers?: Record<string, string> };

function problem(status: number, error: string, extra: Extra = {}) {
  return Response.json(
    extra.fieldErrors ? { error, fieldErrors: extra.fieldErrors } : { error },
    { status, headers: { "cache-control": "no-store", ...extra.headers } },
  );
}

/** Unknown, revoked and malformed tokens read the same, so a response never says which tokens exist. */
function unauthorized(sent: boolean) {
  return sent
    ? problem(401, "The API token is not valid: it is unknown or revoked. Create a token on the project page.", {
        headers: { "www-authenticate": 'Bearer realm="onward", error="invalid_token"' },
      })
    : problem(401, "Send the project's API token in the Authorization header: Bearer onw_…", { headers: { "www-authenticate": 'Bearer realm="onward"' } });
}

/** The body as text, or null when it is larger than `limit` bytes (read in chunks: a lying or absent Content-Length cannot make us buffer more). */
async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function POST(request: Request) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const prisma = db();
    const authorization = request.headers.get("authorization");
    const token = await authenticateEvidenceToken(prisma, authorization);
    if (!token) return unauthorized(authorization !== null);

    const wait = await hit("evidenceToken", token.id);
    if (wait > 0) {
      return problem(429, `Too many evidence posts with this token (at most ${LIMITS.evidenceToken.points} a minute). Try again in ${wait} s.`, {
        headers: { "retry-after": String(wait) },
      });
    }

    const text = await readBody(request, EVIDENCE_MAX_BODY_BYTES);
    if (text === null) return problem(413, `The body is larger than ${EVIDENCE_MAX_BODY_BYTES / 1024} KB. Send the summary metrics, not the full reports.`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return problem(400, "The body must be a JSON object (Content-Type: application/json).", { fieldErrors: { input: "Not valid JSON" } });
    }
    const parsed = ZEvidencePayloadSchema.safeParse(json);
    if (!parsed.success) {
      const { message, fieldErrors } = describeZodError(parsed.error);
      return problem(400, message, { fieldErrors });
    }

    const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
    const ctx = { db: prisma, tenantId: token.tenantId, actorId: token.createdById ?? "", ip, requestId, now: new Date() };
    const result = await recordCiEvidence(ctx, token, parsed.data);
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") {
      const headers: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
      return problem(error.status, error.message, { fieldErrors: error.fieldErrors, headers });
    }
    logger.error({ err: error, requestId, path: "/api/v1/evidence" }, "evidence post failed");
    return problem(500, "Something went wrong on our side. It has been logged; please try again.");
  }
}

export function GET() {
  return problem(405, "Use POST to send evidence (see docs/ci-evidence.md).", { headers: { allow: "POST" } });
}
