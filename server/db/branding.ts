import "server-only";
import type { DbOrTx, Prisma } from "./client";

/** A tenant's branding row (docs/branding.md). Every query takes the tenant id; the logo bytes are read only where served. */
const settingsSelect = {
  displayName: true,
  accentColor: true,
  supportEmail: true,
  fromName: true,
  fromEmail: true,
  replyTo: true,
  logoContentType: true,
  logoUpdatedAt: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.TenantBrandingSelect;

export type BrandingRow = Prisma.TenantBrandingGetPayload<{ select: typeof settingsSelect }>;

/** The tenant's name and branding (null when it never set any); null when the tenant does not exist. */
export async function findTenantBranding(prisma: DbOrTx, tenantId: string) {
  const tenant = await prisma.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, branding: { select: settingsSelect } },
  });
  return tenant ? { tenantName: tenant.name, branding: tenant.branding } : null;
}

export function findBrandingLogo(prisma: DbOrTx, tenantId: string) {
  return prisma.tenantBranding.findFirst({
    where: { tenantId, logo: { not: null } },
    select: { logo: true, logoContentType: true, logoUpdatedAt: true },
  });
}

type SettingsData = {
  displayName: string | null;
  accentColor: string | null;
  supportEmail: string | null;
  fromName: string | null;
  fromEmail: string | null;
  replyTo: string | null;
};

/** Writes the text settings as the next version (the first save creates the row as version 1). */
export function saveBrandingSettings(
  prisma: DbOrTx,
  tenantId: string,
  data: SettingsData,
  meta: { actorId: string; at: Date },
) {
  return prisma.tenantBranding.upsert({
    where: { tenantId },
    create: { tenantId, ...data, version: 1, updatedAt: meta.at, updatedById: meta.actorId },
    update: { ...data, version: { increment: 1 }, updatedAt: meta.at, updatedById: meta.actorId },
    select: settingsSelect,
  });
}

/** Replaces (or with null removes) the logo; its own timestamp versions the logo URL. */
export function saveBrandingLogo(
  prisma: DbOrTx,
  tenantId: string,
  logo: { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null,
  meta: { actorId: string; at: Date },
) {
  const data = {
    logo: logo?.bytes ?? null,
    logoContentType: logo?.contentType ?? null,
    logoUpdatedAt: logo ? meta.at : null,
    updatedAt: meta.at,
    updatedById: meta.actorId,
  };
  return prisma.tenantBranding.upsert({
    where: { tenantId },
    create: { tenantId, ...data, version: 1 },
    update: { ...data, version: { increment: 1 } },
    select: settingsSelect,
  });
}
