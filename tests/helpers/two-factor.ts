import { generate, generateSecret } from "otplib";
import { testDb } from "./fixtures";

/** A code of the app for `secret` at `at`, made by otplib itself (docs/security.md#two-factor-sign-in). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Puts a user in a two-factor state directly: "pending" (a secret shown, not confirmed) or "enabled" (on,
 * no code used yet). Returns the secret.
 */
export async function armTwoFactor(userId: string, state: "pending" | "enabled", at = new Date()): Promise<string> {
  const secret = generateSecret();
  await testDb().user.update({
    where: { id: userId },
    data:
      state === "pending"
        ? { totpPendingSecret: secret, totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null }
        : { totpPendingSecret: null, totpSecret: secret, totpEnabledAt: at, totpLastTimeStep: null },
  });
  return secret;
}
