import { createHash } from "node:crypto";
import type { AlertKind } from "@/generated/prisma/enums";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createTenantFixture,
  kickedOffProject,
  shapeOf,
  testDb,
  type TenantFixture,
  codeOf,
} from "../helpers/fixtures";

let f: TenantFixture;
let projectId: string;
let week1: { id: string; criteria: { id: string; name: string; weight: number; validationMethod: string }[] };

beforeAll(async () => {
  f = await createTenantFixture("ms");
  projectId = (await kickedOffProject(f, [], "MVP_DEVELOPMENT")).projectId;
  week1 = await testDb().milestone.findFirstOrThrow({
    where: { projectId, weekNumber: 1 },
    select: {
      id: true,
      criteria: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, weight: true, validationMethod: true },
      },
    },
  });
});

const scores = (values: (number | null)[]) =>
  week1.criteria.map((c, i) => ({ criterionId: c.id, score: values[i] ?? null }));

/** A customer approval on the week's sign-off criterion (the portal builds the real flow; the row is what it writes). */
async function approve(criterionId: string) {
  const db = testDb();
  const seq = (await db.signOff.count({ where: { projectId } })) + 1;
  const hash = createHash("sha256").update(`${criterionId}/${seq}`).digest("hex");
  await db.signOff.create({
    data: {
      tenantId: f.tenant.id,
      projectId,
      milestoneId: week1.id,
      criterionId,
      userId: f.users.CUSTOMER.id,
      seq,
      decision: "APPROVED",
      contentHash: hash,
      hash,
    },
  });
}

