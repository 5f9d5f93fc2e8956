import "server-only";
import type { Db, DbOrTx } from "./client";

/** One-time tokens (invites) share Auth.js's VerificationToken table; only a digest is stored. */
export function createOneTimeToken(prisma: DbOrTx, identifier: string, digest: string, expires: Date) {
  return prisma.verificationToken.create({
    data: { identifier, token: digest, expires },
    select: { identifier: true },
  });
}

export function findOneTimeToken(prisma: DbOrTx, digest: string) {
  return prisma.verificationToken.findUnique({ where: { token: digest } });
}

/** deleteMany so a concurrent second redemption deletes 0 rows instead of throwing. */
export function consumeOneTimeToken(prisma: DbOrTx, digest: string) {
  return prisma.verificationToken.deleteMany({ where: { token: digest } });
}

/** A new sign-in link replaces every older one of the address (docs/security.md#magic-links). */
export function replaceMagicLinkTokens(prisma: Db, identifier: string, digest: string, expires: Date) {
  return prisma.$transaction(async (tx) => {
    // two links issued at once for one address: the second waits, then replaces the first (one row stays)
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`magic-link:${identifier}`}, 0))`;
    await tx.verificationToken.deleteMany({ where: { identifier } });
    return tx.verificationToken.create({ data: { identifier, token: digest, expires }, select: { identifier: true } });
  });
}

/**
 * Auth.js's useVerificationToken: the link's row goes, and with it every other link of the address,
 * so a link used once leaves no older one behind. Returns the used row, or null when there was none.
 */
export async function consumeMagicLinkToken(prisma: Db, identifier: string | undefined, digest: string) {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.verificationToken.findMany({ where: { token: digest }, take: 1 });
    if (!row || (identifier !== undefined && row.identifier !== identifier)) return null;
    // a concurrent use of the same link deletes 0 rows here and gets nothing
    const used = await tx.verificationToken.deleteMany({ where: { token: digest } });
    if (used.count !== 1) return null;
    await tx.verificationToken.deleteMany({ where: { identifier: row.identifier } });
    return row;
  });
}

/** Expired rows of any kind open nothing (invites and result links check the expiry too); they go. */
export function purgeExpiredTokens(prisma: DbOrTx, now: Date) {
  return prisma.verificationToken.deleteMany({ where: { expires: { lt: now } } });
}
