import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

/** Per-project API tokens (CI evidence). Only a SHA-256 digest of the secret is ever stored. */

const tokenListSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ApiTokenSelect;

export function findProjectForTokens(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.project.findFirst({ where: { tenantId, id: projectId }, select: { id: true, name: true } });
}

/** projectId null: the tenant's own API keys (journey API), not a project's CI tokens. */
export function countActiveTokens(prisma: DbOrTx, tenantId: string, projectId: string | null) {
  return prisma.apiToken.count({ where: { tenantId, projectId, revokedAt: null } });
}

export function insertApiToken(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string | null;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: string[];
    createdById: string;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.apiToken.create({ data: { ...data, createdAt: at }, select: tokenListSelect });
}

/** Active tokens first, newest first; the digest is never selected. */
export function listApiTokens(prisma: DbOrTx, tenantId: string, projectId: string | null) {
  return prisma.apiToken.findMany({
    where: { tenantId, projectId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: tokenListSelect,
  });
}

export function findApiToken(prisma: DbOrTx, tenantId: string, tokenId: string) {
  return prisma.apiToken.findFirst({
    where: { tenantId, id: tokenId },
    select: { id: true, name: true, prefix: true, projectId: true, revokedAt: true },
  });
}

/** Revokes unless already revoked; returns how many rows changed (0 or 1). */
export async function markTokenRevoked(prisma: DbOrTx, tenantId: string, tokenId: string, at: Date) {
  const res = await prisma.apiToken.updateMany({
    where: { tenantId, id: tokenId, revokedAt: null },
    data: { revokedAt: at },
  });
  return res.count;
}

/**
 * The one lookup without a tenant id: the bearer token is what names the tenant. The digest is unique;
 * a revoked token is returned too, so the caller decides (and answers the same way as for an unknown one).
 */
export function findTokenByHash(prisma: DbOrTx, tokenHash: string) {
  return prisma.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, tenantId: true, projectId: true, scopes: true, revokedAt: true, createdById: true },
  });
}

export function touchToken(prisma: DbOrTx, tenantId: string, tokenId: string, at: Date) {
  return prisma.apiToken.updateMany({ where: { tenantId, id: tokenId }, data: { lastUsedAt: at } });
}
