import nodeIcal, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import {
  atLocalTime,
  fingerprint,
  fromLocalDateTime,
  isTimeOfDay,
  isTimeZone,
  projectEvents,
  sessionEvent,
  toLocalDateTime,
  type ProjectCalendarInput,
} from "./events";
import { buildCalendar, eventUid, type CalendarMethod, type SequencedEvent } from "./ics";

const must = <T>(v: T | null | undefined): T => {
  if (v === null || v === undefined) throw new Error("expected a value");
  return v;
};

/** Every produced text is read back with an independent parser (node-ical), never with string matching alone. */
function parse(text: string) {
  const parsed = nodeIcal.sync.parseICS(text);
  const all = Object.values(parsed).filter((c) => c !== undefined);
  const events = all.filter((c): c is VEvent => c.type === "VEVENT");
  const calendar = all.find((c) => c.type === "VCALENDAR") as { method?: string } | undefined;
  return { events, method: calendar?.method };
}
const attendeeEmails = (e: VEvent) =>
  [e.attendee ?? []]
    .flat()
    .map((a) => (typeof a === "string" ? a : a.val).replace(/^mailto:/i, ""))
    .sort();

const ORGANIZER = { name: "Northwind Delivery", email: "no-reply@northwind.test" };
const STAMP = new Date("2026-12-06T12:00:00Z");
const DAY = (s: string) => new Date(`${s}T00:00:00Z`);

const INPUT: ProjectCalendarInput = {
  tenantName: "Northwind",
  timeZone: "Europe/Berlin",
  project: {
    id: "p1",
    name: "Billing revamp",
    startDate: DAY("2026-12-05"), // a Saturday
    targetEndDate: DAY("2027-01-29"),
    kickoffMeetingAt: new Date("2026-12-07T09:00:00Z"),
    reviewTime: "15:00",
    standupEnabled: true,
    standupTime: "09:30",
    meetingUrl: "https://meet.example.com/billing",
  },
  milestoneDueDates: [DAY("2026-12-25"), DAY("2026-12-11"), DAY("2026-12-18"), DAY("2027-03-26")],
  staff: [{ email: "Lead@northwind.test", name: "Tess Lead" }],
  stakeholders: [
    { email: "ann@customer.test", name: "Ann Approver", isApprover: true },
    { email: "bob@customer.test", name: "Bob Viewer", isApprover: false },
  ],
};

const sequenced = (events: ReturnType<typeof projectEvents>, sequence = 0): SequencedEvent[] =>
  events.map((e) => ({ ...e, sequence }));
const write = (method: CalendarMethod, events: SequencedEvent[]) =>
  buildCalendar({ method, events, organizer: ORGANIZER, stamp: STAMP });

