import "server-only";
import { chosenChannels, readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/db/audit";
import { accountPeople, activePeople, activePeopleByRole, type PersonRow } from "@/server/db/users";
import { type JobTenant } from "@/server/db/workspaces";
import { alertsAbout } from "@/server/db/alerts";
import { lockMilestone, markOverdueAtRisk, type milestonesToCheck } from "@/server/db/milestone-check";
import { insertOutboxMessages } from "@/server/db/outbox";
import { createActionItems, setProjectStatus } from "@/server/db/projects";
import { checkMilestones } from "@/domain/progress/milestone-check";
import { emitWebhookEvent } from "@/server/messaging/events";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { milestoneReminderDocument } from "@/server/messaging/templates/documents";
import { renderMessage } from "@/server/messaging/templates/render";
import { raiseAlert } from "./alerts";

/**
 * The weekly milestone check of one week (docs/architecture.md#jobs): a reminder to the technical lead and
 * the customer's approvers when it is due within a week; past due without validation → at risk, with
 * a high alert, an escalation task for the CSM and a `milestone.overdue` webhook; still at risk or
 * failed a week after its due date → a critical escalation alert to the executives. Each change is
 * conditional and made under a row lock, and reminders are keyed per milestone and person, so a
 * repeated or concurrent check changes and sends nothing twice.
 */
export type CheckedRow = Awaited<ReturnType<typeof milestonesToCheck>>[number];

const ESCALATION_DUE_HOURS = 48;
const HOUR_MS = 3_600_000;

async function queueReminders(db: Db, tenant: JobTenant, m: CheckedRow, now: Date, appUrl: string) {
  const staff = await activePeople(db, tenant.id, m.project.techLeadId ? [m.project.techLeadId] : []);
  const approvers = await accountPeople(db, tenant.id, m.project.customerAccountId, { approversOnly: true });
  const rows = [...staff, ...approvers].flatMap((person: PersonRow) => {
    const customer = person.role === "CUSTOMER";
    const url = customer
      ? `${appUrl}/portal/projects/${m.projectId}`
      : `${appUrl}/projects/${m.projectId}#week-${m.weekNumber}`;
    const preferences = `${appUrl}${customer ? "/portal/preferences" : "/settings/notifications"}`;
    const message = renderMessage(
      milestoneReminderDocument(
        {
          projectName: m.project.name,
          weekNumber: m.weekNumber,
          title: m.title,
          dueDate: m.dueDate,
          url,
          recipientName: person.name,
        },
        preferences,
      ),
    );
    const prefs = readChannelPrefs(person.channelPrefs);
    return rowsForPerson(
      { id: person.id, tenantId: tenant.id, email: person.email, prefs },
      message,
      `milestone-due/${m.id}/${person.id}`,
      { now, channels: chosenChannels(prefs), mailKind: "reminder" },
    );
  });
  return insertOutboxMessages(db, rows);
}

async function markOverdue(db: Db, tenant: JobTenant, m: CheckedRow, now: Date) {
  const link = `/projects/${m.projectId}#week-${m.weekNumber}`;
  const csmId = m.project.customerAccount.csmId;
  return db.$transaction(async (tx) => {
    await lockMilestone(tx, tenant.id, m.id);
    if (!(await markOverdueAtRisk(tx, tenant.id, m.id))) return false;
    const message = `Week ${m.weekNumber} "${m.title}" of ${m.project.name} was due ${m.dueDate.toISOString().slice(0, 10)} and is not validated: now at risk.`;
    const about = { projectId: m.projectId, customerAccountId: m.project.customerAccountId, milestoneId: m.id };
    await raiseAlert(
      tx,
      { tenantId: tenant.id, now },
      {
        kind: "MILESTONE_OVERDUE",
        about,
        message,
        link,
        notify: {
          userIds: [m.project.techLeadId, csmId],
          title: `Overdue: ${m.project.name} week ${m.weekNumber}`,
          body: message,
        },
      },
    );
    await setProjectStatus(tx, tenant.id, m.projectId, ["KICKOFF", "ACTIVE"], "AT_RISK");
    await createActionItems(tx, [
      {
        tenantId: tenant.id,
        projectId: m.projectId,
        customerAccountId: m.project.customerAccountId,
        kind: "ESCALATION",
        title: `Week ${m.weekNumber}: overdue milestone`,
        detail: `${message} Agree a recovery plan with the technical lead and the customer.`,
        assigneeId: csmId ?? m.project.techLeadId,
        dueAt: new Date(now.getTime() + ESCALATION_DUE_HOURS * HOUR_MS),
        at: now,
      },
    ]);
    await emitWebhookEvent(tx, {
      tenantId: tenant.id,
      event: "milestone.overdue",
      key: `milestone-overdue/${m.id}`,
      at: now,
      data: {
        milestoneId: m.id,
        projectId: m.projectId,
        projectName: m.project.name,
        weekNumber: m.weekNumber,
        title: m.title,
        dueDate: m.dueDate.toISOString(),
      },
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      action: "milestone.overdue",
      entityType: "Milestone",
      entityId: m.id,
      before: { status: m.status },
      after: { status: "AT_RISK" },
      at: now,
    });
    return true;
  });
}

async function escalate(db: Db, tenant: JobTenant, m: CheckedRow, status: string, now: Date) {
  const link = `/projects/${m.projectId}#week-${m.weekNumber}`;
  return db.$transaction(async (tx) => {
    await lockMilestone(tx, tenant.id, m.id);
    if (
      (await alertsAbout(tx, tenant.id, ["MILESTONE_ESCALATION"], { milestoneId: m.id }, { openOnly: false })).length >
      0
    )
      return false;
    const message = `Week ${m.weekNumber} "${m.title}" of ${m.project.name} is still ${status === "FAILED" ? "failed" : "at risk"} a week after its due date: escalated to the executives.`;
    const csmId = m.project.customerAccount.csmId;
    await createActionItems(tx, [
      {
        tenantId: tenant.id,
        projectId: m.projectId,
        customerAccountId: m.project.customerAccountId,
        kind: "ESCALATION",
        title: `Week ${m.weekNumber}: executive escalation`,
        detail: message,
        assigneeId: csmId ?? m.project.techLeadId,
        dueAt: new Date(now.getTime() + ESCALATION_DUE_HOURS * HOUR_MS),
        at: now,
      },
    ]);
    const executives = (await activePeopleByRole(tx, tenant.id, ["EXECUTIVE"])).map((u) => u.id);
    await raiseAlert(
      tx,
      { tenantId: tenant.id, now },
      {
        kind: "MILESTONE_ESCALATION",
        about: { projectId: m.projectId, customerAccountId: m.project.customerAccountId, milestoneId: m.id },
        message,
        link,
        notify: {
          userIds: [...executives, csmId],
          title: `Escalation: ${m.project.name} week ${m.weekNumber}`,
          body: message,
        },
      },
    );
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      action: "milestone.escalated",
      entityType: "Milestone",
      entityId: m.id,
      after: { status },
      at: now,
    });
    return true;
  });
}

export async function checkMilestone(db: Db, tenant: JobTenant, m: CheckedRow, now: Date, appUrl: string) {
  const first = checkMilestones([m], now);
  const reminders = first.reminders.length > 0 ? await queueReminders(db, tenant, m, now, appUrl) : 0;
  const overdue = first.overdue.length > 0 ? await markOverdue(db, tenant, m, now) : false;
  const status = overdue ? "AT_RISK" : m.status;
  const escalated =
    checkMilestones([{ ...m, status }], now).escalations.length > 0
      ? await escalate(db, tenant, m, status, now)
      : false;
  return { reminders, overdue, escalated };
}
