import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import { milestoneCertificate } from "@/server/services/signoffs";
import {
  callerFor,
  concurrencyDb,
  createTenantFixture,
  sessionUserOf,
  shapeOf,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
  codeOf,
} from "../helpers/fixtures";

/** A caller as a browser would be: with an IP address and a user agent. */
const browser = (user: SessionUser, ip = "203.0.113.7", userAgent = "Mozilla/5.0 (Vitest)", db: Db = testDb()) =>
  createCaller(createInnerContext({ user, db, ip, userAgent }));

/** Another customer of account A (approver or not). */
async function customerOf(f: TenantFixture, accountId: string, isApprover: boolean): Promise<SessionUser> {
  const tag = randomUUID().slice(0, 8);
  const u = await testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `cust-${tag}@${f.tenant.slug}.test`,
      name: `Customer ${tag}`,
      role: "CUSTOMER",
      customerAccountId: accountId,
      stakeholderRole: isApprover ? "TECHNICAL_LEAD" : "MEMBER",
      isApprover,
    },
  });
  return sessionUserOf({ id: u.id }, `s-${tag}`);
}

const counts = async (projectId: string) => ({
  signOffs: await testDb().signOff.count({ where: { projectId } }),
  audit: await testDb().auditEvent.count({
    where: { entityType: "SignOff", after: { path: ["projectId"], equals: projectId } },
  }),
});

let f: TenantFixture;
let week2: { criterionId: string; milestoneId: string };
let secondApprover: SessionUser;

beforeAll(async () => {
  f = await createTenantFixture("signoff");
  week2 = await signOffCriterionOf(f.projectA.id, 2);
  secondApprover = await customerOf(f, f.accountA.id, true);
  await testDb().project.update({ where: { id: f.projectA.id }, data: { techLeadId: f.users.TECH_LEAD.id } });
});

