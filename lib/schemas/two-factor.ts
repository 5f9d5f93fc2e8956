import { z } from "zod";
import { ZIdSchema } from "./common";

/** Inputs of two-factor sign-in (docs/security.md#two-factor-sign-in). */

/** A six-digit code from an authenticator app; spaces people type between the digits are dropped. */
export const ZTotpCodeSchema = z
  .string({ message: "Enter the 6-digit code from your authenticator app" })
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"));

/** A code from the app or one of the recovery codes (xxxx-xxxx-xxxx-xxxx); checked on the server. */
export const ZSecondFactorCodeSchema = z
  .string({ message: "Enter a code" })
  .trim()
  .min(1, "Enter the code from your authenticator app or a recovery code")
  .max(40, "A code is at most 40 characters");

export const ZConfirmTwoFactorSchema = z.object({ code: ZTotpCodeSchema });

export const ZDisableTwoFactorSchema = z.object({ code: ZSecondFactorCodeSchema });

export const ZResetTwoFactorSchema = z.object({ userId: ZIdSchema });

/** The second step of staff sign-in, after the password. */
export const ZSignInCodeSchema = z.object({
  code: ZSecondFactorCodeSchema,
  remember: z.boolean(),
});
