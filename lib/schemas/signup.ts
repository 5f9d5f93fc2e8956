import { z } from "zod";
import { ZEmailSchema, ZPersonNameSchema } from "./common";

/**
 * Workspace sign-up (docs/signup.md): the workspace address (slug), the public form, the
 * verification step and the operator's sign-up codes. Shared by the form, the procedures and the CLI.
 */

/** Addresses that would read as part of Onward itself, or collide with its own pages. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "administrator",
  "api",
  "app",
  "apps",
  "www",
  "signup",
  "sign-up",
  "register",
  "login",
  "logout",
  "signin",
  "sign-in",
  "signout",
  "portal",
  "settings",
  "dev",
  "docs",
  "assess",
  "survey",
  "surveys",
  "invite",
  "invites",
  "onward",
  "support",
  "help",
  "status",
  "mail",
  "email",
  "static",
  "_next",
  "assets",
  "public",
  "billing",
  "account",
  "accounts",
  "dashboard",
  "leads",
  "projects",
  "journeys",
  "alerts",
  "refunds",
  "notifications",
  "auth",
  "cron",
  "health",
  "root",
  "system",
  "security",
  "blog",
  "about",
  "legal",
  "privacy",
  "terms",
  "test",
  "demo",
  "new",
  "null",
  "undefined",
]);

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Why a slug cannot be used, as the form shows it; null when its shape is fine. */
export function slugProblem(slug: string): { kind: "invalid" | "reserved"; message: string } | null {
  if (slug.length < SLUG_MIN) return { kind: "invalid", message: `Use at least ${SLUG_MIN} characters` };
  if (slug.length > SLUG_MAX) return { kind: "invalid", message: `Use at most ${SLUG_MAX} characters` };
  if (!SLUG_PATTERN.test(slug)) {
    return {
      kind: "invalid",
      message: "Use lowercase letters, digits and hyphens, not starting or ending with a hyphen",
    };
  }
  if (RESERVED_SLUGS.has(slug)) return { kind: "reserved", message: "This address is reserved. Choose another one" };
  return null;
}

/** A workspace address suggested from the company name: "Harbor Digital, Inc." → "harbor-digital-inc". */
export function suggestSlug(company: string): string {
  return company
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

export const ZSlugSchema = z
  .string({ message: "Choose a workspace address" })
  .trim()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: problem.message });
  });

/** The live check takes any text (up to a sane length) and answers invalid rather than refusing it. */
export const ZCheckSlugSchema = z.object({ slug: z.string().trim().max(200, "That address is too long") });

/** What the live check may say: nothing else about other workspaces. */
export const SLUG_AVAILABILITY = ["available", "taken", "reserved", "invalid"] as const;
export type SlugAvailability = (typeof SLUG_AVAILABILITY)[number];

export const ZCompanyNameSchema = z
  .string({ message: "Enter your company's name" })
  .trim()
  .min(2, "Enter your company's name (at least 2 characters)")
  .max(120, "Company names are at most 120 characters");

/**
 * Throw-away mailbox services: a workspace's founder needs an address that lasts. Refused with the same
 * field error as any other bad address (docs/signup.md#limits).
 */
export const DISPOSABLE_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "mailinator.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "sharklasers.com",
  "10minutemail.com",
  "temp-mail.org",
  "tempmail.com",
  "yopmail.com",
  "trashmail.com",
  "getnada.com",
  "dispostable.com",
  "throwawaymail.com",
  "maildrop.cc",
  "fakeinbox.com",
  "mailnesia.com",
  "mintemail.com",
  "tempr.email",
  "discard.email",
  "emailondeck.com",
  "moakt.com",
]);

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

export const ZWorkEmailSchema = ZEmailSchema.refine((email) => !DISPOSABLE_EMAIL_DOMAINS.has(emailDomain(email)), {
  message: "Use your work email: temporary mailboxes cannot own a workspace",
});

/** A sign-up code as the operator's CLI prints it (XXXX-XXXX-XXXX-XXXX); case and dashes do not matter. */
export const ZSignupCodeSchema = z
  .string()
  .trim()
  .max(64, "That code is too long")
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ""))
  .refine((code) => /^[A-Z0-9]{16}$/.test(code), { message: "Enter the sign-up code exactly as you received it" });

export const ZSignupSchema = z.object({
  companyName: ZCompanyNameSchema,
  slug: ZSlugSchema,
  founderName: ZPersonNameSchema,
  email: ZWorkEmailSchema,
  /** required when sign-up is by invitation; ignored otherwise */
  code: z.string().max(64, "That code is too long").optional(),
});

export type SignupInput = z.infer<typeof ZSignupSchema>;

/** The operator CLI's `tenant:create` arguments. */
export const ZCreateWorkspaceSchema = z.object({
  name: ZCompanyNameSchema,
  slug: ZSlugSchema,
  adminEmail: ZEmailSchema,
  adminName: ZPersonNameSchema,
});

export type CreateWorkspaceInput = z.infer<typeof ZCreateWorkspaceSchema>;
