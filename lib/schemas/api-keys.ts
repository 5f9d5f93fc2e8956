import { z } from "zod";
import { ZIdSchema } from "./common";

/**
 * What a workspace API key may do, per resource (docs/api.md#scopes). A write scope includes the read
 * scope of the same resource. Keys created before scopes existed carry `journeys:write`, the default.
 */
export const API_KEY_SCOPES = [
  "leads:read",
  "leads:write",
  "journeys:read",
  "journeys:write",
  "projects:read",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const DEFAULT_API_KEY_SCOPES: ApiKeyScope[] = ["journeys:write"];

/** Whether a key's stored scopes allow `needed` (a write scope allows reading the same resource). */
export function scopeAllows(scopes: readonly string[], needed: ApiKeyScope): boolean {
  return scopes.includes(needed) || (needed.endsWith(":read") && scopes.includes(needed.replace(/:read$/, ":write")));
}

export const ZCreateApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the system that uses it")
    .max(80, "Key names are at most 80 characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { message: "Choose among the listed permissions" }))
    .min(1, "Choose at least one permission")
    .max(API_KEY_SCOPES.length)
    .transform((s) => [...new Set(s)])
    .default(DEFAULT_API_KEY_SCOPES),
});
export const ZRevokeApiKeySchema = z.object({ tokenId: ZIdSchema });
export type CreateApiKeyInput = z.infer<typeof ZCreateApiKeySchema>;
