import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordStrength } from "@/lib/password-strength";

/**
 * A password someone chooses (docs/security.md#passwords): long enough and not easy to guess. Kept apart
 * from the other schemas so the strength estimator's dictionaries ship only with the pages that set a password.
 */
export const ZNewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`)
  .superRefine((password, ctx) => {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return;
    const { problem } = passwordStrength(password);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Choosing a password through a one-time link: a staff invitation or the workspace sign-up's verification. */
export const ZAcceptInviteSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: ZNewPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
