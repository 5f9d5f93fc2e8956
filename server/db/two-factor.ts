import "server-only";
import type { DbOrTx } from "./client";

/** Two-factor sign-in queries (docs/security.md#two-factor-sign-in): every one takes the tenant id. */

const TWO_FACTOR = {
  id: true,
  email: true,
  role: true,
  totpSecret: true,
  totpPendingSecret: true,
  totpEnabledAt: true,
  totpLastTimeStep: true,
} as const;

export function findTwoFactorUser(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({ where: { id: userId, tenantId }, select: TWO_FACTOR });
}

export function countUnusedRecoveryCodes(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.twoFactorRecoveryCode.count({ where: { tenantId, userId, usedAt: null } });
}

export function setPendingTotpSecret(prisma: DbOrTx, tenantId: string, userId: string, secret: string) {
  return prisma.user.update({
    where: { id: userId, tenantId },
    data: { totpPendingSecret: secret },
    select: { id: true },
  });
}

/** Turns two-factor sign-in on with the confirmed secret and replaces the recovery codes. */
export async function enableTotp(
  prisma: DbOrTx,
  tenantId: string,
  userId: string,
  data: { secret: string; timeStep: number; codeHashes: string[]; now: Date },
) {
  await prisma.twoFactorRecoveryCode.deleteMany({ where: { tenantId, userId } });
  await prisma.twoFactorRecoveryCode.createMany({
    data: data.codeHashes.map((codeHash) => ({ tenantId, userId, codeHash, createdAt: data.now })),
  });
  return prisma.user.update({
    where: { id: userId, tenantId },
    data: {
      totpSecret: data.secret,
      totpPendingSecret: null,
      totpEnabledAt: data.now,
      totpLastTimeStep: data.timeStep,
    },
    select: { id: true, totpEnabledAt: true },
  });
}

/** Two-factor sign-in off: secret, pending secret and recovery codes gone. */
export async function clearTotp(prisma: DbOrTx, tenantId: string, userId: string) {
  await prisma.twoFactorRecoveryCode.deleteMany({ where: { tenantId, userId } });
  return prisma.user.update({
    where: { id: userId, tenantId },
    data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastTimeStep: null },
    select: { id: true },
  });
}

/**
 * Records the time step of an accepted code, only if it is later than the last one: two requests racing
 * with the same code cannot both win. True when this call recorded it.
 */
export async function claimTimeStep(prisma: DbOrTx, tenantId: string, userId: string, timeStep: number) {
  const { count } = await prisma.user.updateMany({
    where: {
      id: userId,
      tenantId,
      totpSecret: { not: null },
      OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }],
    },
    data: { totpLastTimeStep: timeStep },
  });
  return count === 1;
}

/** Marks an unused recovery code used; true when this call used it. */
export async function spendRecoveryCode(prisma: DbOrTx, tenantId: string, userId: string, codeHash: string, now: Date) {
  const { count } = await prisma.twoFactorRecoveryCode.updateMany({
    where: { tenantId, userId, codeHash, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export function findTenantTwoFactorRule(prisma: DbOrTx, tenantId: string) {
  return prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { requireTwoFactor: true } });
}
