import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordStrength } from "@/lib/password-strength";
import { AppError } from "@/server/errors";

/** argon2id with the library's defaults (OWASP-recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the user does not exist keeps the timing of "no such user"
// and "wrong password" alike.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    dummyHash ??= hash("no-such-user-timing-equaliser");
    return await verify(passwordHash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}

/**
 * The password policy on the server (docs/security.md#passwords), whatever the caller checked: the same
 * length and strength rules as ZNewPasswordSchema, with the person's own details (`userInputs`: email,
 * name, workspace) counted as easy to guess. Refuses with a field error on `password`.
 */
export function assertStrongPassword(password: string, userInputs: readonly string[]): void {
  const refuse = (message: string) => {
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { password: message } });
  };
  if (password.length < PASSWORD_MIN_LENGTH) refuse(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) refuse(`At most ${PASSWORD_MAX_LENGTH} characters`);
  const { problem } = passwordStrength(password, userInputs);
  if (problem) refuse(problem);
}
