import "server-only";
import type { AlertStatusFilter } from "@/lib/schemas/alerts";
import type { Db, DbOrTx } from "./client";
import type { Prisma } from "@/generated/prisma/client";
import type { AlertKind, AlertSeverity } from "@/generated/prisma/enums";
import { ALERT_KINDS } from "@/domain/alerts/registry";

/** The alerts page's filter: a tenant, open/resolved/all, optionally one severity. */
function alertWhere(tenantId: string, status: AlertStatusFilter, severity?: AlertSeverity): Prisma.AlertWhereInput {
  return {
    tenantId,
    ...(status === "open" ? { resolvedAt: null } : status === "resolved" ? { resolvedAt: { not: null } } : {}),
    ...(severity ? { severity } : {}),
  };
}

/** One page of alerts, most severe first, newest first within a severity; with its project and account names. */
export function listAlerts(
  prisma: DbOrTx,
  tenantId: string,
  f: { status: AlertStatusFilter; severity?: AlertSeverity; skip: number; take: number },
) {
  return prisma.alert.findMany({
    where: alertWhere(tenantId, f.status, f.severity),
    orderBy: [{ severity: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: f.skip,
    take: f.take,
    select: {
      id: true,
      severity: true,
      kind: true,
      message: true,
      link: true,
      createdAt: true,
      resolvedAt: true,
      projectId: true,
      project: { select: { name: true } },
      customerAccount: { select: { name: true } },
    },
  });
}

export function countAlerts(prisma: DbOrTx, tenantId: string, status: AlertStatusFilter, severity?: AlertSeverity) {
  return prisma.alert.count({ where: alertWhere(tenantId, status, severity) });
}

/** Open alerts of the tenant by severity (the page's filter counts). */
export async function openAlertCounts(
  prisma: DbOrTx,
  tenantId: string,
): Promise<Partial<Record<AlertSeverity, number>>> {
  const rows = await prisma.alert.groupBy({
    by: ["severity"],
    where: { tenantId, resolvedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.severity, r._count._all]));
}

export function findAlert(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.alert.findFirst({
    where: { tenantId, id },
    select: { id: true, kind: true, severity: true, resolvedAt: true },
  });
}

/** What an alert is about: the links a lookup matches (absent ones match anything). */
export type AlertAbout = { projectId?: string; customerAccountId?: string; milestoneId?: string; guaranteeId?: string };

function aboutWhere(
  tenantId: string,
  kinds: readonly AlertKind[],
  about: AlertAbout,
  openOnly: boolean,
): Prisma.AlertWhereInput {
  return { tenantId, kind: { in: [...kinds] }, ...about, ...(openOnly ? { resolvedAt: null } : {}) };
}

/** Alerts of these kinds about a subject, newest first; `openOnly` leaves out the resolved ones. */
export function alertsAbout(
  prisma: DbOrTx,
  tenantId: string,
  kinds: readonly AlertKind[],
  about: AlertAbout,
  opts: { openOnly: boolean },
) {
  return prisma.alert.findMany({
    where: aboutWhere(tenantId, kinds, about, opts.openOnly),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true },
  });
}

/** Resolves the open alerts of these kinds about a subject. */
export function resolveAlertsAbout(
  prisma: DbOrTx,
  tenantId: string,
  kinds: readonly AlertKind[],
  about: AlertAbout,
  at: Date,
) {
  return prisma.alert.updateMany({ where: aboutWhere(tenantId, kinds, about, true), data: { resolvedAt: at } });
}

export type AlertInsert = {
  id: string;
  tenantId: string;
  kind: AlertKind;
  message: string;
  link: string | null;
  at: Date;
  resolvedAt?: Date | null;
  projectId: string | null;
  customerAccountId: string | null;
  milestoneId: string | null;
  guaranteeId: string | null;
};

/**
 * The one statement that writes alerts — called by `raiseAlerts` (server/services/alerts.ts) and the
 * demo data. The severity is always the registry's for the kind (docs/alerts.md).
 */
export function insertAlertRows(prisma: DbOrTx, rows: readonly AlertInsert[]) {
  return prisma.alert.createMany({
    data: rows.map(({ at, kind, ...r }) => ({ ...r, kind, severity: ALERT_KINDS[kind].severity, createdAt: at })),
  });
}

/** Resolves those of the alerts still open; the count says how many this call resolved. */
export function resolveOpenAlerts(prisma: DbOrTx, tenantId: string, ids: string[], at: Date) {
  return prisma.alert.updateMany({ where: { tenantId, id: { in: ids }, resolvedAt: null }, data: { resolvedAt: at } });
}

export function setAlertMessage(prisma: DbOrTx, tenantId: string, id: string, message: string) {
  return prisma.alert.updateMany({ where: { tenantId, id }, data: { message } });
}

/** Every alert of the filter in the page's order, in batches (the CSV export). */
export async function* iterateAlerts(
  prisma: DbOrTx,
  tenantId: string,
  f: { status: AlertStatusFilter; severity?: AlertSeverity },
  batchSize = 500,
) {
  for (let skip = 0; ; skip += batchSize) {
    const rows = await listAlerts(prisma, tenantId, { ...f, skip, take: batchSize });
    yield* rows;
    if (rows.length < batchSize) return;
  }
}

/** Alerts raised since `since`, in id order after `afterId`, with who is responsible for the project. */
const DISPATCH_SELECT = {
  id: true,
  severity: true,
  kind: true,
  message: true,
  link: true,
  createdAt: true,
  resolvedAt: true,
  project: { select: { id: true, name: true, techLeadId: true, customerAccount: { select: { csmId: true } } } },
  customerAccount: { select: { csmId: true } },
} satisfies Prisma.AlertSelect;

export function recentAlerts(prisma: Db, tenantId: string, since: Date, afterId: string | null, take: number) {
  return prisma.alert.findMany({
    where: { tenantId, createdAt: { gte: since }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: DISPATCH_SELECT,
  });
}

/** The named alerts that exist (one raised in a transaction that rolled back does not), for dispatch. */
export function alertsForDispatch(prisma: Db, tenantId: string, ids: readonly string[]) {
  return prisma.alert.findMany({
    where: { tenantId, id: { in: [...ids] } },
    orderBy: { id: "asc" },
    select: DISPATCH_SELECT,
  });
}
