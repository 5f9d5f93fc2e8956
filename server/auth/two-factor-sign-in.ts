import "server-only";
import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { serverEnv } from "@/lib/env";
import { ZSignInCodeSchema } from "@/lib/schemas/two-factor";
import type { Db } from "@/server/db/client";
import { findTwoFactorUser } from "@/server/db/two-factor";
import { checkSecondFactor } from "@/server/services/two-factor";
import { isRememberedDevice, REMEMBER_DEVICE_SECONDS, rememberDeviceToken } from "./remember-device";

/** Raised to the login action (Auth.js raw mode): the password was right, now the code (docs/security.md#two-factor-sign-in). */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two-factor-required";
}

export class TwoFactorInvalid extends CredentialsSignin {
  code = "two-factor-invalid";
}

export class TwoFactorThrottled extends CredentialsSignin {
  code = "two-factor-throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

const secure = () => serverEnv().APP_URL.startsWith("https://");
const cookieName = () => (secure() ? "__Secure-onward-device" : "onward-device");

function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

/**
 * The step after a right password, for staff who use two-factor sign-in: passes on a remembered device,
 * otherwise needs a code from the app or a recovery code (rate-limited, audited). Throws one of the errors
 * above when it does not pass; on a pass with `remember`, sets the device cookie.
 */
export async function requireSecondFactor(
  prisma: Db,
  who: { userId: string; tenantId: string },
  raw: Partial<Record<string, unknown>>,
  meta: { ip: string; now: Date },
): Promise<void> {
  const user = await findTwoFactorUser(prisma, who.tenantId, who.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) return;
  const jar = await cookies();
  if (isRememberedDevice(jar.get(cookieName())?.value, user, meta.now, authSecret())) return;
  if (typeof raw.code !== "string" || raw.code === "") throw new TwoFactorRequired();
  const parsed = ZSignInCodeSchema.safeParse({
    code: raw.code,
    remember: raw.remember === "true" || raw.remember === true,
  });
  if (!parsed.success) throw new TwoFactorInvalid();
  const check = await checkSecondFactor(
    { db: prisma, tenantId: who.tenantId, userId: who.userId, ip: meta.ip, requestId: null, now: meta.now },
    parsed.data.code,
  );
  if (!check.ok) {
    if (check.reason === "throttled") throw new TwoFactorThrottled(check.retryAfterSeconds);
    throw new TwoFactorInvalid();
  }
  if (parsed.data.remember) {
    const expires = new Date(meta.now.getTime() + REMEMBER_DEVICE_SECONDS * 1000);
    jar.set(cookieName(), rememberDeviceToken(user.id, user.totpEnabledAt, expires, authSecret()), {
      httpOnly: true,
      sameSite: "lax",
      secure: secure(),
      path: "/",
      expires,
    });
  }
}
