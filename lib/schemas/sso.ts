import { z } from "zod";
import { ZEmailSchema } from "./common";

/**
 * Single sign-on settings of a workspace (docs/security.md#single-sign-on). The issuer's reachability and
 * discovery document are checked by the service; here only the shape.
 */
export const SSO_PROVISIONING_VALUES = ["jit", "invite"] as const;
export type SsoProvisioning = (typeof SSO_PROVISIONING_VALUES)[number];

/** Roles a first single sign-on may give; an admin is always added by another admin. */
export const SSO_DEFAULT_ROLE_VALUES = ["EXECUTIVE", "CSM", "TECH_LEAD"] as const;

const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export const ZSsoSettingsSchema = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, "Enter the issuer URL of your identity provider")
    .max(500, "The issuer URL is at most 500 characters")
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, "Enter the issuer as a full URL without query, e.g. https://login.example.com"),
  clientId: z.string().trim().min(1, "Enter the client ID").max(255, "The client ID is at most 255 characters"),
  /** empty keeps the saved secret (it is never shown again after saving) */
  clientSecret: z.string().max(500, "The client secret is at most 500 characters"),
  /** one or more domains, separated by commas, spaces or line breaks */
  domains: z
    .string()
    .max(2000, "Too many domains")
    .transform((v) => [
      ...new Set(
        v
          .toLowerCase()
          .split(/[\s,;]+/)
          .map((d) => d.trim().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string())
        .min(1, "Enter at least one email domain")
        .max(20, "At most 20 domains")
        // one message on the field itself (not per item), where the form shows it
        .refine((list) => list.every((d) => DOMAIN.test(d)), "Enter domains like example.com, separated by commas"),
    ),
  provisioning: z.enum(SSO_PROVISIONING_VALUES, { error: "Choose how people are added" }),
  defaultRole: z.enum(SSO_DEFAULT_ROLE_VALUES, { error: "Choose the role of people added at their first sign-in" }),
  passwordSignInOff: z.boolean(),
});
export type SsoSettingsInput = z.input<typeof ZSsoSettingsSchema>;
export type SsoSettings = z.output<typeof ZSsoSettingsSchema>;

/** "Sign in with SSO": the work email whose domain names the workspace. */
export const ZSsoStartSchema = z.object({ email: ZEmailSchema });

/** Why a single sign-on was refused; the login page words each (lib/labels/sso.ts). */
export const SSO_REFUSAL_VALUES = [
  "state",
  "audience",
  "expired",
  "token",
  "domain",
  "not_invited",
  "account",
  "provider",
  "cancelled",
] as const;
export type SsoRefusal = (typeof SSO_REFUSAL_VALUES)[number];
