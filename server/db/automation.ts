import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";

/** Readers the scheduled jobs share: tenants, the people to message, recent alerts. Tenant-scoped. */

export type JobTenant = { id: string; name: string; timezone: string; currency: string };

/** Every tenant in id order, or the one a "run now" names. */
export function listTenantsForJobs(prisma: Db, tenantId: string | null): Promise<JobTenant[]> {
  return prisma.tenant.findMany({
    where: tenantId ? { id: tenantId } : {},
    orderBy: { id: "asc" },
    select: { id: true, name: true, timezone: true, currency: true },
  });
}

export const personSelect = {
  id: true,
  tenantId: true,
  email: true,
  name: true,
  role: true,
  stakeholderRole: true,
  customerAccountId: true,
  isApprover: true,
  channelPrefs: true,
} satisfies Prisma.UserSelect;

export type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

/** Active (not disabled) people among `ids`. */
export function activePeople(prisma: DbOrTx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as PersonRow[]);
  return prisma.user.findMany({
    where: { tenantId, id: { in: [...ids] }, disabledAt: null },
    orderBy: { id: "asc" },
    select: personSelect,
  });
}

export function activePeopleByRole(prisma: DbOrTx, tenantId: string, roles: readonly Role[]) {
  return prisma.user.findMany({
    where: { tenantId, role: { in: [...roles] }, disabledAt: null },
    orderBy: { id: "asc" },
    select: personSelect,
  });
}

/** An account's active customer stakeholders, oldest first (the first is the primary contact). */
export function accountPeople(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  opts: { approversOnly?: boolean } = {},
) {
  return prisma.user.findMany({
    where: {
      tenantId,
      customerAccountId,
      role: "CUSTOMER",
      disabledAt: null,
      ...(opts.approversOnly ? { isApprover: true } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: personSelect,
  });
}

/** Alerts raised since `since`, in id order after `afterId`, with who is responsible for the project. */
export function recentAlerts(prisma: Db, tenantId: string, since: Date, afterId: string | null, take: number) {
  return prisma.alert.findMany({
    where: { tenantId, createdAt: { gte: since }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      severity: true,
      kind: true,
      message: true,
      link: true,
      createdAt: true,
      resolvedAt: true,
      project: { select: { id: true, name: true, techLeadId: true, customerAccount: { select: { csmId: true } } } },
      customerAccount: { select: { csmId: true } },
    },
  });
}

/**
 * A person's notifications since a moment (what a digest sums up), newest first: those shown at once
 * and those held for the digest, but none about an alert resolved since (docs/alerts.md#the-bell).
 */
export async function notificationsSince(prisma: Db, tenantId: string, userId: string, since: Date, take: number) {
  const where: Prisma.NotificationWhereInput = {
    tenantId,
    userId,
    createdAt: { gte: since },
    OR: [{ alertId: null }, { alert: { resolvedAt: null } }],
  };
  const [total, rows] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { title: true },
    }),
  ]);
  return { total, titles: rows.map((r) => r.title) };
}

/**
 * `notificationsSince` for many people in one statement (the digest job's page): per person, how
 * many notifications since their own `since`, and the titles of the newest `take` — the same rule.
 */
export async function notificationsSinceMany(
  prisma: Db,
  tenantId: string,
  people: { userId: string; since: Date }[],
  take: number,
) {
  const out = new Map<string, { total: number; titles: string[] }>();
  if (people.length === 0) return out;
  const current = Prisma.sql`(n."alertId" IS NULL OR EXISTS (SELECT 1 FROM "Alert" a WHERE a.id = n."alertId" AND a."resolvedAt" IS NULL))`;
  const rows = await prisma.$queryRaw<{ userId: string; total: number; titles: string[] }[]>`
    SELECT p.uid AS "userId",
      (SELECT count(*)::int FROM "Notification" n WHERE n."tenantId" = ${tenantId} AND n."userId" = p.uid AND n."createdAt" >= p.since AND ${current}) AS total,
      ARRAY(SELECT n.title FROM "Notification" n WHERE n."tenantId" = ${tenantId} AND n."userId" = p.uid AND n."createdAt" >= p.since AND ${current}
            ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${take}) AS titles
    FROM unnest(${people.map((p) => p.userId)}::text[], ${people.map((p) => p.since.toISOString())}::text[]::timestamp[]) AS p(uid, since)`;
  for (const r of rows) out.set(r.userId, { total: r.total, titles: r.titles });
  return out;
}
