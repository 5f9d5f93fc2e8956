import type { AlertsExportInput, ListAlertsInput, ResolveAlertInput } from "@/lib/schemas/alerts";
import { countAlerts, findAlert, iterateAlerts, listAlerts, openAlertCounts, resolveOpenAlerts } from "@/server/db/alerts";
import { recordAudit } from "@/server/db/audit";
import { AppError, notFound } from "@/server/errors";
import type { ServiceContext } from "./context";
import { csvChunks } from "./csv";

/** An alert links to its project; one about an account keeps its own link if it stays in the app. */
export function alertHref(alert: { link: string | null; projectId: string | null }): string | null {
  if (alert.projectId) return `/projects/${alert.projectId}`;
  return alert.link && /^\/(?![/\\])/.test(alert.link) ? alert.link : null;
}

/** The tenant's alerts page: one page of the filter, its total, and the open alerts by severity. */
export async function alertsPage(ctx: ServiceContext, input: ListAlertsInput) {
  const [rows, total, open] = await Promise.all([
    listAlerts(ctx.db, ctx.tenantId, { status: input.status, severity: input.severity, skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
    countAlerts(ctx.db, ctx.tenantId, input.status, input.severity),
    openAlertCounts(ctx.db, ctx.tenantId),
  ]);
  return {
    items: rows.map(({ link, projectId, project, customerAccount, ...a }) => ({
      ...a, projectName: project?.name ?? null, accountName: customerAccount?.name ?? null, href: alertHref({ link, projectId }),
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
      throw new AppError("CONFLICT", `This alert was already resolved${current?.resolvedAt ? ` on ${current.resolvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.`);
    }
    await recordAudit(tx, {
      tenantId: ctx.tenantId, actorId: ctx.actorId, action: "alert.resolved", entityType: "Alert", entityId: alert.id,
      before: { resolvedAt: null }, after: { resolvedAt: ctx.now.toISOString(), kind: alert.kind, severity: alert.severity, note },
      ip: ctx.ip, requestId: ctx.requestId, at: ctx.now,
    });
    return { alertId: alert.id, resolvedAt: ctx.now };
  });
}

const CSV_COLUMNS = ["Severity", "Kind", "Message", "Project", "Account", "Raised", "Resolved"];

/** The filter's alerts as CSV, in the page's order; cells that look like formulas are neutralised. */
export function alertsCsv(ctx: ServiceContext, filter: AlertsExportInput): AsyncGenerator<string> {
  return csvChunks(CSV_COLUMNS, iterateAlerts(ctx.db, ctx.tenantId, filter), (a) => [
    a.severity, a.kind, a.message, a.project?.name ?? "", a.customerAccount?.name ?? "", a.createdAt.toISOString(), a.resolvedAt?.toISOString() ?? "",
  ]);
}
