import { randomBytes } from "node:crypto";
import {
  fingerprint,
  fromLocalDateTime,
  projectEvents,
  sessionEvent,
  toLocalDateTime,
  type CalendarEventSpec,
  type Person,
} from "@/domain/calendar/events";
import { buildCalendar, type CalendarMethod } from "@/domain/calendar/ics";
import { serverEnv } from "@/lib/env";
import type { ProjectCalendarInput, ScheduleSessionInput } from "@/lib/schemas/calendar";
import { recordAudit } from "@/server/db/audit";
import {
  calendarSequences,
  feedProjectIds,
  feedSessions,
  findCalendarEvents,
  findCalendarEventsUnder,
  findFeedOwner,
  findFeedState,
  findProjectSchedule,
  findSessionDelivery,
  findTenantCalendar,
  projectIdsWithEvents,
  projectIdsWithEventsFor,
  saveCalendarEvent,
  setFeedToken,
  setSessionSchedule,
  updateProjectSchedule,
  type ProjectSchedule,
  type SessionDelivery,
} from "@/server/db/calendar";
import type { Db, DbOrTx } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import { enqueueEmail } from "@/server/messaging/outbox";
import { inviteDocument, type InviteChange } from "@/server/messaging/templates/invites";
import { renderMessage } from "@/server/messaging/templates/render";
import type { ServiceContext } from "./context";
import { tokenDigest } from "./token-digest";

/**
 * Calendar invites and feeds (docs/calendar.md). Invites: each planned event is compared with what was
 * last sent under its key; a new one goes out as METHOD:REQUEST with SEQUENCE 0, a changed one with the
 * sequence bumped, and one no longer planned (or a person no longer invited) gets METHOD:CANCEL — each
 * as an email with the .ics attached, written to the outbox in the transaction of the change.
 */

type Tenant = { id: string; name: string; timezone: string };
type Stored = Awaited<ReturnType<typeof findCalendarEvents>>[number];

const person = (p: { email: string; name: string; disabledAt?: Date | null } | null | undefined): Person[] =>
  p && !p.disabledAt ? [{ email: p.email, name: p.name }] : [];

/** The organizer of every invite: the workspace, with the platform's sending address. */
function organizer(tenantName: string): Person {
  const from = serverEnv().EMAIL_FROM;
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return { name: tenantName, email: email.trim() };
}

function eventsOfProject(tenant: Tenant, p: ProjectSchedule): CalendarEventSpec[] {
  return projectEvents({
    tenantName: tenant.name,
    timeZone: tenant.timezone,
    project: p,
    milestoneDueDates: p.milestones.map((m) => m.dueDate),
    staff: [...person(p.techLead), ...person(p.customerAccount.csm)],
    stakeholders: p.customerAccount.stakeholders,
  });
}

function eventOfSession(tenant: Tenant, d: SessionDelivery): CalendarEventSpec | null {
  if (!d.sessionAt || !d.joinUrl) return null;
  const attendee = d.user
    ? person(d.user)[0]
    : d.plan.lead?.contactEmail
      ? { email: d.plan.lead.contactEmail, name: d.plan.lead.contactName }
      : undefined;
  if (!attendee) return null;
  return sessionEvent({
    tenantName: tenant.name,
    timeZone: tenant.timezone,
    delivery: { id: d.id, sessionAt: d.sessionAt, joinUrl: d.joinUrl },
    item: d.item,
    staff: person(d.plan.customerAccount?.csm),
    attendee,
  });
}

/** The stored copy of an event (dates as ISO text) back as an event, for a cancellation. */
function storedEvent(row: Stored): CalendarEventSpec {
  const e = row.event as unknown as CalendarEventSpec & { start: string; recurrence: { until: string } | null };
  return {
    ...e,
    start: new Date(e.start),
    recurrence: e.recurrence ? { ...e.recurrence, until: new Date(e.recurrence.until) } : null,
  };
}

