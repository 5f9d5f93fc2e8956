import type { JobTenant } from "@/server/db/automation";
import type { Db, Prisma } from "@/server/db/client";
import { activePeopleByRole } from "@/server/db/automation";
import { insertNotifications } from "@/server/db/notifications";
import { insertProgressUpdate, projectForProgress } from "@/server/db/progress-updates";
import { createAlert } from "@/server/db/projects";
import { localDay } from "@/server/engines/progress/calendar";
import { projectProgress, type ProjectProgress } from "@/server/engines/progress/project-progress";
import { buildProgressReport, type ProgressReport } from "@/server/engines/progress/report";
import { analyzeProgress, isAlertingRisk, type ProgressAnalysis } from "@/server/engines/progress/trends";
import { notFound } from "@/server/errors";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * The daily progress update of a project (seed §3.2 `track_progress_update`): progress from the weekly
 * milestones, achievements since the previous update, trend analysis from the stored history, and the
 * report every stakeholder format is rendered from — stored once per project and tenant-local day.
 * A new update raises an alert when the risk is high or critical (`_check_alert_conditions`) and
 * emits `progress_update.created` to subscribed webhooks; a repeat for the same day writes nothing.
 */
export const RISK_ALERT_KIND = "progress_risk";

export type StoredProgressUpdate = { version: 1; progress: ProjectProgress; analysis: ProgressAnalysis; report: ProgressReport };

export function readStoredUpdate(analysis: unknown): StoredProgressUpdate | null {
  const v = analysis as Partial<StoredProgressUpdate> | null;
  return v && v.version === 1 && v.progress && v.analysis && v.report ? (v as StoredProgressUpdate) : null;
}

export async function writeProgressUpdate(db: Db, tenant: JobTenant, projectId: string, now: Date): Promise<{ created: boolean; alerted: boolean }> {
  const p = await projectForProgress(db, tenant.id, projectId);
  if (!p) throw notFound("Project");
  const periodKey = localDay(now, tenant.timezone).date;
  if (p.progressUpdates.some((u) => u.periodKey === periodKey)) return { created: false, alerted: false };

  const progress = projectProgress(p.milestones, p.guarantee, now);
  const history = p.progressUpdates.map((u) => ({ progress: u.progress, at: u.createdAt }));
  const report = buildProgressReport({
    now,
    since: p.progressUpdates[0]?.createdAt ?? null,
    milestones: p.milestones.map((m) => ({
      ...m,
      criteria: m.criteria.map((c) => ({ ...c, latestSignOff: c.signOffs[0] ? { decision: c.signOffs[0].decision, at: c.signOffs[0].createdAt } : null })),
    })),
    quality: p.qualityValidations[0] ? { ...p.qualityValidations[0], at: p.qualityValidations[0].createdAt } : null,
    evidence: p.evidence[0] ? { ...p.evidence[0], at: p.evidence[0].createdAt } : null,
    environments: p.environments,
  });
  const q = p.qualityValidations[0];
  const analysis = analyzeProgress({
    now, progress, milestones: p.milestones, history, openAlerts: p.alerts,
    quality: q ? { score: q.score, escalated: q.escalated } : null,
    guarantee: p.guarantee,
  });
  const stored: StoredProgressUpdate = { version: 1, progress, analysis, report };
  const alertWanted = isAlertingRisk(analysis.riskLevel) && !p.alerts.some((a) => a.kind === RISK_ALERT_KIND);

  return db.$transaction(async (tx) => {
    const created = await insertProgressUpdate(tx, {
      tenantId: tenant.id, projectId, periodKey, progress: progress.progressPercent,
      achievements: report.achievements, analysis: stored as unknown as Prisma.InputJsonValue, at: now,
    });
    if (!created) return { created: false, alerted: false };
    await emitWebhookEvent(tx, {
      tenantId: tenant.id, event: "progress_update.created", key: `progress/${projectId}/${periodKey}`, at: now,
      data: {
        projectId, projectName: p.name, periodKey, progressPercent: progress.progressPercent,
        statusIndicator: analysis.statusIndicator, timelineStatus: analysis.timelineStatus, budgetStatus: analysis.budgetStatus,
        riskLevel: analysis.riskLevel, riskSummary: analysis.riskSummary, achievements: report.achievements, upcoming: report.upcoming,
      },
    });
    if (!alertWanted) return { created: true, alerted: false };
    const link = `/projects/${projectId}`;
    const message = `${p.name} is off track: ${analysis.riskSummary}`;
    await createAlert(tx, {
      tenantId: tenant.id, projectId, customerAccountId: p.customerAccountId, severity: analysis.riskLevel === "critical" ? "CRITICAL" : "HIGH",
      kind: RISK_ALERT_KIND, message, link, at: now,
    });
    const owners = [p.techLeadId, p.customerAccount.csmId].filter((id): id is string => id !== null);
    const people = owners.length > 0 ? [...new Set(owners)] : (await activePeopleByRole(tx, tenant.id, ["ADMIN"])).map((u) => u.id);
    await insertNotifications(tx, people.map((userId) => ({ tenantId: tenant.id, userId, title: `Risk ${analysis.riskLevel}: ${p.name}`, body: analysis.riskSummary, link, at: now })));
    return { created: true, alerted: true };
  });
}

