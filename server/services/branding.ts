import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";
import type { DocumentBrand } from "@/lib/html";
import type { BrandingSettings, LogoUploadInput } from "@/lib/schemas/branding";
import { recordAudit } from "@/server/db/audit";
import {
  findBrandingLogo,
  findTenantBranding,
  saveBrandingLogo,
  saveBrandingSettings,
  type BrandingRow,
} from "@/server/db/branding";
import type { DbOrTx } from "@/server/db/client";
import { checkAccentColor, normalizeHex } from "@/domain/branding/contrast";
import { checkLogo, type LogoType } from "@/domain/branding/logo";
import { parseVerifiedDomains, resolveSender } from "@/domain/branding/sender";
import { AppError, notFound } from "@/server/errors";
import type { EmailBrand } from "@/server/messaging/templates/brand";
import type { ServiceContext } from "./context";

/**
 * Per-tenant portal branding and email sender (docs/branding.md): display name, logo, accent colour,
 * support email, From name/address and reply-to. Every change is audited with before and after (the
 * logo as its type, size and SHA-256, never its bytes) and counts as a new version. A tenant without a
 * row looks exactly like Onward's defaults.
 */

const TEXT_FIELDS = ["displayName", "accentColor", "supportEmail", "fromName", "fromEmail", "replyTo"] as const;

/** The logo's URL: versioned by its upload time, so it may be cached for a year. */
export function logoPath(tenantId: string, logoUpdatedAt: Date): string {
  return `/api/branding/logo/${encodeURIComponent(tenantId)}?v=${logoUpdatedAt.getTime()}`;
}

function textSnapshot(row: BrandingRow | null) {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, row?.[f] ?? null])) as Record<
    (typeof TEXT_FIELDS)[number],
    string | null
  >;
}

function senderPreview(row: BrandingRow | null) {
  const env = serverEnv();
  const verifiedDomains = parseVerifiedDomains(env.EMAIL_VERIFIED_DOMAINS);
  return { ...resolveSender(env.EMAIL_FROM, verifiedDomains, row), verifiedDomains };
}

/** What the settings page edits: the fields ("" when unset), the logo, and who emails will say they are from. */
export async function brandingForEditing(ctx: ServiceContext) {
  const found = await findTenantBranding(ctx.db, ctx.tenantId);
  if (!found) throw notFound("Workspace");
  const row = found.branding;
  const text = textSnapshot(row);
  return {
    tenantName: found.tenantName,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    settings: Object.fromEntries(TEXT_FIELDS.map((f) => [f, text[f] ?? ""])) as Record<
      (typeof TEXT_FIELDS)[number],
      string
    >,
    logo:
      row?.logoUpdatedAt && row.logoContentType
        ? {
            contentType: row.logoContentType,
            url: logoPath(ctx.tenantId, row.logoUpdatedAt),
            updatedAt: row.logoUpdatedAt,
          }
        : null,
    sender: senderPreview(row),
  };
}

