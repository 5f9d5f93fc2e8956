import "server-only";
import { clockDelays } from "@/domain/guarantee/clock";
import type { JobTenant } from "@/server/db/workspaces";
import type { Db } from "@/server/db/client";
import { activePeopleByRole } from "@/server/db/users";
import type { AlertKind } from "@/generated/prisma/enums";
import { insertProgressUpdates, projectsForProgress, type ProjectForProgress } from "@/server/db/progress-updates";
import { localDay } from "@/domain/progress/calendar";
import { projectProgress, type ProjectProgress } from "@/domain/progress/project-progress";
import { buildProgressReport, type ProgressReport } from "@/domain/progress/report";
import { analyzeProgress, isAlertingRisk, type ProgressAnalysis } from "@/domain/progress/trends";
import { notFound } from "@/server/errors";
import { emitWebhookEvents } from "@/server/messaging/events";
import { raiseAlerts, type RaiseAlertInput } from "./alerts";

/**
 * The daily progress update of a project (docs/domain.md#progress-updates `track_progress_update`): progress from the weekly
 * milestones, achievements since the previous update, trend analysis from the stored history, and the
 * report every stakeholder format is rendered from — stored once per project and tenant-local day.
 * A new update raises an alert when the risk is high or critical (`_check_alert_conditions`) and
 * emits `progress_update.created` to subscribed webhooks; a repeat for the same day writes nothing.
 * bench/README.md: a page of projects is read, and its updates written, in a constant number of statements.
 */
/** A project off track raises one of these, critical risk the second (docs/alerts.md). */
export const RISK_ALERT_KINDS = ["PROJECT_OFF_TRACK", "PROJECT_CRITICAL_RISK"] as const satisfies readonly AlertKind[];
const riskAlertKind = (level: string): (typeof RISK_ALERT_KINDS)[number] =>
  level === "critical" ? "PROJECT_CRITICAL_RISK" : "PROJECT_OFF_TRACK";

export type StoredProgressUpdate = {
  version: 1;
  progress: ProjectProgress;
  analysis: ProgressAnalysis;
  report: ProgressReport;
};
export type UpdateResult = { created: boolean; alerted: boolean };

export function readStoredUpdate(analysis: unknown): StoredProgressUpdate | null {
  const v = analysis as Partial<StoredProgressUpdate> | null;
  return v && v.version === 1 && v.progress && v.analysis && v.report ? (v as StoredProgressUpdate) : null;
}

type Computed = { p: ProjectForProgress; stored: StoredProgressUpdate; alertWanted: boolean };

/** The pure part: the update of one loaded project, with the same engines as ever. */
function computeUpdate(p: ProjectForProgress, now: Date): Computed {
  const progress = projectProgress(
    p.milestones,
    p.guarantee && { ...p.guarantee, delays: clockDelays(p.guarantee.delays) },
    now,
  );
  const history = p.progressUpdates.map((u) => ({ progress: u.progress, at: u.createdAt }));
  const report = buildProgressReport({
    now,
    since: p.progressUpdates[0]?.createdAt ?? null,
    milestones: p.milestones.map((m) => ({
      ...m,
      criteria: m.criteria.map((c) => ({
        ...c,
        latestSignOff: c.signOffs[0] ? { decision: c.signOffs[0].decision, at: c.signOffs[0].createdAt } : null,
      })),
    })),
    quality: p.qualityValidations[0] ? { ...p.qualityValidations[0], at: p.qualityValidations[0].createdAt } : null,
    evidence: p.evidence[0] ? { ...p.evidence[0], at: p.evidence[0].createdAt } : null,
    environments: p.environments,
  });
  const q = p.qualityValidations[0];
  const analysis = analyzeProgress({
    now,
    progress,
    milestones: p.milestones,
    history,
    openAlerts: p.alerts,
    quality: q ? { score: q.score, escalated: q.escalated } : null,
    guarantee: p.guarantee,
  });
  const alertWanted =
    isAlertingRisk(analysis.riskLevel) &&
    !p.alerts.some((a) => (RISK_ALERT_KINDS as readonly AlertKind[]).includes(a.kind));
  return { p, stored: { version: 1, progress, analysis, report }, alertWanted };
}

