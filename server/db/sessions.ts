import "server-only";
import type { Db, DbOrTx } from "./client";
import type { Role, StakeholderRole } from "@/generated/prisma/enums";

export async function createSession(
  prisma: Db,
  data: {
    tenantId: string;
    userId: string;
    method: string;
    ip?: string | null;
    userAgent?: string | null;
    expiresAt: Date;
    now: Date;
  },
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

type SessionRow = {
  id: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date;
  userId: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string;
  customerAccountId: string | null;
  stakeholderRole: StakeholderRole | null;
  isApprover: boolean;
  disabledAt: Date | null;
  tenantName: string;
  tenantSlug: string;
  mustEnrolTwoFactor: boolean;
  idleHours: number;
};

/**
 * The session row with its user, only if still valid: not revoked, not expired, not idle longer than
 * the tenant allows for the user's kind (staff / customer, docs/security.md#sessions), user not disabled.
 * Every authenticated request runs this, so it is one joined statement (Prisma's nested select sent
 * three: session, user, tenant — bench/README.md, P2).
 */
export async function findActiveSession(prisma: Db, sessionId: string, now: Date) {
  const [r] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s."expiresAt", s."revokedAt", s."lastSeenAt", u.id AS "userId", u.email, u.name, u.role, u."tenantId", u."customerAccountId",
           u."stakeholderRole", u."isApprover", u."disabledAt", t.name AS "tenantName", t.slug AS "tenantSlug",
           (t."requireTwoFactor" AND u."totpEnabledAt" IS NULL AND u.role <> 'CUSTOMER') AS "mustEnrolTwoFactor",
           CASE WHEN u.role = 'CUSTOMER' THEN t."customerIdleHours" ELSE t."staffIdleHours" END AS "idleHours"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId" JOIN "Tenant" t ON t.id = u."tenantId"
    WHERE s.id = ${sessionId}`;
  if (!r || r.revokedAt || r.expiresAt <= now || r.disabledAt) return null;
  if (now.getTime() - r.lastSeenAt.getTime() > r.idleHours * 3_600_000) return null;
  return {
    id: r.id,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastSeenAt: r.lastSeenAt,
    user: {
      id: r.userId,
      email: r.email,
      name: r.name,
      role: r.role,
      tenantId: r.tenantId,
      customerAccountId: r.customerAccountId,
      stakeholderRole: r.stakeholderRole,
      isApprover: r.isApprover,
      disabledAt: r.disabledAt,
      mustEnrolTwoFactor: r.mustEnrolTwoFactor,
      tenant: { name: r.tenantName, slug: r.tenantSlug },
    },
  };
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
