import "server-only";
import { AuthError } from "next-auth";
import type { Db } from "@/server/db/client";
import { escapeHtml } from "@/lib/html";
import { enqueueEmail, deliverEmailNow } from "@/server/messaging/outbox";
import { createHash } from "node:crypto";
import { findUserForMagicLink } from "@/server/db/users";
import { replaceMagicLinkTokens, purgeExpiredTokens } from "@/server/db/tokens";
import { serverEnv } from "@/lib/env";
import { clientIpFrom } from "@/server/http/client-ip";
import { logger } from "@/server/logger";
import { emailBrandHeader } from "@/server/messaging/templates/brand";
import { emailBrand } from "@/server/services/branding";
import { hit } from "./rate-limit";
import { auditSignInEvent } from "./audit-events";

/** How long a sign-in link works: MAGIC_LINK_MINUTES, 30 by default (docs/security.md#magic-links). */
export function magicLinkMinutes(): number {
  const value = Number(process.env.MAGIC_LINK_MINUTES);
  return Number.isInteger(value) && value > 0 && value <= 24 * 60 ? value : 30;
}

/** A link request over a limit: Auth.js rethrows it to the login action (raw mode), which shows the wait. */
export class ThrottledMagicLink extends AuthError {
  static type = "EmailSignInError";
  constructor(
    readonly scope: "network" | "address",
    readonly retryAfterSeconds: number,
  ) {
    super(`magic link throttled per ${scope}`);
  }
}

/** The digest Auth.js stores and looks up for a link's token (@auth/core createHash of token + secret). */
export function magicLinkDigest(token: string): string {
  return createHash("sha256").update(`${token}${serverEnv().AUTH_SECRET}`).digest("hex");
}

/**
 * Work after the answer: the link's row and its email. Kept here so tests can wait for it
 * (`settleMagicLinks`); a failure is logged, never shown — the page says the same for every address.
 */
const pending = new Set<Promise<void>>();
let queue: Promise<void> = Promise.resolve();

export async function settleMagicLinks(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/**
 * Every sign-in link goes through here (the email provider's sendVerificationRequest; the adapter's
 * createVerificationToken stores nothing). Limits are counted for every address alike, then the
 * answer goes back at once: whether the address may use a link, the token row and the email happen
 * after it, so neither the answer nor its timing tells a customer's address from any other
 * (docs/security.md#magic-links).
 */
export async function issueMagicLink(
  prisma: Db,
  link: { identifier: string; token: string; url: string; expires: Date; headers: Headers },
): Promise<void> {
  const ip = clientIpFrom(link.headers);
  // per network first, so a refused request does not also use up the address's allowance
  const ipWait = await hit("magicLinkIp", ip);
  if (ipWait > 0) throw new ThrottledMagicLink("network", ipWait);
  const wait = await hit("magicLink", link.identifier);
  if (wait > 0) throw new ThrottledMagicLink("address", wait);
  // one at a time in this process: the embedded database serves one transaction at a time, and links
  // issued together for one address must replace each other in order (the advisory lock orders instances)
  const work = queue
    .then(() => storeAndSend(prisma, link, new Date(), ip))
    .catch((error: unknown) => {
      logger.error({ err: error }, "magic link: could not store or send the link");
    });
  queue = work;
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

async function storeAndSend(
  prisma: Db,
  link: { identifier: string; token: string; url: string; expires: Date },
  now: Date,
  ip: string,
): Promise<void> {
  await purgeExpiredTokens(prisma, now);
  const user = await findUserForMagicLink(prisma, link.identifier);
  // links are for customer stakeholders only (docs/security.md#who-may-do-what): nothing for anyone else
  let issued = false;
  if (user && user.role === "CUSTOMER" && !user.disabledAt) {
    // a new link replaces the address's older ones
    await replaceMagicLinkTokens(prisma, link.identifier, magicLinkDigest(link.token), link.expires);
    issued = await sendMagicLink(prisma, link.identifier, link.url, link.expires, now);
  }
  // every request is in the audit trail, an address with no account by its hash (docs/security.md#sign-in-audit)
  await auditSignInEvent(prisma, { action: "auth.magic_link_requested", email: link.identifier, issued, ip }, now);
}

/**
 * The sign-in email, for customer stakeholders only. For any other address nothing is sent (and the
 * page says the same thing either way, so it reveals no account).
 */
export async function sendMagicLink(
  prisma: Db,
  email: string,
  url: string,
  expires: Date,
  now: Date,
): Promise<boolean> {
  const user = await findUserForMagicLink(prisma, email);
  if (!user || user.role !== "CUSTOMER" || user.disabledAt) return false;
  const minutes = Math.round((expires.getTime() - now.getTime()) / 60000);
  const hours = Math.round(minutes / 60);
  const validity = minutes >= 120 ? `${hours} hours` : `${minutes} minutes`;
  // the provider's name and logo when it set them (docs/branding.md#emails); otherwise the wording stays Onward's
  const brand = await emailBrand(prisma, user.tenantId, serverEnv().APP_URL);
  const name = brand?.name ?? user.tenant.name;
  const where = brand ? `your ${name} project portal` : `your ${name} project portal on Onward`;
  const text = [
    `Hi ${user.name},`,
    "",
    `Use this link to sign in to ${where}:`,
    url,
    "",
    `The link works once and expires in ${validity}. If you did not ask for it, ignore this email.`,
  ].join("\n");
  const html = `${brand ? emailBrandHeader(brand) : ""}<p>Hi ${escapeHtml(user.name)},</p><p>Use this link to sign in to ${escapeHtml(where)}:</p><p><a href="${escapeHtml(url)}">${brand ? `Sign in to ${escapeHtml(name)}` : "Sign in to Onward"}</a></p><p>The link works once and expires in ${validity}. If you did not ask for it, ignore this email.</p>`;
  const message = await enqueueEmail(
    prisma,
    {
      tenantId: user.tenantId,
      to: email,
      subject: `Your sign-in link for ${name}`,
      text,
      html,
      idempotencyKey: `magic-link/${createHash("sha256").update(url).digest("hex")}`,
    },
    now,
  );
  await deliverEmailNow(prisma, message.id, now);
  return true;
}
