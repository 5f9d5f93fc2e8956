import "server-only";
import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * RFC 6238 codes (docs/security.md#two-factor-sign-in): 6 digits, 30-second steps, SHA-1 — what every
 * authenticator app reads from an otpauth:// link.
 */
export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string, issuer: string): string {
  return generateURI({ issuer, label: email, secret });
}

/** The otpauth:// link as a QR code image (a data: URL, rendered on the server; the CSP allows data: images). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The time step the code belongs to when it is valid at `now` give or take one step, and later than
 * `afterTimeStep` (a code already used, or one before it, is refused); else null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : null;
}

// recovery codes: 16 characters of an alphabet without look-alikes (0/O, 1/I/L), about 79 bits, in groups of 4
const RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
  });
}

/** How a recovery code is stored and looked up: case, spaces and dashes do not matter. */
export function recoveryCodeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(`onward-recovery:${normal}`).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.replace(/[\s-]/g, "").length === 16;
}