async function sendInvite(
  tx: DbOrTx,
  tenant: Tenant,
  now: Date,
  e: CalendarEventSpec,
  sequence: number,
  method: Exclude<CalendarMethod, "PUBLISH">,
  change: InviteChange,
  to: Person[],
  link: string,
) {
  const ics = buildCalendar({ method, events: [{ ...e, sequence }], organizer: organizer(tenant.name), stamp: now });
  const content = Buffer.from(ics, "utf8").toString("base64");
  for (const p of to) {
    const message = renderMessage(inviteDocument(e, change, { recipientName: p.name, tenantName: tenant.name, link }));
    await enqueueEmail(
      tx,
      {
        tenantId: tenant.id,
        to: p.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        idempotencyKey: `calendar/${tenant.id}/${e.key}/${sequence}/${method}/${p.email}`,
        attachments: [
          {
            filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
            content,
            contentType: `text/calendar; method=${method}`,
          },
        ],
      },
      now,
    );
  }
}

export type SyncCounts = { invited: number; updated: number; cancelled: number };

/**
 * Brings the sent invites in line with the planned events: `stored` are the rows already sent under the
 * same key prefix; an event missing from `planned` is cancelled.
 */
async function syncEvents(
  tx: DbOrTx,
  tenant: Tenant,
  now: Date,
  planned: CalendarEventSpec[],
  stored: Stored[],
  link: string,
): Promise<SyncCounts> {
  const counts: SyncCounts = { invited: 0, updated: 0, cancelled: 0 };
  const byKey = new Map(stored.map((r) => [r.key, r]));
  const save = (e: CalendarEventSpec, sequence: number, attendees: string[], cancelledAt: Date | null) =>
    saveCalendarEvent(tx, {
      tenantId: tenant.id,
      key: e.key,
      sequence,
      fingerprint: fingerprint(e),
      event: JSON.parse(JSON.stringify(e)) as object,
      attendees,
      cancelledAt,
      at: now,
    });
  for (const e of planned) {
    const row = byKey.get(e.key);
    const emails = e.attendees.map((a) => a.email);
    if (row && !row.cancelledAt && row.fingerprint === fingerprint(e)) continue;
    const sequence = row ? row.sequence + 1 : 0;
    const change: InviteChange = row && !row.cancelledAt ? "updated" : "new";
    await sendInvite(tx, tenant, now, e, sequence, "REQUEST", change, e.attendees, link);
    // someone no longer invited (an approver who left, a new technical lead) gets the cancellation
    const dropped = row && !row.cancelledAt ? row.attendees.filter((a) => !emails.includes(a)) : [];
    if (dropped.length > 0) {
      const was = storedEvent(row as Stored);
      const names = new Map(was.attendees.map((a) => [a.email, a.name]));
      const people = dropped.map((email) => ({ email, name: names.get(email) ?? email }));
      await sendInvite(tx, tenant, now, { ...e, attendees: people }, sequence, "CANCEL", "cancelled", people, link);
    }
    await save(e, sequence, emails, null);
    counts[change === "new" ? "invited" : "updated"] += 1;
  }
  const plannedKeys = new Set(planned.map((e) => e.key));
  for (const row of stored) {
    if (plannedKeys.has(row.key) || row.cancelledAt) continue;
    const was = storedEvent(row);
    const sequence = row.sequence + 1;
    await sendInvite(tx, tenant, now, was, sequence, "CANCEL", "cancelled", was.attendees, link);
    await save(was, sequence, row.attendees, now);
    counts.cancelled += 1;
  }
  return counts;
}

async function tenantOf(tx: DbOrTx, tenantId: string): Promise<Tenant> {
  const tenant = await findTenantCalendar(tx, tenantId);
  if (!tenant) throw notFound("Workspace");
  return tenant;
}

/**
 * Sends the invites a project's schedule calls for (docs/calendar.md#invites); run inside the
 * transaction that changed the schedule, the people or the milestones.
 */
export async function syncProjectInvites(tx: DbOrTx, tenantId: string, projectId: string, now: Date) {
  const [tenant, project] = await Promise.all([tenantOf(tx, tenantId), findProjectSchedule(tx, tenantId, projectId)]);
  if (!project) throw notFound("Project");
  const stored = await findCalendarEventsUnder(tx, tenantId, `project/${projectId}/`);
  const link = `${serverEnv().APP_URL}/portal/projects/${projectId}`;
  return syncEvents(tx, tenant, now, eventsOfProject(tenant, project), stored, link);
}

