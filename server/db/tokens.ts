import "server-only";
import type { DbOrTx } from "./client";

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
