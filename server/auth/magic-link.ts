import "server-only";
import type { Db } from "@/server/db/client";
import { escapeHtml } from "@/lib/html";
import { enqueueEmail, deliverEmailNow } from "@/server/messaging/outbox";
import { createHash } from "node:crypto";
import { findUserForMagicLink } from "@/server/db/users";
import { serverEnv } from "@/lib/env";
import { emailBrandHeader } from "@/server/messaging/templates/brand";
import { emailBrand } from "@/server/services/branding";

/**
 * Magic links are for customer stakeholders only. For any other address nothing is sent (and the
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
