import type { DbOrTx, Prisma } from "./client";

/** Calendar queries (docs/calendar.md): every one takes the tenant id, except the feed token lookup. */

const PERSON = { email: true, name: true, disabledAt: true } as const;

export function findTenantCalendar(prisma: DbOrTx, tenantId: string) {
  return prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, timezone: true } });
}

/** A project's schedule and the people its events go to. */
export function findProjectSchedule(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.project.findFirst({
    where: { tenantId, id: projectId },
    select: {
      id: true,
      name: true,
      startDate: true,
      targetEndDate: true,
      kickoffMeetingAt: true,
      reviewTime: true,
      standupEnabled: true,
      standupTime: true,
      meetingUrl: true,
      customerAccountId: true,
      milestones: { select: { dueDate: true } },
      techLead: { select: PERSON },
      customerAccount: {
        select: {
          csm: { select: PERSON },
          stakeholders: {
            where: { tenantId, disabledAt: null, role: "CUSTOMER" },
            select: { email: true, name: true, isApprover: true },
          },
        },
      },
    },
  });
}
export type ProjectSchedule = NonNullable<Awaited<ReturnType<typeof findProjectSchedule>>>;

export async function updateProjectSchedule(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  data: {
    kickoffMeetingAt: Date | null;
    reviewTime: string;
    standupEnabled: boolean;
    standupTime: string;
    meetingUrl: string | null;
  },
) {
  const res = await prisma.project.updateMany({ where: { tenantId, id: projectId }, data });
  return res.count === 1;
}

/** Ids of the projects that have sent invites, to send them again after the time zone changed. */
export async function projectIdsWithEvents(prisma: DbOrTx, tenantId: string) {
  const rows = await prisma.calendarEvent.findMany({
    where: { tenantId, key: { startsWith: "project/" }, cancelledAt: null },
    select: { key: true },
  });
  return [...new Set(rows.map((r) => r.key.split("/")[1]).filter((id): id is string => Boolean(id)))];
}

/** Of the projects that have sent invites, those a person attends: as technical lead, CSM or customer. */
export async function projectIdsWithEventsFor(prisma: DbOrTx, tenantId: string, userId: string) {
  const ids = await projectIdsWithEvents(prisma, tenantId);
  if (ids.length === 0) return [];
  const rows = await prisma.project.findMany({
    where: {
      tenantId,
      id: { in: ids },
      OR: [
        { techLeadId: userId },
        { customerAccount: { csmId: userId } },
        { customerAccount: { stakeholders: { some: { id: userId } } } },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function findCalendarEvents(prisma: DbOrTx, tenantId: string, keys: string[]) {
  return prisma.calendarEvent.findMany({
    where: { tenantId, key: { in: keys } },
    select: { key: true, sequence: true, fingerprint: true, event: true, attendees: true, cancelledAt: true },
  });
}

/** Events under a key prefix (a project's), so one that is no longer planned can be cancelled. */
export function findCalendarEventsUnder(prisma: DbOrTx, tenantId: string, prefix: string) {
  return prisma.calendarEvent.findMany({
    where: { tenantId, key: { startsWith: prefix } },
    select: { key: true, sequence: true, fingerprint: true, event: true, attendees: true, cancelledAt: true },
  });
}

export function saveCalendarEvent(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    key: string;
    sequence: number;
    fingerprint: string;
    event: Prisma.InputJsonValue;
    attendees: string[];
    cancelledAt: Date | null;
    at: Date;
  },
) {
  const { tenantId, key, at, ...data } = row;
  return prisma.calendarEvent.upsert({
    where: { tenantId_key: { tenantId, key } },
    create: { tenantId, key, ...data, createdAt: at, updatedAt: at },
    update: { ...data, updatedAt: at },
    select: { id: true },
  });
}

/** Sequences of events by key, for the feed. */
export async function calendarSequences(prisma: DbOrTx, tenantId: string, keys: string[]) {
  const rows = await findCalendarEvents(prisma, tenantId, keys);
  return new Map(rows.map((r) => [r.key, r.sequence]));
}

// ---------------------------------------------------------------- education sessions

export function findSessionDelivery(prisma: DbOrTx, tenantId: string, deliveryId: string) {
  return prisma.educationDelivery.findFirst({
    where: { tenantId, id: deliveryId },
    select: {
      id: true,
      sessionAt: true,
      joinUrl: true,
      item: { select: { title: true, durationMinutes: true, deliveryMethod: true } },
      user: { select: PERSON },
      plan: {
        select: {
          customerAccount: { select: { csm: { select: PERSON } } },
          lead: { select: { contactEmail: true, contactName: true } },
        },
      },
    },
  });
}
export type SessionDelivery = NonNullable<Awaited<ReturnType<typeof findSessionDelivery>>>;

export async function setSessionSchedule(
  prisma: DbOrTx,
  tenantId: string,
  deliveryId: string,
  data: { sessionAt: Date | null; joinUrl: string | null },
) {
  const res = await prisma.educationDelivery.updateMany({ where: { tenantId, id: deliveryId }, data });
  return res.count === 1;
}

// ---------------------------------------------------------------- feed

export function findFeedOwner(prisma: DbOrTx, tokenHash: string) {
  return prisma.user.findUnique({
    where: { calendarFeedTokenHash: tokenHash },
    select: { id: true, tenantId: true, role: true, customerAccountId: true, disabledAt: true },
  });
}

export function findFeedState(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({
    where: { tenantId, id: userId },
    select: { calendarFeedTokenHash: true, calendarFeedCreatedAt: true },
  });
}

export async function setFeedToken(
  prisma: DbOrTx,
  tenantId: string,
  userId: string,
  tokenHash: string | null,
  at: Date | null,
) {
  const res = await prisma.user.updateMany({
    where: { tenantId, id: userId },
    data: { calendarFeedTokenHash: tokenHash, calendarFeedCreatedAt: at },
  });
  return res.count === 1;
}

/**
 * The projects in a person's feed: a customer's account's projects; a staff member's projects as
 * technical lead or as the account's customer success manager.
 */
export function feedProjectIds(
  prisma: DbOrTx,
  tenantId: string,
  user: { id: string; customerAccountId: string | null; customer: boolean },
) {
  return prisma.project.findMany({
    where: {
      tenantId,
      status: { notIn: ["CANCELLED", "COMPLETED"] },
      ...(user.customer
        ? { customerAccountId: user.customerAccountId ?? "" }
        : { OR: [{ techLeadId: user.id }, { customerAccount: { csmId: user.id } }] }),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, customerAccountId: true },
  });
}

/** Scheduled video sessions of the given accounts (and a customer's own). */
export function feedSessions(prisma: DbOrTx, tenantId: string, accountIds: string[]) {
  return prisma.educationDelivery.findMany({
    where: {
      tenantId,
      sessionAt: { not: null },
      joinUrl: { not: null },
      plan: { customerAccountId: { in: accountIds } },
    },
    orderBy: { sessionAt: "asc" },
    select: { id: true },
  });
}
