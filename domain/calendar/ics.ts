/**
 * iCalendar text (RFC 5545) of invites and feeds (docs/calendar.md#invites), written by ical-generator.
 * An invite (RFC 5546) is METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED; a feed is
 * METHOD:PUBLISH. Start and end carry the event's TZID with its VTIMEZONE, DTSTAMP and UNTIL are UTC.
 */
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
} from "ical-generator";
import type { CalendarEventSpec, Person } from "./events";

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

const METHOD: Record<CalendarMethod, ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
};
const WEEKDAYS = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR];
const MINUTE_MS = 60_000;

/** The UID of an event: the same for every invite, update and cancellation of it. */
export const eventUid = (key: string): string => `${key.replaceAll("/", "-")}@onward`;

export type SequencedEvent = CalendarEventSpec & { sequence: number };

export function buildCalendar(input: {
  method: CalendarMethod;
  events: SequencedEvent[];
  organizer: Person;
  /** DTSTAMP: when this text was written (the caller's clock) */
  stamp: Date;
  /** the feed's name in the subscriber's calendar list */
  name?: string;
}): string {
  const cal = ical({
    prodId: { company: "Onward", product: "Onward", language: "EN" },
    method: METHOD[input.method],
    ...(input.name ? { name: input.name } : {}),
  });
  // no calendar-wide zone (DTSTAMP and UNTIL stay UTC); the generator adds one VTIMEZONE per event zone
  cal.timezone({ name: "", generator: getVtimezoneComponent });
  const invite = input.method !== "PUBLISH";
  for (const e of input.events) {
    const zone = e.timeZone === "UTC" ? null : e.timeZone;
    const at = (d: Date) => (zone ? new TZDate(d.getTime(), zone) : d);
    cal.createEvent({
      id: eventUid(e.key),
      sequence: e.sequence,
      stamp: input.stamp,
      start: at(e.start),
      end: at(new Date(e.start.getTime() + e.durationMinutes * MINUTE_MS)),
      timezone: zone,
      summary: e.summary,
      description: e.description,
      location: e.url,
      url: e.url,
      status: input.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: e.recurrence
        ? {
            freq: e.recurrence.freq === "DAILY" ? ICalEventRepeatingFreq.DAILY : ICalEventRepeatingFreq.WEEKLY,
            until: e.recurrence.until,
            ...(e.recurrence.weekdaysOnly ? { byDay: WEEKDAYS } : {}),
          }
        : null,
      organizer: { name: input.organizer.name, email: input.organizer.email },
      attendees: invite
        ? e.attendees.map((a) => ({
            email: a.email,
            name: a.name,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.NEEDSACTION,
            rsvp: input.method === "REQUEST",
          }))
        : [],
    });
  }
  return cal.toString();
}
