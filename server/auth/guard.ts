import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import { logger } from "@/server/logger";
import { can, type Permission } from "@/domain/access/permissions";
import { currentUser } from "./current-user";
import { blockedUntilTwoFactor, TWO_FACTOR_SETUP_PATH } from "./two-factor-gate";
import type { SessionUser } from "./session-user";

/** The request id and path proxy.ts put on the request (absent when the proxy did not run). */
async function requestMeta(): Promise<{ requestId: string | null; path: string | null }> {
  try {
    const h = await headers();
    return { requestId: h.get(REQUEST_ID_HEADER), path: h.get("x-request-path") };
  } catch {
    return { requestId: null, path: null };
  }
}

/**
 * Page-level access check (never only in a layout or proxy — CVE-2025-29927): anonymous → login;
 * signed in without the permission → "not found", which reveals nothing about the page.
 * Every denial is one JSON log line — who, what, when (pino's `time`), request id (docs/architecture.md#access-checks), like the
 * tRPC denials in server/api/trpc.ts; signed-in refusals at warn, since they may be probing.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    logger.info({ ...(await requestMeta()), permission }, "page denied: not signed in");
    redirect("/login");
  }
  if (!can(user.role, permission)) {
    const who = { userId: user.id, role: user.role, tenantId: user.tenantId };
    logger.warn({ ...(await requestMeta()), ...who, permission }, "page denied: missing permission");
    notFound();
  }
  if (blockedUntilTwoFactor(user, permission)) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}
