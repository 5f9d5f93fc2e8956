import type { DbOrTx } from "@/server/db/client";
import { findTenantBranding } from "@/server/db/branding";
import { resolveSender, type ResolvedSender } from "@/domain/branding/sender";
import type { DeliveryConfig } from "./config";

/**
 * The From and Reply-To of one email, read when it is sent (so a change applies to mail still queued):
 * the tenant's branding through the sender rule (docs/branding.md#sender). Platform mail (no tenant)
 * and tenants without branding use EMAIL_FROM unchanged.
 */
export async function emailSenderOf(
  db: DbOrTx,
  tenantId: string | null,
  email: NonNullable<DeliveryConfig["email"]>,
): Promise<ResolvedSender> {
  const found = tenantId ? await findTenantBranding(db, tenantId) : null;
  return resolveSender(email.from, email.verifiedDomains ?? [], found?.branding ?? null);
}
