import "server-only";
import type { Db } from "./client";

/**
 * Failed sign-ins per account (docs/security.md#sign-in-throttling): a count and the last failure's time,
 * forgotten when no failure came for `forgetAfterMs`. Keyed by a digest of the email; one atomic upsert.
 */
export async function countLoginFailure(db: Db, key: string, now: Date, forgetAfterMs: number): Promise<number> {
  const forgetBefore = new Date(now.getTime() - forgetAfterMs);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "login_throttle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "login_throttle"."lastFailureAt" < ${forgetBefore} THEN 1
                        ELSE "login_throttle"."failures" + 1 END,
      "lastFailureAt" = GREATEST("login_throttle"."lastFailureAt", EXCLUDED."lastFailureAt")
    RETURNING "failures"`;
  return rows[0]?.failures ?? 1;
}

export function loginFailures(db: Db, key: string) {
  return db.loginThrottle.findUnique({ where: { key }, select: { failures: true, lastFailureAt: true } });
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
