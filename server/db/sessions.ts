import type { Db, DbOrTx } from "./client";

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  tenantId: true,
  customerAccountId: true,
  stakeholderRole: true,
  isApprover: true,
  disabledAt: true,
  tenant: { select: { name: true, slug: true } },
} as const;

export async function createSession(
  prisma: Db,
  data: { tenantId: string; userId: string; method: string; ip?: string | null; userAgent?: string | null; expiresAt: Date; now: Date },
): Promise<string> {
  const [session] = await prisma.$transaction([
    prisma.userSession.create({
      data: {
        tenantId: data.tenantId,
        userId: data.userId,
        method: data.method,
        ip: data.ip ?? null,
        userAgent: data.userAgent?.slice(0, 500) ?? null,
        expiresAt: data.expiresAt,
        createdAt: data.now,
        lastSeenAt: data.now,
      },
      select: { id: true },
    }),
    prisma.user.update({ where: { id: data.userId }, data: { lastLoginAt: data.now }, select: { id: true } }),
  ]);
  return session.id;
}

/** The session row with its user, only if still valid: not revoked, not expired, user not disabled. */
export async function findActiveSession(prisma: Db, sessionId: string, now: Date) {
  const session = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, expiresAt: true, revokedAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  return session;
}

export function touchSession(prisma: Db, sessionId: string, now: Date) {
  return prisma.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
}

export function revokeSession(prisma: Db, sessionId: string, now: Date) {
  return prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export function revokeUserSessions(prisma: DbOrTx, tenantId: string, userId: string, now: Date) {
  return prisma.userSession.updateMany({ where: { tenantId, userId, revokedAt: null }, data: { revokedAt: now } });
}
