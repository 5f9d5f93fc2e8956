import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { findActiveSession, touchSession } from "@/server/db/sessions";
import { auth } from "./config";
import type { SessionUser } from "./session-user";

const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** The signed-in user for this request, checked against the session row — or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return loadSessionUser(session.sid, new Date());
});

export async function loadSessionUser(sessionId: string, now: Date): Promise<SessionUser | null> {
  const row = await findActiveSession(db(), sessionId, now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db(), sessionId, now);
  const u = row.user;
  return {
    id: u.id,
    sessionId: row.id,
    tenantId: u.tenantId,
    tenantName: u.tenant.name,
    tenantSlug: u.tenant.slug,
    role: u.role,
    name: u.name,
    email: u.email,
    customerAccountId: u.customerAccountId,
    stakeholderRole: u.stakeholderRole,
    isApprover: u.isApprover,
    mustEnrolTwoFactor: u.mustEnrolTwoFactor,
  };
}
