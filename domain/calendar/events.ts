/**
 * The calendar events of a project and of an education session (docs/calendar.md#events). Pure: the
 * project's schedule, its people and the workspace time zone in; one description per event out, which
 * `ics.ts` turns into iCalendar text. Times of day are wall-clock times in the workspace time zone, so a
 * 09:30 standup stays at 09:30 across a daylight-saving change.
 */
import { TZDate } from "@date-fns/tz";

export const CALENDAR_EVENT_KINDS = ["kickoff", "weekly_review", "standup", "education_session"] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** What people read in their calendar and in the invite email. */
export const CALENDAR_EVENT_LABEL: Record<CalendarEventKind, string> = {
  kickoff: "Kickoff meeting",
  weekly_review: "Weekly milestone review",
  standup: "Daily standup",
  education_session: "Video session",
};

/** Length of each meeting in minutes; a session lasts as long as its education item says. */
export const MEETING_MINUTES = { kickoff: 60, weekly_review: 45, standup: 15 } as const;

export type Person = { email: string; name: string };

export type Recurrence = {
  freq: "DAILY" | "WEEKLY";
  /** the last occurrence starts at or before this instant (RFC 5545 UNTIL, inclusive) */
  until: Date;
  /** BYDAY: working days only (the standup) */
  weekdaysOnly?: boolean;
};

export type CalendarEventSpec = {
  /** stable per event: the UID is derived from it, and the stored sequence is kept under it */
  key: string;
  kind: CalendarEventKind;
  summary: string;
  description: string;
  start: Date;
  durationMinutes: number;
  /** IANA name; the invite carries its VTIMEZONE */
  timeZone: string;
  recurrence: Recurrence | null;
  /** the video link (https) or null */
  url: string | null;
  attendees: Person[];
};

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export const isTimeOfDay = (s: string): boolean => TIME_OF_DAY.test(s);

/** True for a time zone name the runtime's time zone database knows (IANA names and "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The instant of `time` (HH:MM) on the calendar day `day` (its UTC date) in `timeZone`. */
export function atLocalTime(day: Date, time: string, timeZone: string): Date {
  const m = TIME_OF_DAY.exec(time);
  if (!m) throw new RangeError(`atLocalTime: "${time}" is not a time of day (HH:MM)`);
  const local = new TZDate(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    Number(m[1]),
    Number(m[2]),
    timeZone,
  );
  return new Date(local.getTime());
}