/**
 * Re-sends the invites of every project a person attends after they joined, left or came back
 * (docs/calendar.md#invites): a new customer user gets the reviews, a disabled one the cancellations.
 */
export async function syncInvitesOfPerson(tx: DbOrTx, tenantId: string, userId: string, now: Date) {
  const ids = await projectIdsWithEventsFor(tx, tenantId, userId);
  for (const id of ids) await syncProjectInvites(tx, tenantId, id, now);
  return ids.length;
}

/** What the project's meeting form shows, times in the workspace zone. */
export async function projectCalendar(ctx: ServiceContext, projectId: string) {
  const [tenant, p] = await Promise.all([
    tenantOf(ctx.db, ctx.tenantId),
    findProjectSchedule(ctx.db, ctx.tenantId, projectId),
  ]);
  if (!p) throw notFound("Project");
  return {
    projectId: p.id,
    timeZone: tenant.timezone,
    kickoffMeetingAt: p.kickoffMeetingAt ? toLocalDateTime(p.kickoffMeetingAt, tenant.timezone) : "",
    reviewTime: p.reviewTime,
    standupEnabled: p.standupEnabled,
    standupTime: p.standupTime,
    meetingUrl: p.meetingUrl ?? "",
  };
}

function localMoment(field: string, value: string, timeZone: string): Date | null {
  if (!value) return null;
  const at = fromLocalDateTime(value, timeZone);
  if (!at)
    throw new AppError("BAD_REQUEST", "That date does not exist.", {
      fieldErrors: { [field]: "That date does not exist" },
    });
  return at;
}

export async function updateProjectCalendar(ctx: ServiceContext, input: ProjectCalendarInput) {
  const before = await projectCalendar(ctx, input.projectId);
  const data = {
    kickoffMeetingAt: localMoment("kickoffMeetingAt", input.kickoffMeetingAt, before.timeZone),
    reviewTime: input.reviewTime,
    standupEnabled: input.standupEnabled,
    standupTime: input.standupTime,
    meetingUrl: input.meetingUrl || null,
  };
  const counts = await ctx.db.$transaction(async (tx) => {
    if (!(await updateProjectSchedule(tx, ctx.tenantId, input.projectId, data))) throw notFound("Project");
    const sent = await syncProjectInvites(tx, ctx.tenantId, input.projectId, ctx.now);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "project.meetings_updated",
      entityType: "Project",
      entityId: input.projectId,
      before,
      after: { ...input, ...sent },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return sent;
  });
  return { ...(await projectCalendar(ctx, input.projectId)), ...counts };
}

/** Schedules (or unschedules) a video session of the education plan and sends its invite. */
export async function scheduleSession(ctx: ServiceContext, input: ScheduleSessionInput) {
  const tenant = await tenantOf(ctx.db, ctx.tenantId);
  const found = await findSessionDelivery(ctx.db, ctx.tenantId, input.deliveryId);
  if (!found) throw notFound("Session");
  if (found.item.deliveryMethod !== "video_call")
    throw new AppError("BAD_REQUEST", "Only video sessions have a time and a join link.", {
      fieldErrors: { deliveryId: "This item is not a video session" },
    });
  const sessionAt = localMoment("sessionAt", input.sessionAt, tenant.timezone);
  const joinUrl = sessionAt ? input.joinUrl : null;
  const counts = await ctx.db.$transaction(async (tx) => {
    if (!(await setSessionSchedule(tx, ctx.tenantId, found.id, { sessionAt, joinUrl }))) throw notFound("Session");
    const d = await findSessionDelivery(tx, ctx.tenantId, found.id);
    const planned = d ? eventOfSession(tenant, d) : null;
    const key = `education/${found.id}`;
    const stored = await findCalendarEvents(tx, ctx.tenantId, [key]);
    const sent = await syncEvents(
      tx,
      tenant,
      ctx.now,
      planned ? [planned] : [],
      stored,
      `${serverEnv().APP_URL}/portal/learn`,
    );
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "education.session_scheduled",
      entityType: "EducationDelivery",
      entityId: found.id,
      before: { sessionAt: found.sessionAt?.toISOString() ?? null, joinUrl: found.joinUrl },
      after: { sessionAt: sessionAt?.toISOString() ?? null, joinUrl, ...sent },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return sent;
  });
  return {
    deliveryId: found.id,
    timeZone: tenant.timezone,
    sessionAt: sessionAt ? toLocalDateTime(sessionAt, tenant.timezone) : "",
    joinUrl: joinUrl ?? "",
    ...counts,
  };
}

