import "server-only";
import type { DbOrTx } from "./client";

/**
 * Pending workspace sign-ups and the operator's sign-up codes (docs/signup.md). A sign-up past its
 * expiresAt counts as gone: every read here ignores it, and the next sign-up for its slug or email
 * deletes it first.
 */

export const pendingSignupSelect = {
  id: true,
  companyName: true,
  slug: true,
  founderName: true,
  email: true,
  expiresAt: true,
  codeId: true,
} as const;

export function pendingSignupWithSlug(prisma: DbOrTx, slug: string, now: Date) {
  return prisma.workspaceSignup.findFirst({
    where: { slug, expiresAt: { gt: now } },
    select: { id: true, email: true },
  });
}

export function pendingSignupByDigest(prisma: DbOrTx, tokenDigest: string, now: Date) {
  return prisma.workspaceSignup.findFirst({
    where: { tokenDigest, expiresAt: { gt: now } },
    select: pendingSignupSelect,
  });
}

/** Expired rows holding this slug or email: deleted so a new sign-up may take their place. */
export function deleteExpiredSignups(prisma: DbOrTx, keys: { slug: string; email: string }, now: Date) {
  return prisma.workspaceSignup.deleteMany({
    where: { expiresAt: { lte: now }, OR: [{ slug: keys.slug }, { email: keys.email }] },
  });
}

export function signupByEmail(prisma: DbOrTx, email: string) {
  return prisma.workspaceSignup.findUnique({ where: { email }, select: { id: true } });
}

export type SignupRow = {
  companyName: string;
  slug: string;
  founderName: string;
  email: string;
  tokenDigest: string;
  expiresAt: Date;
  ip: string | null;
  codeId: string | null;
};

export function insertSignup(prisma: DbOrTx, row: SignupRow, at: Date) {
  return prisma.workspaceSignup.create({ data: { ...row, createdAt: at }, select: { id: true } });
}

/** The same email's pending row takes the new details and a new link (the old link stops working). */
export function replaceSignup(prisma: DbOrTx, id: string, row: SignupRow) {
  return prisma.workspaceSignup.update({ where: { id }, data: row, select: { id: true } });
}

/** deleteMany, so a second, concurrent verification of the same link deletes 0 rows instead of throwing. */
export function consumeSignup(prisma: DbOrTx, id: string, tokenDigest: string, now: Date) {
  return prisma.workspaceSignup.deleteMany({ where: { id, tokenDigest, expiresAt: { gt: now } } });
}

// ---------------------------------------------------------------- codes

export function insertSignupCode(
  prisma: DbOrTx,
  row: { codeDigest: string; expiresAt: Date; note: string | null },
  at: Date,
) {
  return prisma.signupCode.create({ data: { ...row, createdAt: at }, select: { id: true, expiresAt: true } });
}

export function usableSignupCode(prisma: DbOrTx, codeDigest: string, now: Date) {
  return prisma.signupCode.findFirst({
    where: { codeDigest, usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
}

/** A code another (unexpired) pending sign-up already entered: it belongs to that founder until it expires. */
export function codeHeldByOther(prisma: DbOrTx, codeId: string, email: string, now: Date) {
  return prisma.workspaceSignup.findFirst({
    where: { codeId, email: { not: email }, expiresAt: { gt: now } },
    select: { id: true },
  });
}

/** Marks the code used by this workspace; 0 rows when it was used (or expired) meanwhile. */
export function consumeSignupCode(prisma: DbOrTx, id: string, slug: string, now: Date) {
  return prisma.signupCode.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedBySlug: slug },
  });
}
