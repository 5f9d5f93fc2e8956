import "server-only";
import { createHash } from "node:crypto";

/** What is stored of a secret token (invitations, API keys, calendar feeds): its SHA-256, never the token. */
export const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");
