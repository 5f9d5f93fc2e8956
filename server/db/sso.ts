import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Db, DbOrTx } from "./client";

/** Single sign-on settings, domains and attempts (docs/security.md#single-sign-on). */

const settingsSelect = {
  issuer: true,
  clientId: true,
  provisioning: true,
  defaultRole: true,
  passwordSignInOff: true,
  version: true,
  updatedAt: true,
} as const;

/** The settings without the client secret (which is write-only) and the workspace's domains. */
export async function findSsoSettings(prisma: DbOrTx, tenantId: string) {
  const [settings, domains] = await Promise.all([
    prisma.tenantSso.findUnique({ where: { tenantId }, select: settingsSelect }),
    prisma.ssoDomain.findMany({ where: { tenantId }, select: { domain: true }, orderBy: { domain: "asc" } }),
  ]);
  return { settings, domains: domains.map((d) => d.domain) };
}

/** The saved client secret, for the service only (never returned to a caller). */
export async function findSsoClientSecret(prisma: DbOrTx, tenantId: string) {
  const row = await prisma.tenantSso.findUnique({ where: { tenantId }, select: { clientSecret: true } });
  return row?.clientSecret ?? null;
}

/** Which of these domains another workspace has. */
export async function domainsOfOtherTenants(prisma: DbOrTx, tenantId: string, domains: readonly string[]) {
  const rows = await prisma.ssoDomain.findMany({
    where: { domain: { in: [...domains] }, tenantId: { not: tenantId } },
    select: { domain: true },
  });
  return rows.map((r) => r.domain);
}

export async function saveSsoSettings(
  prisma: DbOrTx,
  tenantId: string,
  data: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    provisioning: string;
    defaultRole: Role;
    passwordSignInOff: boolean;
    domains: readonly string[];
  },
  meta: { actorId: string; at: Date },
) {
  const { domains, ...fields } = data;
  await prisma.ssoDomain.deleteMany({ where: { tenantId, domain: { notIn: [...domains] } } });
  await prisma.ssoDomain.createMany({ data: domains.map((domain) => ({ domain, tenantId })), skipDuplicates: true });
  return prisma.tenantSso.upsert({
    where: { tenantId },
    create: { tenantId, ...fields, version: 1, updatedAt: meta.at, updatedById: meta.actorId },
    update: { ...fields, version: { increment: 1 }, updatedAt: meta.at, updatedById: meta.actorId },
    select: settingsSelect,
  });
}

/** Password sign-in back on for the workspace's domains (the operator's recovery), as a new settings version. */
export function allowPasswordSignIn(prisma: DbOrTx, tenantId: string, at: Date) {
  return prisma.tenantSso.update({
    where: { tenantId },
    data: { passwordSignInOff: false, version: { increment: 1 }, updatedAt: at, updatedById: null },
    select: settingsSelect,
  });
}

export async function deleteSsoSettings(prisma: DbOrTx, tenantId: string) {
  await prisma.ssoDomain.deleteMany({ where: { tenantId } });
  await prisma.tenantSso.deleteMany({ where: { tenantId } });
}

/** The workspace whose single sign-on an email domain uses, with everything a sign-in needs. */
export async function findSsoByDomain(prisma: Db, domain: string) {
  const row = await prisma.ssoDomain.findUnique({
    where: { domain },
    select: {
      tenant: {
        select: {
          id: true,
          sso: {
            select: {
              issuer: true,
              clientId: true,
              clientSecret: true,
              provisioning: true,
              defaultRole: true,
              passwordSignInOff: true,
            },
          },
        },
      },
    },
  });
  return row?.tenant.sso ? { tenantId: row.tenant.id, ...row.tenant.sso } : null;
}

export async function findSsoForTenant(prisma: DbOrTx, tenantId: string) {
  const [sso, domains] = await Promise.all([
    prisma.tenantSso.findUnique({
      where: { tenantId },
      select: {
        issuer: true,
        clientId: true,
        clientSecret: true,
        provisioning: true,
        defaultRole: true,
        passwordSignInOff: true,
      },
    }),
    prisma.ssoDomain.findMany({ where: { tenantId }, select: { domain: true } }),
  ]);
  return sso ? { tenantId, ...sso, domains: domains.map((d) => d.domain) } : null;
}

export function createSsoLogin(
  prisma: Db,
  data: { stateHash: string; tenantId: string; nonce: string; codeVerifier: string; now: Date; expiresAt: Date },
) {
  return prisma.ssoLogin.create({
    data: {
      stateHash: data.stateHash,
      tenantId: data.tenantId,
      nonce: data.nonce,
      codeVerifier: data.codeVerifier,
      createdAt: data.now,
      expiresAt: data.expiresAt,
    },
    select: { stateHash: true },
  });
}

/** Takes the attempt a provider's answer names, once: null when unknown, expired or already answered. */
export async function claimSsoLogin(prisma: Db, stateHash: string, now: Date) {
  const row = await prisma.ssoLogin.findFirst({
    where: { stateHash, expiresAt: { gt: now }, usedAt: null },
    select: { stateHash: true, tenantId: true, nonce: true, codeVerifier: true },
  });
  if (!row) return null;
  const claimed = await prisma.ssoLogin.updateMany({ where: { stateHash, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1 ? row : null;
}

/** The verified attempt gets the one-time ticket that opens the session. */
export function setSsoTicket(
  prisma: DbOrTx,
  stateHash: string,
  ticket: { ticketHash: string; userId: string; expiresAt: Date },
) {
  return prisma.ssoLogin.update({ where: { stateHash }, data: ticket, select: { stateHash: true } });
}

/** Redeems a ticket once (the row goes): the user it opens a session for, or null (unknown, used, expired). */
export async function redeemSsoTicket(prisma: Db, ticketHash: string, now: Date) {
  const row = await prisma.ssoLogin.findUnique({
    where: { ticketHash },
    select: { stateHash: true, userId: true, tenantId: true, expiresAt: true },
  });
  if (!row?.userId || row.expiresAt <= now) return null;
  const gone = await prisma.ssoLogin.deleteMany({ where: { stateHash: row.stateHash, ticketHash } });
  return gone.count === 1 ? { userId: row.userId, tenantId: row.tenantId } : null;
}

/** Finished or expired attempts are of no use after a day. */
export function purgeSsoLogins(prisma: Db, before: Date) {
  return prisma.ssoLogin.deleteMany({ where: { expiresAt: { lt: before } } });
}