describe("weekly milestone validation (seed §3.1)", () => {
  it("week 1 carries the seed's weights 0.3 / 0.4 / 0.2 / 0.1 and thresholds 85 / 70", async () => {
    expect(week1.criteria.map((c) => c.weight)).toEqual([0.3, 0.4, 0.2, 0.1]);
    const row = await testDb().milestone.findUniqueOrThrow({ where: { id: week1.id } });
    expect([row.minimumSuccessThreshold, row.escalationThreshold]).toEqual([85, 70]);
  });

  it("a sign-off criterion without the customer's approval keeps the week pending and asks the CSM to follow up", async () => {
    const out = await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week1.id,
      scores: scores([90, 90, 90, 90]),
    });
    expect(out.result.status).toBe("pending_sign_off");
    expect(out.status).toBe("IN_PROGRESS");
    const followUps = await testDb().actionItem.findMany({ where: { projectId, kind: "FOLLOW_UP" } });
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((a) => a.assigneeId === f.users.CSM.id)).toBe(true);
  });

  it("approved and scored 80 across the board: at risk, recovery actions for the tech lead, an alert, the project at risk", async () => {
    await approve(week1.criteria[0]?.id ?? "");
    const out = await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week1.id,
      scores: scores([80, 80, 80, 80]),
    });
    expect(out.result.score).toBe(80);
    expect(out.status).toBe("AT_RISK");
    const recovery = await testDb().actionItem.findMany({ where: { projectId, kind: "RECOVERY" } });
    expect(recovery.length).toBeGreaterThan(0);
    expect(recovery.every((a) => a.assigneeId === f.users.TECH_LEAD.id)).toBe(true);
    expect(await testDb().alert.count({ where: { projectId, kind: "MILESTONE_AT_RISK" } })).toBe(1);
    const told = await testDb().notification.count({
      where: { userId: f.users.TECH_LEAD.id, link: { contains: projectId } },
    });
    expect(told).toBeGreaterThan(0);
    // validating the same week the same way again adds no second copy of an open action, and no second
    // alert or notification: the open alert is the one to work on, its message the latest score
    const before = await testDb().actionItem.count({ where: { projectId } });
    await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week1.id,
      scores: scores([80, 80, 80, 81]),
    });
    expect(await testDb().actionItem.count({ where: { projectId } })).toBe(before);
    const alerts = await testDb().alert.findMany({ where: { projectId, kind: "MILESTONE_AT_RISK" } });
    expect(alerts.map((a) => [a.resolvedAt, a.message])).toEqual([
      [null, expect.stringContaining(": 80.1 (success ≥ 85")],
    ]);
    expect(
      await testDb().notification.count({ where: { userId: f.users.TECH_LEAD.id, link: { contains: projectId } } }),
    ).toBe(told);
    expect((await testDb().project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("AT_RISK");
    // the tech lead's view shows the same
    const detail = await callerFor(f.users.CSM).projects.get({ projectId });
    expect(detail.milestones[0]?.status).toBe("AT_RISK");
    expect(detail.actionItems.some((a) => a.kind === "RECOVERY")).toBe(true);
  });

  it("boundaries: exactly 85 succeeds, 84.99 is at risk, exactly 70 at risk, 69.99 fails with escalation actions", async () => {
    const lead = callerFor(f.users.TECH_LEAD);
    const at = async (v: number[]) =>
      (await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores(v) })).result;
    const weekAlerts = async () =>
      (
        await testDb().alert.findMany({
          where: { projectId, link: { endsWith: "#week-1" } },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => `${a.kind} ${a.resolvedAt ? "resolved" : "open"}`);
    expect((await at([85, 85, 85, 85])).status).toBe("success");
    expect((await testDb().project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("ACTIVE");
    // the week recovered: its at-risk alert is resolved, not left on the dashboard
    expect(await weekAlerts()).toEqual(["MILESTONE_AT_RISK resolved"]);
    // 0.3×85 + 0.4×85 + 0.2×85 + 0.1×84.9 = 84.99
    expect((await at([85, 85, 85, 84.9])).status).toBe("at_risk");
    expect((await at([70, 70, 70, 70])).status).toBe("at_risk");
    expect(await weekAlerts()).toEqual(["MILESTONE_AT_RISK resolved", "MILESTONE_AT_RISK open"]);
    const failed = await at([70, 70, 70, 69.9]);
    expect(failed.score).toBe(69.99);
    expect(failed.status).toBe("failed");
    expect(await testDb().actionItem.count({ where: { projectId, kind: "ESCALATION" } })).toBeGreaterThan(0);
    expect(await testDb().alert.count({ where: { projectId, kind: "MILESTONE_FAILED", severity: "HIGH" } })).toBe(1);
    // at risk → failed: the at-risk alert gives way to the failed one
    expect(await weekAlerts()).toEqual([
      "MILESTONE_AT_RISK resolved",
      "MILESTONE_AT_RISK resolved",
      "MILESTONE_FAILED open",
    ]);
    // every validation is kept
    expect(await testDb().milestoneValidation.count({ where: { milestoneId: week1.id } })).toBe(7);
  });

  it("an automated criterion left blank is scored from the latest CI evidence, with the reason", async () => {
    await testDb().evidence.create({
      data: {
        tenantId: f.tenant.id,
        projectId,
        source: "API",
        coverage: 97,
        complexity: 6,
        maintainability: 9,
        vulnerabilitiesHigh: 0,
        vulnerabilitiesCritical: 0,
        benchmarkP95Ms: 200,
        testsPassed: 120,
        testsFailed: 0,
        commitSha: "abc1234",
      },
    });
    const out = await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week1.id,
      scores: scores([90, 90, null, 90]),
    });
    const automated = out.result.contributions[2];
    expect(automated?.validationMethod).toBe("automated_verification");
    expect(automated?.source).toBe("evidence");
    expect(automated?.score).toBeGreaterThan(90);
    expect(out.status).toBe("SUCCESS");
  });

  it("a criterion left out of the scores is a 400 naming it; one sent blank keeps the week in progress, never failed", async () => {
    const lead = callerFor(f.users.TECH_LEAD);
    const before = await testDb().milestoneValidation.count({ where: { milestoneId: week1.id } });
    const partial = { milestoneId: week1.id, scores: scores([90, 90]).slice(0, 2) };
    const shape = await shapeOf(lead.projects.validateMilestone(partial), "projects.validateMilestone");
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain(`${week1.criteria[2]?.name}, ${week1.criteria[3]?.name}`);
    expect(await testDb().milestoneValidation.count({ where: { milestoneId: week1.id } })).toBe(before);

    // a fuzzed Infinity arrives as null: not scored, so no verdict
    const blank = await lead.projects.validateMilestone({
      milestoneId: week1.id,
      scores: scores([100, 100, 100, null]),
    });
    expect(blank.result.status).toBe("not_scored");
    expect(blank.status).toBe("IN_PROGRESS");
    expect(blank.result.unscored).toEqual([week1.criteria[3]?.name]);
    expect((await testDb().milestone.findUniqueOrThrow({ where: { id: week1.id } })).status).toBe("IN_PROGRESS");
  });

  it("bad input, a criterion of another week and another tenant's milestone are refused with nothing written", async () => {
    const lead = callerFor(f.users.TECH_LEAD);
    const before = await testDb().milestoneValidation.count({ where: { milestoneId: week1.id } });
    const week2 = await testDb().milestone.findFirstOrThrow({
      where: { projectId, weekNumber: 2 },
      include: { criteria: true },
    });
    for (const input of [
      { milestoneId: week1.id, scores: scores([101, 90, 90, 90]) },
      { milestoneId: week1.id, scores: scores([-1, 90, 90, 90]) },
      { milestoneId: week1.id, scores: [{ criterionId: week1.criteria[0]?.id, score: "ninety" }] },
      { milestoneId: week1.id, scores: [{ criterionId: week2.criteria[0]?.id, score: 90 }] },
      { milestoneId: week1.id, scores: [...scores([90]), ...scores([80])] },
    ]) {
      expect(await codeOf(lead.projects.validateMilestone(input as never)), JSON.stringify(input)).toBe("BAD_REQUEST");
    }
    const other = await createTenantFixture("ms-other");
    expect(
      await codeOf(callerFor(other.users.TECH_LEAD).projects.validateMilestone({ milestoneId: week1.id, scores: [] })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.users.CSM).projects.get({ projectId }))).toBe("NOT_FOUND");
    expect(await testDb().milestoneValidation.count({ where: { milestoneId: week1.id } })).toBe(before);
  });

  it("an action item is closed with an audit entry; another tenant cannot touch it", async () => {
    const action = await testDb().actionItem.findFirstOrThrow({ where: { projectId, status: "OPEN" } });
    const other = await createTenantFixture("ms-act");
    expect(
      await codeOf(callerFor(other.users.CSM).projects.updateAction({ actionId: action.id, status: "DONE" })),
    ).toBe("NOT_FOUND");
    await callerFor(f.users.CSM).projects.updateAction({ actionId: action.id, status: "DONE" });
    const after = await testDb().actionItem.findUniqueOrThrow({ where: { id: action.id } });
    expect(after.status).toBe("DONE");
    expect(after.completedAt).not.toBeNull();
    expect(await testDb().auditEvent.count({ where: { entityId: action.id, action: "action_item.updated" } })).toBe(1);
  });

  it("a validation settles the milestone check's alerts on the week: overdue at once, the escalation once the week is no longer at risk", async () => {
    const week2 = await testDb().milestone.findFirstOrThrow({
      where: { projectId, weekNumber: 2 },
      select: { id: true },
    });
    const raise = (kind: AlertKind, week: number) =>
      testDb().alert.create({
        data: {
          tenantId: f.tenant.id,
          projectId,
          milestoneId: week === 1 ? week1.id : week2.id,
          severity: "HIGH",
          kind,
          message: kind,
          link: `/projects/${projectId}#week-${week}`,
        },
      });
    const overdue = await raise("MILESTONE_OVERDUE", 1);
    const escalation = await raise("MILESTONE_ESCALATION", 1);
    const otherWeek = await raise("MILESTONE_OVERDUE", 2);
    const open = async () =>
      (
        await testDb().alert.findMany({
          where: { id: { in: [overdue.id, escalation.id, otherWeek.id] }, resolvedAt: null },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => a.id);
    const lead = callerFor(f.users.TECH_LEAD);
    expect(
      (await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores([80, 80, 80, 80]) })).status,
    ).toBe("AT_RISK");
    expect(await open()).toEqual([escalation.id, otherWeek.id]);
    expect(
      (await lead.projects.validateMilestone({ milestoneId: week1.id, scores: scores([90, 90, 90, 90]) })).status,
    ).toBe("SUCCESS");
    expect(await open()).toEqual([otherWeek.id]);
  });
});
