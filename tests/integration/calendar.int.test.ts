import nodeIcal, { type VEvent } from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventUid } from "@/domain/calendar/ics";
import { GET as feedRoute } from "@/app/calendar/[file]/route";
import { emailAttachments } from "@/server/messaging/attachments";
import type { DeliveryConfig } from "@/server/messaging/config";
import { deliverDueMessages } from "@/server/messaging/worker";
import { videoSessionFor } from "../helpers/calendar";
import {
  callerFor,
  codeOf,
  createTenantFixture,
  kickedOffProject,
  shapeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Calendar invites and feeds (docs/calendar.md) through the real tRPC caller on a real database. Every
 * invite is read back from the outbox with node-ical, an independent parser; the Resend SDK's request
 * is checked against a local stub.
 */
let a: TenantFixture;
let b: TenantFixture;
let stub: Stub;
const NOW = new Date("2026-12-06T12:00:00Z");
let clock = NOW;
const as = (f: TenantFixture, role: keyof TenantFixture["users"]) => callerFor(f.users[role], () => clock);

beforeAll(async () => {
  stub = await startStub();
  a = await createTenantFixture("calendar-a");
  b = await createTenantFixture("calendar-b");
  // project A: the technical lead and the account's CSM are the delivery side; one stakeholder does not approve
  await testDb().project.update({ where: { id: a.projectA.id }, data: { techLeadId: a.users.TECH_LEAD.id } });
  await testDb().customerAccount.update({ where: { id: a.accountA.id }, data: { csmId: a.users.CSM.id } });
  await testDb().user.create({
    data: {
      tenantId: a.tenant.id,
      email: `viewer-${a.tag}@example.com`,
      name: "Vic Viewer",
      role: "CUSTOMER",
      customerAccountId: a.accountA.id,
      stakeholderRole: "MEMBER",
    },
  });
});
afterAll(async () => stub.stop());
beforeEach(() => {
  clock = new Date(clock.getTime() + 60_000);
});

type Invite = { to: string; subject: string; method: string | undefined; event: VEvent; contentType: string };

/** The ids of tenant A's calendar emails so far, to read only the ones a step writes. */
const calendarRows = () =>
  testDb().outboxMessage.findMany({
    where: { tenantId: a.tenant.id, idempotencyKey: { startsWith: `calendar/` } },
    orderBy: { idempotencyKey: "asc" },
  });
async function mark(): Promise<Set<string>> {
  return new Set((await calendarRows()).map((r) => r.id));
}

/** The calendar emails of tenant A written after `before`, each invite parsed with node-ical. */
async function invitesSince(before: Set<string>): Promise<Invite[]> {
  const rows = (await calendarRows()).filter((r) => !before.has(r.id));
  return rows.map((r) => {
    const [file] = emailAttachments(r.payload).attachments ?? [];
    if (!file) throw new Error(`no attachment on ${r.idempotencyKey}`);
    const parsed = nodeIcal.sync.parseICS(Buffer.from(file.content, "base64").toString("utf8"));
    const all = Object.values(parsed).filter((c) => c !== undefined);
    const event = all.find((c): c is VEvent => c.type === "VEVENT");
    const cal = all.find((c) => c.type === "VCALENDAR") as { method?: string } | undefined;
    if (!event) throw new Error("no VEVENT");
    return { to: r.recipient, subject: r.subject ?? "", method: cal?.method, event, contentType: file.contentType };
  });
}
const emails = (e: VEvent) =>
  [e.attendee ?? []]
    .flat()
    .map((x) => (typeof x === "string" ? x : x.val).replace(/^mailto:/i, ""))
    .sort();
const uid = (kind: string) => eventUid(`project/${a.projectA.id}/${kind}`);
const MEETINGS = {
  reviewTime: "15:00",
  standupEnabled: true,
  standupTime: "09:30",
  kickoffMeetingAt: "2026-12-08T10:00",
  meetingUrl: "https://meet.example.com/apollo",
};

describe("project invites", () => {
  it("sends a REQUEST per event and person, with the attendees, the UID and SEQUENCE 0", async () => {
    const since = await mark();
    const res = await as(a, "CSM").calendar.updateProjectMeetings({ projectId: a.projectA.id, ...MEETINGS });
    expect(res).toMatchObject({ invited: 3, updated: 0, cancelled: 0, kickoffMeetingAt: "2026-12-08T10:00" });
    const invites = await invitesSince(since);
    for (const i of invites) {
      expect(i.method).toBe("REQUEST");
      expect(i.contentType).toBe("text/calendar; method=REQUEST");
      expect(Number(i.event.sequence)).toBe(0);
    }
    const review = invites.filter((i) => i.event.uid === uid("weekly-review"));
    // the approver and the delivery side; not the stakeholder who does not approve
    expect(review.map((i) => i.to).sort()).toEqual(
      [a.users.CUSTOMER.email, a.users.CSM.email, a.users.TECH_LEAD.email].map((e) => e.toLowerCase()).sort(),
    );
    expect(review[0]?.subject).toBe(`Invitation: Weekly milestone review: ${a.projectA.name}`);
    expect(emails(review[0]?.event as VEvent)).toEqual(review.map((i) => i.to).sort());
    // weekly from the first milestone until the fourth, at 15:00 in the workspace zone (UTC by default)
    const rule = review[0]?.event.rrule?.toString() ?? "";
    expect(rule).toContain("FREQ=WEEKLY");
    const weeks = await testDb().milestone.findMany({
      where: { projectId: a.projectA.id },
      orderBy: { weekNumber: "asc" },
    });
    const lastDue = weeks.at(-1)?.dueDate.toISOString().slice(0, 10).replaceAll("-", "");
    expect(rule).toContain(`UNTIL=${lastDue}T150000Z`);
    const kickoff = invites.filter((i) => i.event.uid === uid("kickoff"));
    expect(kickoff).toHaveLength(4); // staff (2) and both stakeholders
    expect(kickoff[0]?.event.start.toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(invites.filter((i) => i.event.uid === uid("standup"))).toHaveLength(4);
  });

  it("sends nothing when nothing changed", async () => {
    const since = await mark();
    const res = await as(a, "TECH_LEAD").calendar.updateProjectMeetings({ projectId: a.projectA.id, ...MEETINGS });
    expect(res).toMatchObject({ invited: 0, updated: 0, cancelled: 0 });
    expect(await invitesSince(since)).toEqual([]);
  });

  it("bumps the SEQUENCE of the changed event only", async () => {
    const since = await mark();
    await as(a, "CSM").calendar.updateProjectMeetings({ projectId: a.projectA.id, ...MEETINGS, reviewTime: "16:30" });
    const invites = await invitesSince(since);
    expect(new Set(invites.map((i) => i.event.uid))).toEqual(new Set([uid("weekly-review")]));
    for (const i of invites) {
      expect(Number(i.event.sequence)).toBe(1);
      expect(i.subject).toMatch(/^Updated invitation: Weekly milestone review/);
    }
  });

  it("cancels the standup when it is turned off, to everyone it was sent to", async () => {
    const since = await mark();
    const res = await as(a, "CSM").calendar.updateProjectMeetings({
      projectId: a.projectA.id,
      ...MEETINGS,
      reviewTime: "16:30",
      standupEnabled: false,
    });
    expect(res).toMatchObject({ cancelled: 1, invited: 0, updated: 0 });
    const invites = await invitesSince(since);
    expect(invites).toHaveLength(4);
    for (const i of invites) {
      expect(i.method).toBe("CANCEL");
      expect(i.contentType).toBe("text/calendar; method=CANCEL");
      expect(i.event.uid).toBe(uid("standup"));
      expect(Number(i.event.sequence)).toBe(1);
      expect(i.event.status).toBe("CANCELLED");
      expect(i.subject).toMatch(/^Cancelled: Daily standup/);
    }
  });

  it("moves the meetings to the new workspace time zone and says so in the invite", async () => {
    const since = await mark();
    const res = await as(a, "ADMIN").workspace.updateSettings({ timeZone: "America/New_York" });
    expect(res).toMatchObject({ timeZone: "America/New_York", projectsUpdated: 1 });
    const invites = await invitesSince(since);
    const review = invites.find((i) => i.event.uid === uid("weekly-review"));
    expect((review?.event.start as Date & { tz?: string }).tz).toBe("America/New_York");
    expect(Number(review?.event.sequence)).toBe(2);
    // the review stays at 16:30 on the wall clock, now New York's
    expect(review?.event.start.toISOString().slice(11, 16)).toBe("21:30");
    const audit = await testDb().auditEvent.findFirst({
      where: { tenantId: a.tenant.id, action: "workspace.settings_changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ before: { timeZone: "UTC" }, after: { timeZone: "America/New_York" } });
    await as(a, "ADMIN").workspace.updateSettings({ timeZone: "UTC" });
  });

  it("hands the invite to Resend as a text/calendar attachment", async () => {
    stub.reset();
    const config: DeliveryConfig = {
      email: { apiKey: "re_test_key", baseUrl: stub.url, from: "Onward <no-reply@onward.test>" },
      allowPrivateNetworks: true,
      appUrl: "http://localhost:3000",
    };
    await deliverDueMessages(testDb(), { now: new Date(clock.getTime() + 3_600_000), config, tenantId: a.tenant.id });
    const sent = stub.to("/emails").map((r) => r.json as { attachments?: { content_type: string; content: string }[] });
    const withIcs = sent.filter((s) => s.attachments?.[0]?.content_type.startsWith("text/calendar; method="));
    expect(withIcs.length).toBeGreaterThan(0);
    const text = Buffer.from(withIcs[0]?.attachments?.[0]?.content ?? "", "base64").toString("utf8");
    expect(text).toContain("BEGIN:VCALENDAR");
  });

  it("refuses bad input with the field named and writes nothing", async () => {
    const before = await testDb().project.findUniqueOrThrow({ where: { id: a.projectA.id } });
    const audits = await testDb().auditEvent.count({ where: { tenantId: a.tenant.id } });
    const cases = [
      [{ meetingUrl: "http://meet.example.com/x" }, "meetingUrl", /https/],
      [{ meetingUrl: "not a link" }, "meetingUrl", /full link/],
      [{ reviewTime: "25:00" }, "reviewTime", /09:30/],
      [{ standupTime: "9.30" }, "standupTime", /09:30/],
      [{ kickoffMeetingAt: "2026-02-30T10:00" }, "kickoffMeetingAt", /does not exist/],
      [{ kickoffMeetingAt: "next tuesday" }, "kickoffMeetingAt", /date and time/],
    ] as const;
    for (const [bad, field, reason] of cases) {
      const shape = await shapeOf(
        as(a, "CSM").calendar.updateProjectMeetings({ projectId: a.projectA.id, ...MEETINGS, ...bad }),
        "calendar.updateProjectMeetings",
      );
      expect(shape?.data.httpStatus, field).toBe(400);
      expect(shape?.data.fieldErrors?.[field], field).toMatch(reason);
    }
    const zone = await shapeOf(
      as(a, "ADMIN").workspace.updateSettings({ timeZone: "Mars/Olympus_Mons" }),
      "workspace.updateSettings",
    );
    expect(zone?.data.httpStatus).toBe(400);
    expect(zone?.data.fieldErrors?.timeZone).toMatch(/time zone/);
    expect(await testDb().project.findUniqueOrThrow({ where: { id: a.projectA.id } })).toEqual(before);
    expect((await testDb().tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).timezone).toBe("UTC");
    expect(await testDb().auditEvent.count({ where: { tenantId: a.tenant.id } })).toBe(audits);
  });

  it("sends the cancellation to an approver who no longer approves, and the update to the others", async () => {
    await testDb().user.update({ where: { id: a.users.CUSTOMER.id }, data: { isApprover: false } });
    const since = await mark();
    await as(a, "CSM").calendar.updateProjectMeetings({
      projectId: a.projectA.id,
      ...MEETINGS,
      reviewTime: "16:30",
      standupEnabled: false,
    });
    const review = (await invitesSince(since)).filter((i) => i.event.uid === uid("weekly-review"));
    const customer = a.users.CUSTOMER.email.toLowerCase();
    expect(review.filter((i) => i.method === "CANCEL").map((i) => i.to)).toEqual([customer]);
    const updates = review.filter((i) => i.method === "REQUEST");
    expect(updates.map((i) => i.to).sort()).toEqual(
      [a.users.CSM.email, a.users.TECH_LEAD.email].map((e) => e.toLowerCase()).sort(),
    );
    expect(emails(updates[0]?.event as VEvent)).not.toContain(customer);
    // all of them carry the same new sequence
    expect(new Set(review.map((i) => Number(i.event.sequence))).size).toBe(1);
    await testDb().user.update({ where: { id: a.users.CUSTOMER.id }, data: { isApprover: true } });
    await as(a, "CSM").calendar.updateProjectMeetings({
      projectId: a.projectA.id,
      ...MEETINGS,
      reviewTime: "16:30",
      standupEnabled: false,
    });
  });

  it("sends the reviews to an approver invited later, and the cancellation when they are disabled", async () => {
    const email = `late-approver-${a.tag}@example.com`;
    let since = await mark();
    const invited = await as(a, "ADMIN").users.invite({
      email,
      name: "Lena Late",
      role: "CUSTOMER",
      customerAccountId: a.accountA.id,
      stakeholderRole: "PRODUCT_OWNER",
      isApprover: true,
    });
    const joined = (await invitesSince(since)).filter((i) => i.event.uid === uid("weekly-review"));
    // the newcomer gets the review; the others get the update that lists them
    expect(joined.filter((i) => i.to === email && i.method === "REQUEST")).toHaveLength(1);
    expect(emails(joined[0]?.event as VEvent)).toContain(email);
    since = await mark();
    await as(a, "ADMIN").users.setDisabled({ userId: invited.id, disabled: true });
    const left = (await invitesSince(since)).filter((i) => i.event.uid === uid("weekly-review"));
    expect(left.filter((i) => i.method === "CANCEL").map((i) => i.to)).toEqual([email]);
    expect(left.filter((i) => i.method === "REQUEST").every((i) => !emails(i.event).includes(email))).toBe(true);
  });

  it("answers not found for another tenant's project", async () => {
    expect(await codeOf(as(b, "CSM").calendar.updateProjectMeetings({ projectId: a.projectA.id, ...MEETINGS }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(as(b, "CSM").calendar.projectMeetings({ projectId: a.projectA.id }))).toBe("NOT_FOUND");
  });
});

describe("video sessions", () => {
  it("invites the stakeholder and the CSM with the time and link, then cancels when unscheduled", async () => {
    const deliveryId = await videoSessionFor(a);
    let since = await mark();
    const res = await as(a, "CSM").calendar.scheduleSession({
      deliveryId,
      sessionAt: "2026-12-10T14:00",
      joinUrl: "https://meet.example.com/walkthrough",
    });
    expect(res).toMatchObject({ invited: 1, sessionAt: "2026-12-10T14:00" });
    let invites = await invitesSince(since);
    expect(invites.map((i) => i.to).sort()).toEqual([a.users.CUSTOMER.email, a.users.CSM.email].sort());
    const event = invites[0]?.event as VEvent;
    expect(event.uid).toBe(eventUid(`education/${deliveryId}`));
    expect(event.summary).toBe("Video session: Portal walkthrough");
    expect(event.start.toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(event.location).toBe("https://meet.example.com/walkthrough");

    since = await mark();
    await as(a, "CSM").calendar.scheduleSession({ deliveryId, sessionAt: "", joinUrl: "" });
    invites = await invitesSince(since);
    expect(invites.map((i) => [i.method, Number(i.event.sequence)])).toEqual([
      ["CANCEL", 1],
      ["CANCEL", 1],
    ]);
  });

  it("refuses a session without an https link, and an item that is not a video session", async () => {
    const deliveryId = await videoSessionFor(a);
    const http = await shapeOf(
      as(a, "CSM").calendar.scheduleSession({ deliveryId, sessionAt: "2026-12-10T14:00", joinUrl: "http://x.test/a" }),
      "calendar.scheduleSession",
    );
    expect(http?.data.fieldErrors?.joinUrl).toMatch(/https/);
    const none = await shapeOf(
      as(a, "CSM").calendar.scheduleSession({ deliveryId, sessionAt: "2026-12-10T14:00" }),
      "calendar.scheduleSession",
    );
    expect(none?.data.fieldErrors?.joinUrl).toMatch(/link/);
    const reading = await testDb().educationDelivery.findFirstOrThrow({
      where: { tenantId: a.tenant.id, item: { deliveryMethod: "email" } },
    });
    const notVideo = await shapeOf(
      as(a, "CSM").calendar.scheduleSession({
        deliveryId: reading.id,
        sessionAt: "2026-12-10T14:00",
        joinUrl: "https://meet.example.com/x",
      }),
      "calendar.scheduleSession",
    );
    expect(notVideo?.data.httpStatus).toBe(400);
    expect(notVideo?.data.fieldErrors?.deliveryId).toMatch(/not a video session/);
    expect(await codeOf(as(b, "CSM").calendar.scheduleSession({ deliveryId }))).toBe("NOT_FOUND");
  });
});

describe("private feed", () => {
  const fetchFeed = async (url: string) => {
    const file = url.split("/").at(-1) ?? "";
    return feedRoute(new Request(`http://localhost/calendar/${file}`), { params: Promise.resolve({ file }) });
  };
  const feedUids = async (res: Response) =>
    Object.values(nodeIcal.sync.parseICS(await res.text()))
      .filter((c): c is VEvent => c?.type === "VEVENT")
      .map((e) => e.uid)
      .sort();

  it("publishes a customer's account projects and sessions, and stops when revoked", async () => {
    const deliveryId = await videoSessionFor(a);
    await as(a, "CSM").calendar.scheduleSession({
      deliveryId,
      sessionAt: "2026-12-11T14:00",
      joinUrl: "https://meet.example.com/walkthrough",
    });
    const customer = as(a, "CUSTOMER");
    expect(await customer.calendar.feed()).toEqual({ active: false, createdAt: null });
    const created = await customer.calendar.createFeed();
    expect(created.webcalUrl).toMatch(/^webcal:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.active).toBe(true);
    // only the hash is stored
    const token = created.httpsUrl.split("/").at(-1)?.replace(".ics", "") ?? "";
    const row = await testDb().user.findUniqueOrThrow({ where: { id: a.users.CUSTOMER.id } });
    expect(row.calendarFeedTokenHash).not.toContain(token);
    expect(row.calendarFeedTokenHash).toMatch(/^[0-9a-f]{64}$/);

    const res = await fetchFeed(created.httpsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await res.clone().text();
    expect(body).toContain("METHOD:PUBLISH");
    expect(await feedUids(res)).toEqual(
      [uid("kickoff"), uid("weekly-review"), eventUid(`education/${deliveryId}`)].sort(),
    );

    // another account's customer sees their own project's review and none of account A's meetings
    const other = await callerFor(a.otherAccountCustomer, () => clock).calendar.createFeed();
    expect(await feedUids(await fetchFeed(other.httpsUrl))).toEqual([
      eventUid(`project/${a.projectB.id}/weekly-review`),
    ]);

    await customer.calendar.revokeFeed();
    expect((await fetchFeed(created.httpsUrl)).status).toBe(404);
    const actions = await testDb().auditEvent.findMany({
      where: { tenantId: a.tenant.id, actorId: a.users.CUSTOMER.id, action: { startsWith: "calendar_feed." } },
      select: { action: true, after: true },
    });
    expect(actions.map((x) => x.action)).toEqual(["calendar_feed.created", "calendar_feed.revoked"]);
    expect(JSON.stringify(actions)).not.toContain(token);
  });

  it("publishes a technical lead's projects; a new address retires the old one", async () => {
    const lead = as(a, "TECH_LEAD");
    const first = await lead.calendar.createFeed();
    const second = await lead.calendar.createFeed();
    expect((await fetchFeed(first.httpsUrl)).status).toBe(404);
    expect(await feedUids(await fetchFeed(second.httpsUrl))).toContain(uid("weekly-review"));
    // a person with no projects gets an empty, valid calendar
    const exec = await as(a, "EXECUTIVE").calendar.createFeed();
    expect(await feedUids(await fetchFeed(exec.httpsUrl))).toEqual([]);
  });

  it("answers 404 for an unknown or malformed token and a path that is not .ics", async () => {
    for (const file of ["x".repeat(43) + ".ics", "short.ics", "' OR 1=1 --.ics", "abc"]) {
      expect((await feedRoute(new Request("http://localhost/"), { params: Promise.resolve({ file }) })).status).toBe(
        404,
      );
    }
  });

  it("stops serving a disabled person's feed", async () => {
    const viewer = await testDb().user.findFirstOrThrow({ where: { email: `viewer-${a.tag}@example.com` } });
    const caller = callerFor(
      { ...a.users.CUSTOMER, id: viewer.id, email: viewer.email, name: viewer.name },
      () => clock,
    );
    const feed = await caller.calendar.createFeed();
    expect((await fetchFeed(feed.httpsUrl)).status).toBe(200);
    await testDb().user.update({ where: { id: viewer.id }, data: { disabledAt: clock } });
    expect((await fetchFeed(feed.httpsUrl)).status).toBe(404);
  });
});

describe("kickoff", () => {
  it("sends the weekly milestone review to the delivery side and the approvers named at kickoff", async () => {
    const { projectId } = await kickedOffProject(a, [
      { name: "Ada Approver", email: `ada-${a.tag}@example.com`, stakeholderRole: "PRODUCT_OWNER", isApprover: true },
      { name: "Max Member", email: `max-${a.tag}@example.com`, stakeholderRole: "MEMBER", isApprover: false },
    ]);
    const rows = await testDb().outboxMessage.findMany({
      where: { tenantId: a.tenant.id, idempotencyKey: { startsWith: `calendar/${a.tenant.id}/project/${projectId}/` } },
    });
    const to = rows.map((r) => r.recipient);
    // the approver and the delivery side (the technical lead, the account's CSM); not the member
    expect(to).toContain(`ada-${a.tag}@example.com`);
    expect(to).toContain(a.users.TECH_LEAD.email.toLowerCase());
    expect(to).not.toContain(`max-${a.tag}@example.com`);
    const csm = await testDb().project.findUniqueOrThrow({
      where: { id: projectId },
      select: { customerAccount: { select: { csm: { select: { email: true } } } } },
    });
    expect(to).toHaveLength(csm.customerAccount.csm ? 3 : 2);
    const [file] = emailAttachments(rows[0]?.payload).attachments ?? [];
    const parsed = Object.values(nodeIcal.sync.parseICS(Buffer.from(file?.content ?? "", "base64").toString("utf8")));
    const review = parsed.find((c): c is VEvent => c?.type === "VEVENT");
    expect(review?.uid).toBe(eventUid(`project/${projectId}/weekly-review`));
    expect(review?.rrule?.toString()).toContain("FREQ=WEEKLY");
  });
});
