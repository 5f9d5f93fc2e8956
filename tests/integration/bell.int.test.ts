import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { personSelect } from "@/server/db/users";
import { queueDigest } from "@/server/services/digests";
import { writeProgressUpdate } from "@/server/services/progress-updates";
import {
  callerFor,
  codeOf,
  createTenantFixture,
  kickedOffProject,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

/**
 * The bell follows the digest rule (docs/alerts.md#the-bell): an urgent alert's notification shows at
 * once, any other is held for the person's digest, and one about an alert since resolved (a verdict
 * superseded by the next validation) is shown neither in the bell nor in the digest. Mark-as-read
 * lowers the unread count, one at a time or all at once.
 */
let f: TenantFixture;
let projectId: string;
let week1: { id: string; criteria: { id: string }[] };

const scores = (v: number) => week1.criteria.map((c) => ({ criterionId: c.id, score: v }));

beforeAll(async () => {
  f = await createTenantFixture("bell");
  projectId = (await kickedOffProject(f, [], "MVP_DEVELOPMENT")).projectId;
  week1 = await testDb().milestone.findFirstOrThrow({
    where: { projectId, weekNumber: 1 },
    select: { id: true, criteria: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  // the customer's approval of the week's sign-off criterion, so the scores alone decide the verdict
  const criterionId = week1.criteria[0]?.id ?? "";
  const hash = createHash("sha256").update(`bell/${criterionId}`).digest("hex");
  await testDb().signOff.create({
    data: {
      tenantId: f.tenant.id,
      projectId,
      milestoneId: week1.id,
      criterionId,
      userId: f.users.CUSTOMER.id,
      seq: 1,
      decision: "APPROVED",
      contentHash: hash,
      hash,
    },
  });
});

describe("the bell", () => {
  it("shows urgent verdicts at once, holds the others for the digest, and hides superseded ones", async () => {
    const lead = callerFor(f.users.TECH_LEAD);
    const bell = async () =>
      (await lead.notifications.list({ take: 50 })).map((n) => n.title).filter((t) => t.startsWith("Week 1 of"));
    const unread = async () => (await lead.notifications.unreadCount()).unread;
    const before = await unread();

    expect((await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores(80) })).status).toBe(
      "AT_RISK",
    );
    // at risk is not urgent: stored for the digest, not in the bell
    expect(await bell()).toEqual([]);
    expect(await unread()).toBe(before);

    expect((await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores(60) })).status).toBe(
      "FAILED",
    );
    // failed is urgent: in the bell at once
    expect(await bell()).toEqual([expect.stringMatching(/^Week 1 of .* is failed: 60 /)]);
    expect(await unread()).toBe(before + 1);

    expect((await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores(75) })).status).toBe(
      "AT_RISK",
    );
    // the failed verdict was superseded seconds later: it leaves the bell, unread or not
    expect(await bell()).toEqual([]);
    expect(await unread()).toBe(before);
    // three notifications were written, one per verdict; the bell shows none of them
    expect(
      await testDb().notification.count({ where: { userId: f.users.TECH_LEAD.id, alert: { milestoneId: week1.id } } }),
    ).toBe(3);

    // the digest sums up what still holds: the current at-risk verdict only
    const now = new Date();
    const tenant = await testDb().tenant.findUniqueOrThrow({
      where: { id: f.tenant.id },
      select: { id: true, name: true, timezone: true, currency: true },
    });
    const person = await testDb().user.findUniqueOrThrow({ where: { id: f.users.TECH_LEAD.id }, select: personSelect });
    await writeProgressUpdate(testDb(), tenant, projectId, now);
    expect(await queueDigest(testDb(), tenant, person, now, "http://localhost:3000")).toBe("queued");
    const [digest] = await testDb().outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: `digest/${person.id}/` }, channel: "EMAIL" },
    });
    expect(digest?.bodyText).toMatch(/Week 1 of .* is at risk: 75 /);
    expect(digest?.bodyText).not.toMatch(/is at risk: 80 /);
    expect(digest?.bodyText).not.toMatch(/is failed: 60 /);
  });

  it("mark-as-read lowers the unread count; mark-all clears it; another person's notification is not found", async () => {
    const csm = callerFor(f.users.CSM);
    const db = testDb();
    await db.notification.createMany({
      data: [1, 2, 3].map((i) => ({
        tenantId: f.tenant.id,
        userId: f.users.CSM.id,
        title: `Task ${i} assigned to you`,
        link: "/projects",
      })),
    });
    const start = (await csm.notifications.unreadCount()).unread;
    expect(start).toBeGreaterThanOrEqual(3);
    const [first] = await csm.notifications.list({ unreadOnly: true, take: 1 });
    await csm.notifications.markRead({ notificationId: first?.id ?? "" });
    expect((await csm.notifications.unreadCount()).unread).toBe(start - 1);
    expect((await csm.notifications.list({ take: 50 })).find((n) => n.id === first?.id)?.readAt).toBeInstanceOf(Date);

    expect(
      await codeOf(csm.notifications.markRead({ notificationId: f.notifications[f.users.EXECUTIVE.id] ?? "" })),
    ).toBe("NOT_FOUND");
    expect(await csm.notifications.markAllRead()).toEqual({ marked: start - 1 });
    expect((await csm.notifications.unreadCount()).unread).toBe(0);
    // someone else's stay unread
    expect((await callerFor(f.users.EXECUTIVE).notifications.unreadCount()).unread).toBeGreaterThan(0);
  });
});
