import "server-only";
import { createHash } from "node:crypto";
import { ZCredentialsSchema } from "@/lib/schemas/auth";
import type { Db } from "@/server/db/client";
import { clearLoginFailures, countLoginFailure, loginFailures } from "@/server/db/login-throttle";
import { findUserForLogin } from "@/server/db/users";
import { auditSignInEvent } from "./audit-events";
import { blockedFor, hit, LOGIN_DELAY, loginDelaySeconds, reset } from "./rate-limit";
import { verifyPassword } from "./password";

export { ZCredentialsSchema } from "@/lib/schemas/auth";

export type LoginOutcome =
  | { ok: true; userId: string; tenantId: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

const accountKey = (email: string) => createHash("sha256").update(email).digest("hex");
const pairKey = (email: string, ip: string) => `${email} ${ip}`;

/** Seconds the account still waits after its last failure (the progressive delay), else 0. */
async function accountWait(prisma: Db, email: string, now: Date): Promise<number> {
  const row = await loginFailures(prisma, accountKey(email));
  if (!row) return 0;
  if (now.getTime() - row.lastFailureAt.getTime() >= LOGIN_DELAY.forgetAfterHours * 3_600_000) return 0;
  const until = row.lastFailureAt.getTime() + loginDelaySeconds(row.failures) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Email + password check with sign-in throttling (docs/security.md#sign-in-throttling), all in PostgreSQL:
 * failures lock one (account, address) pair and the address as a whole, never the account itself — the
 * account gets a short progressive delay instead, so nobody can lock a person out by guessing wrong.
 * Customers have no password: they sign in by magic link, so they fail here like a wrong password.
 */
export async function checkCredentials(prisma: Db, raw: unknown, ip: string, now = new Date()): Promise<LoginOutcome> {
  const parsed = ZCredentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const wait = Math.max(
    await blockedFor("loginAccountIp", pairKey(email, ip)),
    await blockedFor("loginIp", ip),
    await accountWait(prisma, email, now),
  );
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserForLogin(prisma, email);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabledAt || user.role === "CUSTOMER") {
    const locked = Math.max(await hit("loginAccountIp", pairKey(email, ip)), await hit("loginIp", ip));
    await countLoginFailure(prisma, accountKey(email), now, LOGIN_DELAY.forgetAfterHours * 3_600_000);
    await auditSignInEvent(prisma, { action: "auth.sign_in_failed", email, ip }, now);
    // this failure used the pair's or the address's last allowed attempt: a lockout starts
    const lockout = Math.max(await blockedFor("loginAccountIp", pairKey(email, ip)), await blockedFor("loginIp", ip));
    if (lockout > 0 && !locked)
      await auditSignInEvent(prisma, { action: "auth.lockout", email, ip, retryAfterSeconds: lockout }, now);
    return locked > 0
      ? { ok: false, reason: "throttled", retryAfterSeconds: locked }
      : { ok: false, reason: "invalid" };
  }
  await reset("loginAccountIp", pairKey(email, ip));
  await clearLoginFailures(prisma, accountKey(email));
  await auditSignInEvent(prisma, { action: "auth.sign_in", email, method: "password", ip }, now);
  return { ok: true, userId: user.id, tenantId: user.tenantId };
}
