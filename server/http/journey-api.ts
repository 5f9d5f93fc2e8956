import { requestIdFrom } from "@/lib/request-id";
import { hit, LIMITS } from "@/server/auth/rate-limit";
import { db } from "@/server/db/client";
import { authenticateTenantKey } from "@/server/services/api-tokens";
import type { ServiceContext } from "@/server/services/context";
import { clientIp, errorResponse, problem, unauthorized } from "./rest";

/**
 * The journey REST API (docs/domain.md#journey, `/api/v1/customer-journey/*`) for integrations: a tenant API key names
 * the tenant; calls act as the admin who created the key. Thin over the journey service.
 */
export async function withTenantKey(
  request: Request,
  path: string,
  run: (ctx: ServiceContext) => Promise<Response>,
): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  try {
    const prisma = db();
    const authorization = request.headers.get("authorization");
    const key = await authenticateTenantKey(prisma, authorization);
    if (!key) return unauthorized(authorization !== null, "An admin creates API keys under Settings → API keys.");
    const wait = await hit("journeyKey", key.id);
    if (wait > 0) {
      return problem(
        429,
        `Too many requests with this key (at most ${LIMITS.journeyKey.points} a minute). Try again in ${wait} s.`,
        { headers: { "retry-after": String(wait) } },
      );
    }
    return await run({
      db: prisma,
      tenantId: key.tenantId,
      actorId: key.createdById ?? "",
      ip: clientIp(request),
      requestId,
      now: new Date(),
    });
  } catch (error) {
    return errorResponse(error, requestId, path);
  }
}