/**
 * The updates of a page of projects: one read, then one transaction that inserts the page's updates
 * (the unique (project, period) key decides which are new — a re-run or a concurrent run writes
 * nothing twice) and, for the new ones only, their webhook events, risk alerts and notifications.
 * A project id that is not the tenant's is absent from the result.
 */
export async function writeProgressUpdates(
  db: Db,
  tenant: JobTenant,
  projectIds: string[],
  now: Date,
): Promise<Map<string, UpdateResult>> {
  const periodKey = localDay(now, tenant.timezone).date;
  const results = new Map<string, UpdateResult>();
  const due: Computed[] = [];
  for (const p of await projectsForProgress(db, tenant.id, projectIds)) {
    results.set(p.id, { created: false, alerted: false });
    if (!p.progressUpdates.some((u) => u.periodKey === periodKey)) due.push(computeUpdate(p, now));
  }
  if (due.length === 0) return results;

  await db.$transaction(async (tx) => {
    const created = await insertProgressUpdates(
      tx,
      due.map(({ p, stored }) => ({
        tenantId: tenant.id,
        projectId: p.id,
        periodKey,
        progress: stored.progress.progressPercent,
        achievements: stored.report.achievements,
        analysis: stored,
        at: now,
      })),
    );
    const fresh = due.filter((c) => created.has(c.p.id));
    await emitWebhookEvents(
      tx,
      tenant.id,
      "progress_update.created",
      now,
      fresh.map(({ p, stored: { progress, analysis, report } }) => ({
        key: `progress/${p.id}/${periodKey}`,
        data: {
          projectId: p.id,
          projectName: p.name,
          periodKey,
          progressPercent: progress.progressPercent,
          statusIndicator: analysis.statusIndicator,
          timelineStatus: analysis.timelineStatus,
          budgetStatus: analysis.budgetStatus,
          riskLevel: analysis.riskLevel,
          riskSummary: analysis.riskSummary,
          achievements: report.achievements,
          upcoming: report.upcoming,
        },
      })),
    );
    const alerting = fresh.filter((c) => c.alertWanted);
    for (const c of fresh) results.set(c.p.id, { created: true, alerted: c.alertWanted });
    if (alerting.length === 0) return;
    // nobody owns the project: the tenant's admins hear about it (read once per page, only if needed)
    let admins: string[] | null = null;
    const raised: RaiseAlertInput[] = [];
    for (const {
      p,
      stored: { analysis },
    } of alerting) {
      const owners = [p.techLeadId, p.customerAccount.csmId].filter((id): id is string => id !== null);
      if (owners.length === 0) admins ??= (await activePeopleByRole(tx, tenant.id, ["ADMIN"])).map((u) => u.id);
      raised.push({
        kind: riskAlertKind(analysis.riskLevel),
        about: { projectId: p.id, customerAccountId: p.customerAccountId },
        message: `${p.name} is off track: ${analysis.riskSummary}`,
        link: `/projects/${p.id}`,
        notify: {
          userIds: owners.length > 0 ? owners : (admins ?? []),
          title: `Risk ${analysis.riskLevel}: ${p.name}`,
          body: analysis.riskSummary,
        },
      });
    }
    await raiseAlerts(tx, { tenantId: tenant.id, now }, raised);
  });
  return results;
}

/** One project's update (the same path as a page of one). */
export async function writeProgressUpdate(
  db: Db,
  tenant: JobTenant,
  projectId: string,
  now: Date,
): Promise<UpdateResult> {
  const r = (await writeProgressUpdates(db, tenant, [projectId], now)).get(projectId);
  if (!r) throw notFound("Project");
  return r;
}