describe("review before signing", () => {
  it("the portal's project page says what awaits the customer's sign-off, the risks and the next deliverables", async () => {
    const project = await callerFor(f.users.CUSTOMER).portal.project({ projectId: f.projectA.id });
    expect(project.outlook.awaitingSignOff).toEqual([week2.criterionId]);
    expect(project.outlook.risks).toContainEqual({
      level: "info",
      text: "1 deliverable is waiting for your sign-off.",
    });
    expect(project.outlook.upcomingDeliverables[0]).toMatchObject({
      criterionId: week2.criterionId,
      weekNumber: 2,
      name: "Requirements Analysis Complete",
      needsYourSignOff: true,
    });
    expect(project.milestones[1]?.criteria[0]?.signOffs).toEqual([]);
  });

  it("shows the criterion, its deliverable, the evidence and the score so far, with the hash of exactly that", async () => {
    await testDb().evidence.create({
      data: {
        tenantId: f.tenant.id,
        projectId: f.projectA.id,
        source: "API",
        commitSha: "0123456789abcdef",
        buildUrl: "https://ci.example/builds/42",
      },
    });
    const review = await browser(f.users.CUSTOMER).portal.signOffReview({ criterionId: week2.criterionId });
    expect(review.content.criterion).toMatchObject({
      name: "Requirements Analysis Complete",
      deliverable: "Spec",
      validationMethod: "stakeholder_sign_off",
    });
    expect(review.content.milestone.weekNumber).toBe(2);
    expect(review.content.evidence.links).toEqual([
      { label: "Latest CI build (commit 0123456789ab)", url: "https://ci.example/builds/42" },
    ]);
    expect(review.content.scoreSoFar).toEqual({ criterion: null, milestone: null, milestoneStatus: "IN_PROGRESS" });
    expect(review.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(review.open).toBe(true);
    expect(review.history).toEqual([]);
  });
});

describe("signing off (append-only, hash-chained per project)", () => {
  it("records who, when, IP, user agent, decision, comment and the chained hashes; re-validates the week; sends its CSAT", async () => {
    // the technical lead has validated week 2: it waits for the customer's sign-off
    const week2Criteria = await testDb().milestoneCriterion.findMany({
      where: { milestoneId: week2.milestoneId },
      orderBy: { position: "asc" },
    });
    const validated = await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week2.milestoneId,
      scores: week2Criteria.map((c) => ({ criterionId: c.id, score: c.requiresSignOff ? null : 90 })),
    });
    expect(validated.status).toBe("IN_PROGRESS");

    const { contentHash } = await browser(f.users.CUSTOMER).portal.signOffReview({ criterionId: week2.criterionId });
    const res = await browser(f.users.CUSTOMER).portal.signOff({
      criterionId: week2.criterionId,
      decision: "APPROVED",
      comment: "  Reviewed with the team.  ",
      contentHash,
    });
    expect(res).toMatchObject({ seq: 1, decision: "APPROVED", recorded: true, milestoneStatus: "SUCCESS" });

    const row = await testDb().signOff.findUniqueOrThrow({ where: { id: res.signOffId } });
    expect(row).toMatchObject({
      userId: f.users.CUSTOMER.id,
      criterionId: week2.criterionId,
      milestoneId: week2.milestoneId,
      projectId: f.projectA.id,
      seq: 1,
      decision: "APPROVED",
      comment: "Reviewed with the team.",
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (Vitest)",
      contentHash,
      prevHash: null,
    });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityType: "SignOff", entityId: row.id } });
    expect(audit).toMatchObject({ action: "signoff.recorded", actorId: f.users.CUSTOMER.id, ip: "203.0.113.7" });
    expect(audit.after).toMatchObject({
      seq: 1,
      hash: row.hash,
      contentHash,
      content: { criterion: { name: "Requirements Analysis Complete" } },
    });

    // 0.6 × 100 (approved, no partial score) + 0.4 × 90 = 96 ≥ 85
    const week = await testDb().milestone.findUniqueOrThrow({ where: { id: week2.milestoneId } });
    expect(week).toMatchObject({ status: "SUCCESS", score: 96 });
    // re-validated by the system, not by the customer who signed, with the reason in the week's history
    const latest = await testDb().milestoneValidation.findFirstOrThrow({
      where: { milestoneId: week2.milestoneId },
      orderBy: { createdAt: "desc" },
    });
    expect(latest.validatedById).toBeNull();
    expect(latest.criteriaScores).toMatchObject({
      revalidation: { bySystem: true, reason: "The customer decided every sign-off of week 2" },
    });
    // the team hears about it; the week's CSAT went out to the account's stakeholders with a one-time link
    expect(
      await testDb().notification.count({ where: { userId: f.users.TECH_LEAD.id, title: { contains: "approved" } } }),
    ).toBe(1);
    const surveys = await testDb().survey.findMany({ where: { milestoneId: week2.milestoneId } });
    expect(surveys.every((s) => s.kind === "CSAT" && s.trigger === "MILESTONE_SIGN_OFF" && s.tokenHash !== null)).toBe(
      true,
    );
    expect(surveys.map((s) => s.key).sort()).toEqual(
      [f.users.CUSTOMER.id, secondApprover.id].map((u) => `csat/${week2.milestoneId}/${u}`).sort(),
    );
    const mail = await testDb().outboxMessage.findFirstOrThrow({
      where: { recipient: f.users.CUSTOMER.email, idempotencyKey: { startsWith: "survey/" } },
    });
    expect(mail.bodyText).toMatch(/\/survey\/[A-Za-z0-9_-]{43}/);
  });

  it("the same approver repeating the latest decision records nothing new", async () => {
    const before = await counts(f.projectA.id);
    const again = await browser(f.users.CUSTOMER).portal.signOff({
      criterionId: week2.criterionId,
      decision: "APPROVED",
      comment: "again",
    });
    expect(again).toMatchObject({ seq: 1, recorded: false });
    expect(await counts(f.projectA.id)).toEqual(before);
  });

  it("a second approver requesting changes is chained after the first; the week waits again", async () => {
    const res = await browser(secondApprover, "198.51.100.20", "Safari").portal.signOff({
      criterionId: week2.criterionId,
      decision: "CHANGES_REQUESTED",
      comment: "The spec misses the export flow.",
    });
    expect(res).toMatchObject({ seq: 2, recorded: true });
    const [first, second] = await testDb().signOff.findMany({
      where: { projectId: f.projectA.id },
      orderBy: { seq: "asc" },
    });
    expect(second?.prevHash).toBe(first?.hash);
    expect((await testDb().milestone.findUniqueOrThrow({ where: { id: week2.milestoneId } })).status).toBe(
      "IN_PROGRESS",
    );
    // approving again after a change request is a new decision, not a repeat
    expect(
      await browser(f.users.CUSTOMER).portal.signOff({ criterionId: week2.criterionId, decision: "APPROVED" }),
    ).toMatchObject({ seq: 3, recorded: true, milestoneStatus: "SUCCESS" });
    const verification = await callerFor(f.users.CSM).signoffs.verify({ projectId: f.projectA.id });
    expect(verification).toMatchObject({ intact: true, entries: 3, contentChecked: 3, firstBroken: null });
  });

  it("staff see the state per week and the chain; the certificate lists every signature of the week with its hash", async () => {
    const view = await callerFor(f.users.TECH_LEAD).signoffs.forProject({ projectId: f.projectA.id });
    expect(view.entries.map((e) => [e.seq, e.decision, e.signer])).toEqual([
      [1, "APPROVED", f.users.CUSTOMER.name],
      [2, "CHANGES_REQUESTED", secondApprover.name],
      [3, "APPROVED", f.users.CUSTOMER.name],
    ]);
    expect(view.weeks.find((w) => w.weekNumber === 2)?.state).toMatchObject({
      required: 1,
      approved: 1,
      signedOff: true,
    });
    const ctx = {
      db: testDb(),
      tenantId: f.tenant.id,
      actorId: f.users.CUSTOMER.id,
      ip: "",
      requestId: "t",
      now: new Date(),
    };
    const cert = await milestoneCertificate(ctx, week2.milestoneId, f.accountA.id);
    expect(cert.signatures.map((s) => [s.seq, s.hash.length, s.signer.email])).toEqual([
      [1, 64, f.users.CUSTOMER.email],
      [2, 64, secondApprover.email],
      [3, 64, f.users.CUSTOMER.email],
    ]);
    expect(cert.verification.intact).toBe(true);
    await expect(milestoneCertificate(ctx, week2.milestoneId, f.accountB.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      milestoneCertificate({ ...ctx, tenantId: "other-tenant" }, week2.milestoneId, null),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("refusals write nothing", () => {
  it.each([
    [
      "a 1 MB comment",
      { decision: "APPROVED", comment: "x".repeat(1024 * 1024) },
      "BAD_REQUEST",
      "Comments are at most 2000 characters",
    ],
    [
      "changes requested without a comment",
      { decision: "CHANGES_REQUESTED" },
      "BAD_REQUEST",
      "Say what needs to change",
    ],
    ["an unknown decision", { decision: "MAYBE" }, "BAD_REQUEST", "Choose approve or request changes"],
    [
      "a malformed content hash",
      { decision: "APPROVED", contentHash: "nope" },
      "BAD_REQUEST",
      "Review the criterion again",
    ],
  ])("%s → a clear 400", async (_label, patch, code, message) => {
    const before = await counts(f.projectB.id);
    const { criterionId } = await signOffCriterionOf(f.projectB.id);
    const other = await customerOf(f, f.accountB.id, true);
    const shape = await shapeOf(browser(other).portal.signOff({ criterionId, ...patch } as never), "portal.signOff");
    expect(shape?.data.code).toBe(code);
    expect(shape?.message).toContain(message);
    expect(await counts(f.projectB.id)).toEqual(before);
  });

  it("a stakeholder without approval rights is refused; a customer of another account or tenant finds nothing", async () => {
    const { criterionId } = await signOffCriterionOf(f.projectB.id);
    const before = await counts(f.projectB.id);
    const member = await customerOf(f, f.accountB.id, false);
    const shape = await shapeOf(
      browser(member).portal.signOff({ criterionId, decision: "APPROVED" }),
      "portal.signOff",
    );
    expect(shape?.data.code).toBe("FORBIDDEN");
    expect(shape?.message).toContain("Only stakeholders with approval rights can sign off");
    expect(await codeOf(browser(f.users.CUSTOMER).portal.signOff({ criterionId, decision: "APPROVED" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(browser(f.users.CUSTOMER).portal.signOffReview({ criterionId }))).toBe("NOT_FOUND");
    const other = await createTenantFixture("signoff-other");
    expect(await codeOf(browser(other.users.CUSTOMER).portal.signOff({ criterionId, decision: "APPROVED" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(other.users.TECH_LEAD).signoffs.verify({ projectId: f.projectB.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(
        browser(f.users.CUSTOMER).portal.signOff({ criterionId: "c0000000000000000000000000", decision: "APPROVED" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await counts(f.projectB.id)).toEqual(before);
  });

  it("a criterion the team checks, a week that has not started and content changed since the review are refused", async () => {
    const before = await counts(f.projectA.id);
    const technical = await testDb().milestoneCriterion.findFirstOrThrow({
      where: { requiresSignOff: false, milestone: { projectId: f.projectA.id, weekNumber: 2 } },
    });
    expect(
      await codeOf(browser(f.users.CUSTOMER).portal.signOff({ criterionId: technical.id, decision: "APPROVED" })),
    ).toBe("BAD_REQUEST");
    const week4 = await signOffCriterionOf(f.projectA.id, 4);
    const shape = await shapeOf(
      browser(f.users.CUSTOMER).portal.signOff({ criterionId: week4.criterionId, decision: "APPROVED" }),
      "portal.signOff",
    );
    expect(shape?.message).toContain("Week 4 has not started yet");
    const week1 = await signOffCriterionOf(f.projectA.id, 1);
    expect(
      await codeOf(
        browser(f.users.CUSTOMER).portal.signOff({
          criterionId: week1.criterionId,
          decision: "APPROVED",
          contentHash: "0".repeat(64),
        }),
      ),
    ).toBe("CONFLICT");
    expect(await counts(f.projectA.id)).toEqual(before);
  });
});

describe("concurrency", () => {
  it("50 concurrent identical sign-offs by the same stakeholder record exactly one", async () => {
    const g = await createTenantFixture("signoff-50");
    const { criterionId } = await signOffCriterionOf(g.projectA.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        browser(g.users.CUSTOMER, undefined, undefined, concurrencyDb()).portal.signOff({
          criterionId,
          decision: "APPROVED",
        }),
      ),
    );
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(new Set(results.map((r) => r.signOffId)).size).toBe(1);
    expect(await testDb().signOff.count({ where: { projectId: g.projectA.id } })).toBe(1);
    expect(
      await testDb().auditEvent.count({
        where: { entityType: "SignOff", after: { path: ["projectId"], equals: g.projectA.id } },
      }),
    ).toBe(1);
  });

  it("two approvers at once are both recorded, chained in order with no fork", async () => {
    const g = await createTenantFixture("signoff-2");
    const other = await customerOf(g, g.accountA.id, true);
    const week1 = await signOffCriterionOf(g.projectA.id, 1);
    const week2b = await signOffCriterionOf(g.projectA.id, 2);
    await Promise.all([
      ...Array.from({ length: 10 }, () =>
        browser(g.users.CUSTOMER, undefined, undefined, concurrencyDb()).portal.signOff({
          criterionId: week1.criterionId,
          decision: "APPROVED",
        }),
      ),
      ...Array.from({ length: 10 }, () =>
        browser(other, undefined, undefined, concurrencyDb()).portal.signOff({
          criterionId: week2b.criterionId,
          decision: "CHANGES_REQUESTED",
          comment: "Not yet",
        }),
      ),
    ]);
    const rows = await testDb().signOff.findMany({ where: { projectId: g.projectA.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([g.users.CUSTOMER.id, other.id]));
    expect(rows[0]?.prevHash).toBeNull();
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await callerFor(g.users.ADMIN).signoffs.verify({ projectId: g.projectA.id })).toMatchObject({
      intact: true,
      entries: 2,
    });
  });
});

describe("the verifier", () => {
  it("reports the first broken link after a comment is edited in the database, and a removed last entry", async () => {
    const g = await createTenantFixture("signoff-tamper");
    const other = await customerOf(g, g.accountA.id, true);
    const w1 = await signOffCriterionOf(g.projectA.id, 1);
    const w2 = await signOffCriterionOf(g.projectA.id, 2);
    await browser(g.users.CUSTOMER).portal.signOff({ criterionId: w1.criterionId, decision: "APPROVED" });
    await browser(other).portal.signOff({
      criterionId: w2.criterionId,
      decision: "CHANGES_REQUESTED",
      comment: "Fix the export.",
    });
    await browser(g.users.CUSTOMER).portal.signOff({
      criterionId: w2.criterionId,
      decision: "APPROVED",
      comment: "Fixed, thanks.",
    });
    const staff = callerFor(g.users.TECH_LEAD);
    expect(await staff.signoffs.verify({ projectId: g.projectA.id })).toMatchObject({ intact: true, entries: 3 });

    const db = testDb();
    // the database refuses UPDATE on sign-offs (trigger): tamper as a superuser would, with triggers off for one transaction
    const asSuperuser = (sql: ReturnType<typeof Prisma.sql>) =>
      db.$transaction([db.$executeRaw`SET LOCAL session_replication_role = replica`, db.$executeRaw(sql)]);
    await asSuperuser(
      Prisma.sql`UPDATE "SignOff" SET "comment" = 'All good' WHERE "projectId" = ${g.projectA.id} AND "seq" = 2`,
    );
    expect((await staff.signoffs.verify({ projectId: g.projectA.id })).firstBroken).toMatchObject({
      seq: 2,
      kind: "hash_mismatch",
    });
    await asSuperuser(
      Prisma.sql`UPDATE "SignOff" SET "comment" = 'Fix the export.' WHERE "projectId" = ${g.projectA.id} AND "seq" = 2`,
    );
    expect((await staff.signoffs.verify({ projectId: g.projectA.id })).intact).toBe(true);

    await db.$executeRaw`DELETE FROM "SignOff" WHERE "projectId" = ${g.projectA.id} AND "seq" = 3`;
    const after = await staff.signoffs.verify({ projectId: g.projectA.id });
    expect(after).toMatchObject({ intact: false, entries: 2, firstBroken: { seq: 3, kind: "missing_entry" } });
    expect(after.firstBroken?.reason).toContain("audit trail");
  });
});