describe("project invites", () => {
  const events = projectEvents(INPUT);
  const byKind = Object.fromEntries(events.map((e) => [e.kind, e]));

  it("has a kickoff, a weekly review and a standup, each under a stable key", () => {
    expect(events.map((e) => e.key)).toEqual(["project/p1/kickoff", "project/p1/weekly-review", "project/p1/standup"]);
    expect(projectEvents(INPUT).map((e) => eventUid(e.key))).toEqual(events.map((e) => eventUid(e.key)));
  });

  it("sends a REQUEST whose UID, SEQUENCE and attendees survive a real parser", () => {
    const { events: parsed, method } = parse(write("REQUEST", sequenced(events, 3)));
    expect(method).toBe("REQUEST");
    expect(parsed.map((e) => e.uid)).toEqual(events.map((e) => eventUid(e.key)));
    for (const e of parsed) expect(Number(e.sequence)).toBe(3);
    const kickoff = must(parsed.find((e) => e.uid === eventUid("project/p1/kickoff")));
    expect(attendeeEmails(kickoff)).toEqual(["ann@customer.test", "bob@customer.test", "lead@northwind.test"]);
    expect(kickoff.summary).toBe("Kickoff meeting: Billing revamp");
    expect(kickoff.start.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(must(kickoff.end).toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("invites only the approvers and staff to the weekly review, which recurs weekly until the last week", () => {
    const review = must(parse(write("REQUEST", sequenced([must(byKind.weekly_review)]))).events[0]);
    expect(attendeeEmails(review)).toEqual(["ann@customer.test", "lead@northwind.test"]);
    // 15:00 in Berlin (UTC+1 in winter) on the first due day
    expect(review.start.toISOString()).toBe("2026-12-11T14:00:00.000Z");
    expect((review.start as Date & { tz?: string }).tz).toBe("Europe/Berlin");
    const rule = must(review.rrule);
    expect(rule.toString()).toContain("FREQ=WEEKLY");
    // the last week's review, 15:00 Berlin summer time (UTC+2) on 2027-03-26 is still winter: UTC+1
    expect(rule.toString()).toContain("UNTIL=20270326T140000Z");
    const occurrences = rule.all();
    expect(occurrences).toHaveLength(16);
  });

  it("keeps the standup at 09:30 local on working days, across the daylight-saving change", () => {
    const input = { ...INPUT, project: { ...INPUT.project, targetEndDate: DAY("2027-04-02") } };
    const standup = must(projectEvents(input).find((e) => e.kind === "standup"));
    const parsed = must(parse(write("REQUEST", sequenced([standup]))).events[0]);
    // the Saturday start moves to Monday
    expect(parsed.start.toISOString()).toBe("2026-12-07T08:30:00.000Z");
    expect(must(parsed.rrule).toString()).toContain("BYDAY=MO,TU,WE,TH,FR");
    const instances = nodeIcal.expandRecurringEvent(parsed, {
      from: new Date("2027-03-26T00:00:00Z"),
      to: new Date("2027-03-30T23:59:59Z"),
    });
    // Friday before the change (UTC+1) and Monday after it (UTC+2): 09:30 Berlin both times
    expect(instances.map((i) => i.start.toISOString())).toEqual([
      "2027-03-26T08:30:00.000Z",
      "2027-03-29T07:30:00.000Z",
      "2027-03-30T07:30:00.000Z",
    ]);
  });

  it("cancels with METHOD:CANCEL, the same UID and STATUS:CANCELLED", () => {
    const { events: parsed, method } = parse(write("CANCEL", sequenced([must(byKind.standup)], 4)));
    expect(method).toBe("CANCEL");
    expect(must(parsed[0]).uid).toBe(eventUid("project/p1/standup"));
    expect(Number(must(parsed[0]).sequence)).toBe(4);
    expect(must(parsed[0]).status).toBe("CANCELLED");
  });

  it("writes UTC times without a VTIMEZONE for a UTC workspace", () => {
    const utc = projectEvents({ ...INPUT, timeZone: "UTC" });
    const text = write("REQUEST", sequenced(utc));
    expect(text).not.toContain("BEGIN:VTIMEZONE");
    const review = must(parse(text).events.find((e) => e.uid === eventUid("project/p1/weekly-review")));
    expect(review.start.toISOString()).toBe("2026-12-11T15:00:00.000Z");
  });

  it("leaves out the kickoff when not scheduled, the standup when off, the review without milestones", () => {
    const none = projectEvents({
      ...INPUT,
      project: { ...INPUT.project, kickoffMeetingAt: null, standupEnabled: false },
      milestoneDueDates: [],
    });
    expect(none).toEqual([]);
  });

  it("changes the fingerprint on a change that matters and only then", () => {
    const again = projectEvents(INPUT);
    expect(again.map(fingerprint)).toEqual(events.map(fingerprint));
    const moved = projectEvents({ ...INPUT, project: { ...INPUT.project, reviewTime: "16:00" } });
    expect(fingerprint(must(moved[1]))).not.toBe(fingerprint(must(events[1])));
    expect(fingerprint(must(moved[0]))).toBe(fingerprint(must(events[0])));
  });
});

describe("education session invite", () => {
  it("carries the time, the join link and the stakeholder", () => {
    const e = sessionEvent({
      tenantName: "Northwind",
      timeZone: "America/New_York",
      delivery: { id: "d1", sessionAt: new Date("2026-12-09T16:00:00Z"), joinUrl: "https://meet.example.com/s1" },
      item: { title: "Using the portal", durationMinutes: 30 },
      staff: [{ email: "csm@northwind.test", name: "Cas" }],
      attendee: { email: "ann@customer.test", name: "Ann" },
    });
    const parsed = must(parse(write("REQUEST", [{ ...e, sequence: 0 }])).events[0]);
    expect(parsed.uid).toBe("education-d1@onward");
    expect(parsed.summary).toBe("Video session: Using the portal");
    expect(parsed.url).toMatchObject({ val: "https://meet.example.com/s1" });
    expect((parsed.start as Date & { tz?: string }).tz).toBe("America/New_York");
    expect(must(parsed.end).getTime() - parsed.start.getTime()).toBe(30 * 60_000);
    expect(attendeeEmails(parsed)).toEqual(["ann@customer.test", "csm@northwind.test"]);
  });
});

describe("a feed", () => {
  it("publishes without attendees", () => {
    const text = buildCalendar({
      method: "PUBLISH",
      events: sequenced(projectEvents(INPUT)),
      organizer: ORGANIZER,
      stamp: STAMP,
      name: "Onward",
    });
    const { events, method } = parse(text);
    expect(method).toBe("PUBLISH");
    expect(events).toHaveLength(3);
    for (const e of events) expect(e.attendee).toBeUndefined();
  });
});

describe("inputs", () => {
  it("accepts IANA names and UTC, refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
  it("takes times of day from 00:00 to 23:59", () => {
    expect(["00:00", "09:30", "23:59"].map(isTimeOfDay)).toEqual([true, true, true]);
    expect(["24:00", "9:30", "12:60", "noon"].map(isTimeOfDay)).toEqual([false, false, false, false]);
  });
  it("finds the instant of a local time on both sides of a daylight-saving change", () => {
    expect(atLocalTime(DAY("2027-03-26"), "09:30", "Europe/Berlin").toISOString()).toBe("2027-03-26T08:30:00.000Z");
    expect(atLocalTime(DAY("2027-03-29"), "09:30", "Europe/Berlin").toISOString()).toBe("2027-03-29T07:30:00.000Z");
  });
});

describe("datetime-local values", () => {
  it("reads a local time in the workspace zone and writes it back", () => {
    const at = must(fromLocalDateTime("2026-12-07T10:00", "Europe/Berlin"));
    expect(at.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(toLocalDateTime(at, "Europe/Berlin")).toBe("2026-12-07T10:00");
    expect(toLocalDateTime(at, "UTC")).toBe("2026-12-07T09:00");
  });
  it("refuses a day or time that does not exist", () => {
    expect(fromLocalDateTime("2026-02-30T10:00", "UTC")).toBeNull();
    expect(fromLocalDateTime("2026-02-10T24:00", "UTC")).toBeNull();
    expect(fromLocalDateTime("tomorrow", "UTC")).toBeNull();
  });
});
