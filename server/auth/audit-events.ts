import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { clientIpFrom } from "@/server/http/client-ip";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/db/audit";
import { findUserByEmail } from "@/server/db/users";

export type SignInEvent =
  | { action: "auth.sign_in"; email: string; method: string; ip?: string }
  | { action: "auth.sign_in_failed"; email: string; ip?: string }
  | { action: "auth.lockout"; email: string; ip?: string; retryAfterSeconds: number }
  | { action: "auth.sign_out"; userId: string; sessionId: string }
  | { action: "auth.magic_link_requested"; email: string; issued: boolean; ip?: string };

async function requestMeta(): Promise<{ ip: string | null; requestId: string | null }> {
  try {
    const h = await headers();
    return { ip: clientIpFrom(h), requestId: h.get(REQUEST_ID_HEADER) };
  } catch {
    return { ip: null, requestId: null };
  }
}

/**
 * One audit row per sign-in event (docs/security.md#sign-in-audit): in the account's workspace chain when
 * the address has an account, else in the platform chain with the address as its SHA-256 only. The IP and
 * request id come from the request when there is one.
 */
export async function auditSignInEvent(db: Db, event: SignInEvent, now = new Date()): Promise<void> {
  const meta = await requestMeta();
  const ip = ("ip" in event ? event.ip : undefined) ?? meta.ip;
  const user =
    "email" in event
      ? await findUserByEmail(db, event.email)
      : await db.user.findUnique({ where: { id: event.userId }, select: { id: true, tenantId: true } });
  const after: Record<string, string | number | boolean> = {};
  if (!user && "email" in event) after.emailSha256 = createHash("sha256").update(event.email).digest("hex");
  if (event.action === "auth.sign_in") after.method = event.method;
  if (event.action === "auth.lockout") after.retryAfterSeconds = event.retryAfterSeconds;
  if (event.action === "auth.sign_out") after.sessionId = event.sessionId;
  if (event.action === "auth.magic_link_requested") after.issued = event.issued;
  await db.$transaction((tx) =>
    recordAudit(tx, {
      tenantId: user?.tenantId ?? null,
      actorId: event.action === "auth.sign_in" || event.action === "auth.sign_out" ? (user?.id ?? null) : null,
      action: event.action,
      entityType: "User",
      entityId: user?.id ?? null,
      after,
      ip,
      requestId: meta.requestId,
      at: now,
    }),
  );
}
