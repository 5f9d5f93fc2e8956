import "server-only";
import { ZCredentialsSchema } from "@/lib/schemas/auth";
import type { Db } from "@/server/db/client";
import { findUserForLogin } from "@/server/db/users";
import { blockedFor, hit, reset } from "./rate-limit";
import { verifyPassword } from "./password";

export { ZCredentialsSchema } from "@/lib/schemas/auth";

export type LoginOutcome =
  | { ok: true; userId: string; tenantId: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * Email + password check with throttling of failures per account and per IP (PostgreSQL-backed).
 * Customers have no password: they sign in by magic link, so they fail here like a wrong password.
 */
export async function checkCredentials(prisma: Db, raw: unknown, ip: string): Promise<LoginOutcome> {
  const parsed = ZCredentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const wait = Math.max(await blockedFor("loginEmail", email), await blockedFor("loginIp", ip));
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserForLogin(prisma, email);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabledAt || user.role === "CUSTOMER") {
    const after = Math.max(await hit("loginEmail", email), await hit("loginIp", ip));
    return after > 0 ? { ok: false, reason: "throttled", retryAfterSeconds: after } : { ok: false, reason: "invalid" };
  }
  await reset("loginEmail", email);
  return { ok: true, userId: user.id, tenantId: user.tenantId };
}