/** A person once, by email (case-insensitive), in a stable order so the fingerprint does not depend on the query. */
export function uniquePeople(people: Person[]): Person[] {
  const seen = new Map<string, Person>();
  for (const p of people) {
    const email = p.email.trim().toLowerCase();
    if (email && !seen.has(email)) seen.set(email, { email, name: p.name });
  }
  return [...seen.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** Everything that makes an invite different: a change here bumps the SEQUENCE. */
export function fingerprint(e: CalendarEventSpec): string {
  return JSON.stringify([
    e.summary,
    e.description,
    e.start.toISOString(),
    e.durationMinutes,
    e.timeZone,
    e.recurrence ? [e.recurrence.freq, e.recurrence.until.toISOString(), Boolean(e.recurrence.weekdaysOnly)] : null,
    e.url,
    e.attendees.map((a) => a.email),
  ]);
}

export type ProjectCalendarInput = {
  tenantName: string;
  timeZone: string;
  project: {
    id: string;
    name: string;
    startDate: Date;
    targetEndDate: Date;
    kickoffMeetingAt: Date | null;
    reviewTime: string;
    standupEnabled: boolean;
    standupTime: string;
    meetingUrl: string | null;
  };
  /** due dates of the weekly milestones (any order) */
  milestoneDueDates: Date[];
  /** the delivery side: technical lead and the account's customer success manager */
  staff: Person[];
  /** the account's active stakeholders, and which of them approve milestones */
  stakeholders: (Person & { isApprover: boolean })[];
};

const firstWeekdayFrom = (day: Date): Date => {
  let d = day;
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY_MS);
  return d;
};

/**
 * The project's events (docs/calendar.md#events): the kickoff meeting when scheduled (staff and every
 * stakeholder), one weekly milestone review from the first milestone's due day until the last one
 * (staff and the approvers), and the daily standup on working days from the project start to its target
 * end when the project holds one (staff and every stakeholder).
 */
export function projectEvents(input: ProjectCalendarInput): CalendarEventSpec[] {
  const { project: p, timeZone } = input;
  const everyone = uniquePeople([...input.staff, ...input.stakeholders]);
  const base = { timeZone, url: p.meetingUrl };
  const link = p.meetingUrl ? `\nJoin: ${p.meetingUrl}` : "";
  const events: CalendarEventSpec[] = [];
  if (p.kickoffMeetingAt) {
    events.push({
      ...base,
      key: `project/${p.id}/kickoff`,
      kind: "kickoff",
      summary: `${CALENDAR_EVENT_LABEL.kickoff}: ${p.name}`,
      description: `The start of ${p.name} with ${input.tenantName}: the team, the plan and the first milestone.${link}`,
      start: p.kickoffMeetingAt,
      durationMinutes: MEETING_MINUTES.kickoff,
      recurrence: null,
      attendees: everyone,
    });
  }
  const dues = [...input.milestoneDueDates].sort((a, b) => a.getTime() - b.getTime());
  const first = dues[0];
  const last = dues.at(-1);
  if (first && last) {
    events.push({
      ...base,
      key: `project/${p.id}/weekly-review`,
      kind: "weekly_review",
      summary: `${CALENDAR_EVENT_LABEL.weekly_review}: ${p.name}`,
      description: `This week's milestone of ${p.name}: what was delivered, its score and what needs your sign-off.${link}`,
      start: atLocalTime(first, p.reviewTime, timeZone),
      durationMinutes: MEETING_MINUTES.weekly_review,
      recurrence: dues.length > 1 ? { freq: "WEEKLY", until: atLocalTime(last, p.reviewTime, timeZone) } : null,
      attendees: uniquePeople([...input.staff, ...input.stakeholders.filter((s) => s.isApprover)]),
    });
  }
  if (p.standupEnabled) {
    const from = firstWeekdayFrom(p.startDate);
    events.push({
      ...base,
      key: `project/${p.id}/standup`,
      kind: "standup",
      summary: `${CALENDAR_EVENT_LABEL.standup}: ${p.name}`,
      description: `Fifteen minutes on yesterday, today and anything in the way on ${p.name}.${link}`,
      start: atLocalTime(from, p.standupTime, timeZone),
      durationMinutes: MEETING_MINUTES.standup,
      recurrence: { freq: "DAILY", until: atLocalTime(p.targetEndDate, p.standupTime, timeZone), weekdaysOnly: true },
      attendees: everyone,
    });
  }
  return events;
}

export type SessionCalendarInput = {
  tenantName: string;
  timeZone: string;
  delivery: { id: string; sessionAt: Date; joinUrl: string };
  item: { title: string; durationMinutes: number };
  staff: Person[];
  attendee: Person;
};

/** A scheduled video session of the education plan (docs/calendar.md#events), to its stakeholder and staff. */
export function sessionEvent(input: SessionCalendarInput): CalendarEventSpec {
  const { delivery: d, item } = input;
  return {
    key: `education/${d.id}`,
    kind: "education_session",
    summary: `${CALENDAR_EVENT_LABEL.education_session}: ${item.title}`,
    description: `${item.title} with ${input.tenantName}, about ${item.durationMinutes} minutes.\nJoin: ${d.joinUrl}`,
    start: d.sessionAt,
    durationMinutes: item.durationMinutes,
    timeZone: input.timeZone,
    recurrence: null,
    url: d.joinUrl,
    attendees: uniquePeople([input.attendee, ...input.staff]),
  };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a datetime-local value (YYYY-MM-DDTHH:MM) read in `timeZone`; null when that day or time
 * does not exist (February 30, 25:00).
 */
export function fromLocalDateTime(value: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  const time = `${m[4]}:${m[5]}`;
  return isTimeOfDay(time) && h < 24 && mi < 60 ? atLocalTime(day, time, timeZone) : null;
}

/** An instant as the datetime-local value of `timeZone` (the inverse of fromLocalDateTime). */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
}
