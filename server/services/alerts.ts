import "server-only";
import { randomUUID } from "node:crypto";
import type { AlertsExportInput, ListAlertsInput, ResolveAlertInput } from "@/lib/schemas/alerts";
import {
  countAlerts,
  findAlert,
  insertAlertRows,
  iterateAlerts,
  listAlerts,
  openAlertCounts,
  resolveOpenAlerts,
  type AlertInsert,
} from "@/server/db/alerts";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx } from "@/server/db/client";
import type { AlertKind } from "@/generated/prisma/enums";
import { insertNotifications } from "@/server/db/notifications";
import { ALERT_KINDS, ALERT_SEVERITY_LABEL, alertKindLabel, isUrgentAlert } from "@/domain/alerts/registry";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";
import { noteRaisedAlerts } from "./immediate-alerts";
import { csvChunks } from "./csv";

/** The links each subject of the registry needs (docs/alerts.md#the-registry). */
type AboutOf = {
  milestone: { projectId: string; customerAccountId: string; milestoneId: string };
  project: { projectId: string; customerAccountId: string };
  guarantee: { projectId: string; customerAccountId: string; guaranteeId: string };
  account: { customerAccountId: string };
};

/** Who is told in the app, and in which words (the title and body of their notification). */
export type AlertNotice = { userIds: readonly (string | null)[]; title: string; body: string };

/** One alert to raise: its kind decides its severity and urgency, and which links `about` must carry. */
export type RaiseAlertInput = {
  [K in AlertKind]: {
    kind: K;
    about: AboutOf[(typeof ALERT_KINDS)[K]["subject"]];
    message: string;
    link: string;
    notify?: AlertNotice;
  };
}[AlertKind];

function insertRow(tenantId: string, at: Date, a: RaiseAlertInput): AlertInsert {
  const about: Partial<AboutOf["milestone"] & AboutOf["guarantee"]> = a.about;
  return {
    id: randomUUID(),
    tenantId,
    kind: a.kind,
    message: a.message,
    link: a.link,
    at,
    projectId: about.projectId ?? null,
    customerAccountId: about.customerAccountId ?? null,
    milestoneId: about.milestoneId ?? null,
    guaranteeId: about.guaranteeId ?? null,
  };
}

/**
 * The one way an alert is raised (docs/alerts.md), inside the caller's transaction: the alert row
 * with its registry severity and links, and an in-app notification per person in `notify`. An urgent
 * kind's notification shows in the bell at once; any other is held for the person's digest. When the
 * request or job that raised it is done, immediate-alerts.ts sends the webhook event and the urgent
 * external messages (the outbox sweep, urgent-alerts.ts, catches anything it missed).
 * Returns the new alerts' ids, in order.
 */
export async function raiseAlerts(
  tx: DbOrTx,
  ctx: { tenantId: string; now: Date },
  alerts: readonly RaiseAlertInput[],
): Promise<string[]> {
  const rows = alerts.map((a) => insertRow(ctx.tenantId, ctx.now, a));
  if (rows.length === 0) return [];
  await insertAlertRows(tx, rows);
  const notices = alerts.flatMap((a, i) => {
    if (!a.notify) return [];
    const { title, body } = a.notify;
    const people = [...new Set(a.notify.userIds.filter((id): id is string => typeof id === "string"))];
    const heldForDigest = !isUrgentAlert(a.kind);
    return people.map((userId) => ({
      tenantId: ctx.tenantId,
      userId,
      title,
      body,
      link: a.link,
      at: ctx.now,
      alertId: rows[i]?.id ?? null,
      heldForDigest,
    }));
  });
  if (notices.length > 0) await insertNotifications(tx, notices);
  const ids = rows.map((r) => r.id);
  noteRaisedAlerts(ctx.tenantId, ids);
  return ids;
}

export async function raiseAlert(
  tx: DbOrTx,
  ctx: { tenantId: string; now: Date },
  alert: RaiseAlertInput,
): Promise<{ alertId: string }> {
  const [alertId = ""] = await raiseAlerts(tx, ctx, [alert]);
  return { alertId };
}

/** An alert links to its project; one about an account keeps its own link if it stays in the app. */
export function alertHref(alert: { link: string | null; projectId: string | null }): string | null {
  if (alert.projectId) return `/projects/${alert.projectId}`;
  return alert.link && /^\/(?![/\\])/.test(alert.link) ? alert.link : null;
}

/** The tenant's alerts page: one page of the filter, its total, and the open alerts by severity. */
export async function alertsPage(ctx: ServiceContext, input: ListAlertsInput) {
  const [rows, total, open] = await Promise.all([
    listAlerts(ctx.db, ctx.tenantId, {
      status: input.status,
      severity: input.severity,
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
    countAlerts(ctx.db, ctx.tenantId, input.status, input.severity),
    openAlertCounts(ctx.db, ctx.tenantId),
  ]);
  return {
    items: rows.map(({ link, projectId, project, customerAccount, ...a }) => ({
      ...a,
      projectName: project?.name ?? null,
      accountName: customerAccount?.name ?? null,
      href: alertHref({ link, projectId }),
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    open,
  };
}

/**
 * A person marks an alert dealt with: it leaves the open lists (dashboard, alerts page, digests) and
 * the audit trail keeps who, when and the note. An alert already resolved — by a person, a later
 * validation or a job — is a 409 naming when; another tenant's or an unknown id is not found.
 */
export async function resolveAlert(ctx: ServiceContext, input: ResolveAlertInput) {
  const alert = await findAlert(ctx.db, ctx.tenantId, input.alertId);
  if (!alert) throw notFound("Alert");
  const note = input.note ? input.note : null;
  return ctx.db.$transaction(async (tx) => {
    const done = await resolveOpenAlerts(tx, ctx.tenantId, [alert.id], ctx.now);
    if (done.count === 0) {
      const current = await findAlert(tx, ctx.tenantId, alert.id);
      throw new AppError(
        "CONFLICT",
        `This alert was already resolved${current?.resolvedAt ? ` on ${current.resolvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.`,
      );
    }
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "alert.resolved",
      entityType: "Alert",
      entityId: alert.id,
      before: { resolvedAt: null },
      after: { resolvedAt: ctx.now.toISOString(), kind: alert.kind, severity: alert.severity, note },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { alertId: alert.id, resolvedAt: ctx.now };
  });
}

const CSV_COLUMNS = ["Severity", "Kind", "Message", "Project", "Account", "Raised", "Resolved"];

/** The filter's alerts as CSV, in the page's order; cells that look like formulas are neutralised. */
export function alertsCsv(ctx: ServiceContext, filter: AlertsExportInput): AsyncGenerator<string> {
  return csvChunks(CSV_COLUMNS, iterateAlerts(ctx.db, ctx.tenantId, filter), (a) => [
    ALERT_SEVERITY_LABEL[a.severity],
    alertKindLabel(a.kind),
    a.message,
    a.project?.name ?? "",
    a.customerAccount?.name ?? "",
    a.createdAt.toISOString(),
    a.resolvedAt?.toISOString() ?? "",
  ]);
}