export async function updateBrandingSettings(ctx: ServiceContext, input: BrandingSettings) {
  let accentColor: string | null = null;
  if (input.accentColor !== null) {
    const check = checkAccentColor(input.accentColor);
    if (!check.ok)
      throw new AppError("BAD_REQUEST", `This accent colour is not readable enough: ${check.reason}`, {
        fieldErrors: { accentColor: check.reason },
      });
    accentColor = check.hex;
  }
  const data = { ...input, accentColor };
  await ctx.db.$transaction(async (tx) => {
    const found = await findTenantBranding(tx, ctx.tenantId);
    if (!found) throw notFound("Workspace");
    const saved = await saveBrandingSettings(tx, ctx.tenantId, data, { actorId: ctx.actorId, at: ctx.now });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "branding.updated",
      entityType: "TenantBranding",
      entityId: ctx.tenantId,
      before: { version: found.branding?.version ?? 0, ...textSnapshot(found.branding) },
      after: { version: saved.version, ...textSnapshot(saved) },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return brandingForEditing(ctx);
}

const logoFacts = (logo: { contentType: string; bytes: Uint8Array } | null) =>
  logo
    ? {
        contentType: logo.contentType,
        bytes: logo.bytes.length,
        sha256: createHash("sha256").update(logo.bytes).digest("hex"),
      }
    : null;

async function writeLogo(
  ctx: ServiceContext,
  logo: { bytes: Uint8Array<ArrayBuffer>; contentType: LogoType } | null,
  action: string,
) {
  await ctx.db.$transaction(async (tx) => {
    const before = await findBrandingLogo(tx, ctx.tenantId);
    // removing a logo that is not there changes nothing: no new version, no audit entry
    if (!logo && !before) return;
    const saved = await saveBrandingLogo(tx, ctx.tenantId, logo, { actorId: ctx.actorId, at: ctx.now });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action,
      entityType: "TenantBranding",
      entityId: ctx.tenantId,
      before: {
        logo:
          before?.logo && before.logoContentType
            ? logoFacts({ contentType: before.logoContentType, bytes: before.logo })
            : null,
      },
      after: { version: saved.version, logo: logoFacts(logo) },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return brandingForEditing(ctx);
}

export async function uploadBrandingLogo(ctx: ServiceContext, input: LogoUploadInput) {
  const bytes = new Uint8Array(Buffer.from(input.dataBase64, "base64"));
  const check = checkLogo(bytes, input.contentType);
  if (!check.ok)
    throw new AppError("BAD_REQUEST", `This logo cannot be used: ${check.reason}`, {
      fieldErrors: { logo: check.reason },
    });
  return writeLogo(ctx, { bytes, contentType: check.contentType }, "branding.logo_uploaded");
}

export function removeBrandingLogo(ctx: ServiceContext) {
  return writeLogo(ctx, null, "branding.logo_removed");
}

/** How the portal, emails and documents show a tenant: its branding, or Onward's defaults (nulls). */
export type TenantBrand = {
  /** the display name, else the tenant's own name */
  name: string;
  /** whether the tenant set a display name, logo or accent (else Onward's own wording and look stay) */
  branded: boolean;
  accent: string | null;
  /** path of the versioned logo URL (prefix APP_URL for emails) */
  logoPath: string | null;
};

export async function tenantBrand(db: DbOrTx, tenantId: string): Promise<TenantBrand | null> {
  const found = await findTenantBranding(db, tenantId);
  if (!found) return null;
  const b = found.branding;
  return {
    name: b?.displayName ?? found.tenantName,
    branded: Boolean(b?.displayName || b?.logoUpdatedAt || b?.accentColor),
    // stored values were checked on save; normalising again keeps anything else out of a style sheet
    accent: b?.accentColor ? normalizeHex(b.accentColor) : null,
    logoPath: b?.logoUpdatedAt && b.logoContentType ? logoPath(tenantId, b.logoUpdatedAt) : null,
  };
}

/** The logo for GET /api/branding/logo/<tenantId>; null when the tenant (or its logo) does not exist. */
export async function brandingLogo(db: DbOrTx, tenantId: string) {
  const row = await findBrandingLogo(db, tenantId);
  if (!row?.logo || !row.logoContentType || !row.logoUpdatedAt) return null;
  return { bytes: row.logo, contentType: row.logoContentType, version: String(row.logoUpdatedAt.getTime()) };
}

/** The logo as a data: URI for self-contained documents (certificate, dossier), which load nothing else. */
export async function brandingLogoDataUri(db: DbOrTx, tenantId: string): Promise<string | null> {
  const logo = await brandingLogo(db, tenantId);
  return logo ? `data:${logo.contentType};base64,${Buffer.from(logo.bytes).toString("base64")}` : null;
}

/** The provider's look in a customer email; null when the tenant set none (the email stays as Onward's). */
export async function emailBrand(db: DbOrTx, tenantId: string, appUrl: string): Promise<EmailBrand | null> {
  const brand = await tenantBrand(db, tenantId);
  if (!brand?.branded) return null;
  return {
    name: brand.name,
    accent: brand.accent,
    logoUrl: brand.logoPath ? `${appUrl.replace(/\/$/, "")}${brand.logoPath}` : null,
  };
}

/** The provider's name, logo and accent for a certificate or dossier (docs/branding.md#documents). */
export async function documentBrand(db: DbOrTx, tenantId: string): Promise<DocumentBrand | null> {
  const brand = await tenantBrand(db, tenantId);
  if (!brand) return null;
  return {
    name: brand.name,
    accent: brand.accent,
    logoDataUri: brand.logoPath ? await brandingLogoDataUri(db, tenantId) : null,
  };
}

/**
 * For the onboarding checklist: the portal counts as branded once it has a logo or an accent colour,
 * the sender once a From name or address is set.
 */
export async function brandingStatus(
  db: DbOrTx,
  tenantId: string,
): Promise<{ portalBranded: boolean; senderSet: boolean }> {
  const b = (await findTenantBranding(db, tenantId))?.branding ?? null;
  return {
    portalBranded: Boolean(b?.logoUpdatedAt || b?.accentColor),
    senderSet: Boolean(b?.fromName || b?.fromEmail),
  };
}
