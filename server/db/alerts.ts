import type { AlertStatusFilter } from "@/lib/schemas/alerts";
import type { DbOrTx } from "./client";
import type { Prisma } from "./generated/client";
import type { AlertSeverity } from "./generated/enums";

/** The alerts page's filter: a tenant, open/resolved/all, optionally one severity. */
function alertWhere(tenantId: string, status: AlertStatusFilter, severity?: AlertSeverity): Prisma.AlertWhereInput {
  return {
    tenantId,
    ...(status === "open" ? { resolvedAt: null } : status === "resolved" ? { resolvedAt: { not: null } } : {}),
    ...(severity ? { severity } : {}),
  };
}

/** One page of alerts, most severe first, newest first within a severity; with its project and account names. */
export function listAlerts(prisma: DbOrTx, tenantId: string, f: { status: AlertStatusFilter; severity?: AlertSeverity; skip: number; take: number }) {
  return prisma.alert.findMany({
    where: alertWhere(tenantId, f.status, f.severity),
    orderBy: [{ severity: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: f.skip,
    take: f.take,
    select: {
      id: true, severity: true, kind: true, message: true, link: true, createdAt: true, resolvedAt: true, projectId: true,
      project: { select: { name: true } },
      customerAccount: { select: { name: true } },
    },
  });
}

export function countAlerts(prisma: DbOrTx, tenantId: string, status: AlertStatusFilter, severity?: AlertSeverity) {
  return prisma.alert.count({ where: alertWhere(tenantId, status, severity) });
}

/** Open alerts of the tenant by severity (the page's filter counts). */
export async function openAlertCounts(prisma: DbOrTx, tenantId: string): Promise<Partial<Record<AlertSeverity, number>>> {
  const rows = await prisma.alert.groupBy({ by: ["severity"], where: { tenantId, resolvedAt: null }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.severity, r._count._all]));
}

export function findAlert(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.alert.findFirst({ where: { tenantId, id }, select: { id: true, kind: true, severity: true, resolvedAt: true } });
}

/** The alerts about one week: raised by its validation (at risk, failed) or by the milestone check (overdue, escalation). */
export const WEEK_ALERT_KINDS = ["milestone_at_risk", "milestone_failed", "milestone_overdue", "milestone_escalation"] as const;

/** The week's open alerts of those kinds (`link` names the week: /projects/<id>#week-<n>). */
export function openWeekAlerts(prisma: DbOrTx, tenantId: string, projectId: string, link: string) {
  return prisma.alert.findMany({ where: { tenantId, projectId, link, kind: { in: [...WEEK_ALERT_KINDS] }, resolvedAt: null }, select: { id: true, kind: true } });
}

/** Resolves those of the alerts still open; the count says how many this call resolved. */
export function resolveOpenAlerts(prisma: DbOrTx, tenantId: string, ids: string[], at: Date) {
  return prisma.alert.updateMany({ where: { tenantId, id: { in: ids }, resolvedAt: null }, data: { resolvedAt: at } });
}

export function setAlertMessage(prisma: DbOrTx, tenantId: string, id: string, message: string) {
  return prisma.alert.updateMany({ where: { tenantId, id }, data: { message } });
}

/** Every alert of the filter in the page's order, in batches (the CSV export). */
export async function* iterateAlerts(prisma: DbOrTx, tenantId: string, f: { status: AlertStatusFilter; severity?: AlertSeverity }, batchSize = 500) {
  for (let skip = 0; ; skip += batchSize) {
    const rows = await listAlerts(prisma, tenantId, { ...f, skip, take: batchSize });
    yield* rows;
    if (rows.length < batchSize) return;
  }
}