// ---------------------------------------------------------------- workspace time zone

/**
 * A new workspace time zone moves every wall-clock meeting (docs/calendar.md#time-zone): the projects' invites go out
 * again, updated. Called in the transaction that saves the zone; returns how many projects' invites went out.
 */
export async function resendInvitesInNewZone(tx: DbOrTx, tenantId: string, now: Date): Promise<number> {
  const ids = await projectIdsWithEvents(tx, tenantId);
  for (const id of ids) await syncProjectInvites(tx, tenantId, id, now);
  return ids.length;
}

// ---------------------------------------------------------------- private feed

const feedUrls = (token: string) => {
  const url = new URL(`/calendar/${token}.ics`, serverEnv().APP_URL);
  return { webcalUrl: `webcal://${url.host}${url.pathname}`, httpsUrl: url.toString() };
};

export async function myCalendarFeed(ctx: ServiceContext) {
  const state = await findFeedState(ctx.db, ctx.tenantId, ctx.actorId);
  if (!state) throw notFound("User");
  return { active: state.calendarFeedTokenHash !== null, createdAt: state.calendarFeedCreatedAt };
}

async function writeFeedToken(ctx: ServiceContext, token: string | null) {
  const before = await myCalendarFeed(ctx);
  await ctx.db.$transaction(async (tx) => {
    const hash = token ? tokenDigest(token) : null;
    if (!(await setFeedToken(tx, ctx.tenantId, ctx.actorId, hash, token ? ctx.now : null))) throw notFound("User");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: token ? "calendar_feed.created" : "calendar_feed.revoked",
      entityType: "User",
      entityId: ctx.actorId,
      // the token is a credential: the trail says that it changed, never what it is
      before: { active: before.active },
      after: { active: token !== null, replaced: token !== null && before.active },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
}

/** A new feed address (an old one stops working); the token is shown once, only its hash is kept. */
export async function createCalendarFeed(ctx: ServiceContext) {
  const token = randomBytes(32).toString("base64url");
  await writeFeedToken(ctx, token);
  return { ...feedUrls(token), ...(await myCalendarFeed(ctx)) };
}

export async function revokeCalendarFeed(ctx: ServiceContext) {
  await writeFeedToken(ctx, null);
  return myCalendarFeed(ctx);
}

/**
 * The feed of a token (docs/calendar.md#feed): METHOD:PUBLISH of the reviews, standups, kickoff
 * meetings and video sessions of the owner's projects. Null for an unknown or revoked token, or a
 * disabled owner: the route answers 404 for all of them alike.
 */
export async function calendarFeedIcs(db: Db, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const owner = await findFeedOwner(db, tokenDigest(token));
  if (!owner || owner.disabledAt) return null;
  const tenant = await tenantOf(db, owner.tenantId);
  const projects = await feedProjectIds(db, tenant.id, {
    id: owner.id,
    customerAccountId: owner.customerAccountId,
    customer: owner.role === "CUSTOMER",
  });
  const events: CalendarEventSpec[] = [];
  for (const { id } of projects) {
    const p = await findProjectSchedule(db, tenant.id, id);
    if (p) events.push(...eventsOfProject(tenant, p));
  }
  const accountIds = [...new Set(projects.map((p) => p.customerAccountId))];
  for (const { id } of await feedSessions(db, tenant.id, accountIds)) {
    const d = await findSessionDelivery(db, tenant.id, id);
    const e = d ? eventOfSession(tenant, d) : null;
    if (e) events.push(e);
  }
  const sequences = await calendarSequences(
    db,
    tenant.id,
    events.map((e) => e.key),
  );
  return buildCalendar({
    method: "PUBLISH",
    events: events.map((e) => ({ ...e, sequence: sequences.get(e.key) ?? 0 })),
    organizer: organizer(tenant.name),
    stamp: now,
    name: `${tenant.name} meetings`,
  });
}
