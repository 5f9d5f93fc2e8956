import "server-only";
import { hash, verify } from "@node-rs/argon2";

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

export const PASSWORD_MIN_LENGTH = 10;
