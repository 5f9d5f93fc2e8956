import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/evidence/route";
import type { StoredQualityResult } from "@/server/services/quality";
import { callerFor, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";

const HOUR = 3_600_000;
let f: TenantFixture;
let other: TenantFixture;

/**
 * Project A's stored data, chosen so every family's score is known:
 * code    all 5 gates met by the CI evidence                                   → 100
 * delivery approval 2 of 2 latest decisions (one criterion's CHANGES_REQUESTED
 *          superseded by APPROVED) = 100; traceability 100, acceptance 100 and
 *          documentation 80 (< 90) entered by the tech lead                     → 3 of 4 = 75
 * process  week 1 validated SUCCESS and the only one due = 100 %; one alert
 *          resolved in 10 h; CSAT mean (9 + 8) / 2 = 8.5; responsiveness 96     → 100
 * comprehensive 100 × 0.4 + 75 × 0.3 + 100 × 0.3 = 92.5
 */
beforeAll(async () => {
  f = await createTenantFixture("quality");
  other = await createTenantFixture("quality-other");
  const db = testDb();
  await db.project.update({ where: { id: f.projectA.id }, data: { techLeadId: f.users.TECH_LEAD.id } });
  const { token } = await callerFor(f.users.TECH_LEAD).apiTokens.create({ projectId: f.projectA.id, name: "CI" });
  const res = await POST(
    new Request("http://localhost/api/v1/evidence", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        coverage: 97,
        complexity: 6,
        maintainability: 9,
        vulnerabilities: { high: 0, critical: 0 },
        benchmarkP95Ms: 250,
        commitSha: "0123abcd",
      }),
    }),
  );
  expect(res.status).toBe(201);

  const milestones = await db.milestone.findMany({
    where: { projectId: f.projectA.id },
    include: { criteria: true },
    orderBy: { weekNumber: "asc" },
  });
  const [w1, w2] = milestones;
  const c1 = w1?.criteria[0];
  const c2 = w2?.criteria[0];
  if (!w1 || !w2 || !c1 || !c2) throw new Error("fixture milestones missing");
  const signOff = (seq: number, milestoneId: string, criterionId: string, decision: "APPROVED" | "CHANGES_REQUESTED") =>
    db.signOff.create({
      data: {
        tenantId: f.tenant.id,
        projectId: f.projectA.id,
        milestoneId,
        criterionId,
        userId: f.users.CUSTOMER.id,
        seq,
        decision,
        contentHash: `c${seq}`,
        hash: `h${seq}`,
      },
    });
  await signOff(1, w1.id, c1.id, "APPROVED");
  await signOff(2, w2.id, c2.id, "CHANGES_REQUESTED");
  await signOff(3, w2.id, c2.id, "APPROVED");

  const raised = new Date(Date.now() - 48 * HOUR);
  await db.alert.create({
    data: {
      tenantId: f.tenant.id,
      projectId: f.projectA.id,
      severity: "WARNING",
      kind: "MILESTONE_AT_RISK",
      message: "Week 1 at risk",
      createdAt: raised,
      resolvedAt: new Date(raised.getTime() + 10 * HOUR),
    },
  });
  for (const [i, score] of [9, 8].entries()) {
    const survey = await db.survey.create({
      data: {
        tenantId: f.tenant.id,
        projectId: f.projectA.id,
        kind: "CSAT",
        trigger: "MILESTONE_SIGN_OFF",
        key: `csat/${f.tag}/${i}`,
      },
    });
    await db.surveyResponse.create({
      data: { tenantId: f.tenant.id, surveyId: survey.id, userId: f.users.CUSTOMER.id, score },
    });
  }
  // an NPS answer and another project's CSAT must not count
  const nps = await db.survey.create({
    data: { tenantId: f.tenant.id, projectId: f.projectA.id, kind: "NPS", trigger: "QUARTERLY", key: `nps/${f.tag}` },
  });
  await db.surveyResponse.create({ data: { tenantId: f.tenant.id, surveyId: nps.id, score: 2 } });
  const otherCsat = await db.survey.create({
    data: { tenantId: f.tenant.id, projectId: f.projectB.id, kind: "CSAT", trigger: "MANUAL", key: `csat-b/${f.tag}` },
  });
  await db.surveyResponse.create({ data: { tenantId: f.tenant.id, surveyId: otherCsat.id, score: 1 } });
});

const MANUAL = {
  requirementsTraceability: 100,
  acceptanceCriteriaCoverage: 100,
  documentationCompleteness: 80,
  communicationResponsiveness: 96,
};

describe("quality.validate (seed §4.2)", () => {
  it("scores COMPREHENSIVE 0.4 / 0.3 / 0.3 from stored data and says where each number came from", async () => {
    const out = await callerFor(f.users.TECH_LEAD).quality.validate({
      projectId: f.projectA.id,
      type: "COMPREHENSIVE",
      manual: MANUAL,
    });
    expect(out.result.families.map((x) => [x.family, x.score])).toEqual([
      ["code", 100],
      ["delivery", 75],
      ["process", 100],
    ]);
    expect(out).toMatchObject({
      type: "COMPREHENSIVE",
      score: 92.5,
      gatesPassed: 12,
      gatesFailed: 1,
      escalated: false,
      escalation: null,
    });
    const gate = (key: string) => out.result.gates.find((g) => g.gate === key);
    expect(gate("minimum_coverage")).toMatchObject({ actual: 97, passed: true });
    expect(gate("minimum_coverage")?.source).toMatch(
      /^from the CI evidence API, commit 0123abc, \w{3} \d{1,2}, \d{4}$/,
    );
    expect(gate("stakeholder_approval_threshold")).toMatchObject({
      actual: 100,
      source: "from the latest sign-off decisions: 2 of 2 criteria approved",
    });
    expect(gate("documentation_completeness")).toMatchObject({ actual: 80, passed: false });
    expect(gate("documentation_completeness")?.source).toMatch(
      new RegExp(`^entered by ${f.users.TECH_LEAD.name} on \\d{4}-\\d{2}-\\d{2}$`),
    );
    expect(gate("milestone_adherence")).toMatchObject({
      actual: 100,
      source: "from milestones: 1 of 1 validated or due met their success threshold",
    });
    expect(gate("escalation_resolution_time")).toMatchObject({
      actual: 10,
      passed: true,
      source: "mean time to resolve 1 resolved alert",
    });
    expect(gate("customer_satisfaction_minimum")).toMatchObject({
      actual: 8.5,
      passed: true,
      source: "mean of 2 CSAT responses",
    });
    expect(out.recommendations.map((r) => r.gate)).toEqual(["documentation_completeness"]);

    const row = await testDb().qualityValidation.findUniqueOrThrow({ where: { id: out.validationId } });
    expect(row).toMatchObject({
      tenantId: f.tenant.id,
      projectId: f.projectA.id,
      type: "COMPREHENSIVE",
      score: 92.5,
      gatesPassed: 12,
      gatesFailed: 1,
      escalated: false,
    });
    const stored = row.results as unknown as StoredQualityResult;
    expect(stored).toMatchObject({
      trigger: "manual",
      validatedBy: { id: f.users.TECH_LEAD.id },
      scoreReason: "Comprehensive 92.5 = code 100 × 0.4 + delivery 75 × 0.3 + process 100 × 0.3",
    });
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "quality.validated", entityId: out.validationId },
      }),
    ).toBe(1);
  });

  it("carries earlier manual entries over, with their author and date, when not entered again", async () => {
    const out = await callerFor(f.users.ADMIN).quality.validate({
      projectId: f.projectA.id,
      type: "DELIVERY",
      manual: { documentationCompleteness: 92 },
    });
    expect(out.score).toBe(100);
    const docs = out.result.gates.find((g) => g.gate === "documentation_completeness");
    expect(docs?.source).toMatch(new RegExp(`^entered by ${f.users.ADMIN.name} on `));
    const trace = out.result.gates.find((g) => g.gate === "requirements_traceability");
    expect(trace?.actual).toBe(100);
    expect(trace?.source).toMatch(
      new RegExp(`^entered by ${f.users.TECH_LEAD.name} on .*\\(carried over from an earlier validation\\)$`),
    );
  });

  it("escalates a project without data: alert, unassigned QUALITY action, and the admins notified when there is no technical lead", async () => {
    // code gates without evidence are skipped, not failed (docs/quality-gates.md#no-data): nothing to escalate
    const code = await callerFor(f.users.TECH_LEAD).quality.validate({ projectId: f.projectB.id, type: "CODE" });
    expect(code).toMatchObject({ score: 0, gatesFailed: 0, escalated: false, escalation: null });
    expect(code.result.gates.every((g) => g.status === "no_data")).toBe(true);
    expect(code.result.gates.every((g) => g.source === "no data — no CI evidence received yet")).toBe(true);
    // delivery gates without data fail
    const out = await callerFor(f.users.TECH_LEAD).quality.validate({ projectId: f.projectB.id, type: "DELIVERY" });
    expect(out).toMatchObject({
      score: 0,
      gatesFailed: 4,
      escalated: true,
      escalation: { created: true, notified: 1 },
    });
    const alert = await testDb().alert.findFirstOrThrow({
      where: { projectId: f.projectB.id, kind: "QUALITY_ESCALATION_DELIVERY" },
    });
    expect(alert).toMatchObject({ severity: "HIGH", tenantId: f.tenant.id });
    const action = await testDb().actionItem.findFirstOrThrow({ where: { projectId: f.projectB.id, kind: "QUALITY" } });
    expect(action.assigneeId).toBeNull();
    expect(
      await testDb().notification.count({
        where: { userId: f.users.ADMIN.id, title: { startsWith: "Quality escalation" } },
      }),
    ).toBe(1);
    // a comprehensive escalation is its own alert; a second delivery one is not
    await callerFor(f.users.TECH_LEAD).quality.validate({ projectId: f.projectB.id, type: "DELIVERY" });
    const comprehensive = await callerFor(f.users.TECH_LEAD).quality.validate({
      projectId: f.projectB.id,
      type: "COMPREHENSIVE",
    });
    expect(comprehensive.escalation?.created).toBe(true);
    expect(await testDb().alert.count({ where: { projectId: f.projectB.id } })).toBe(2);
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const count = () => testDb().qualityValidation.count({ where: { tenantId: f.tenant.id } });
    const before = await count();
    const lead = callerFor(f.users.TECH_LEAD);
    const over = await shapeOf(
      lead.quality.validate({ projectId: f.projectA.id, type: "DELIVERY", manual: { documentationCompleteness: 150 } }),
      "quality.validate",
    );
    expect(over?.data.code).toBe("BAD_REQUEST");
    expect(over?.data.fieldErrors?.["manual.documentationCompleteness"]).toContain("at most 100");
    const badType = await shapeOf(
      lead.quality.validate({ projectId: f.projectA.id, type: "SECURITY" as never }),
      "quality.validate",
    );
    expect(badType?.data.code).toBe("BAD_REQUEST");
    const unknownField = await shapeOf(
      lead.quality.validate({ projectId: f.projectA.id, type: "DELIVERY", manual: { coverage: 90 } as never }),
      "quality.validate",
    );
    expect(unknownField?.data.code).toBe("BAD_REQUEST");
    expect(await count()).toBe(before);
  });

  it("answers NOT_FOUND for another tenant's project and an unknown one, and writes nothing there", async () => {
    const before = await testDb().qualityValidation.count({ where: { projectId: f.projectA.id } });
    const outsider = callerFor(other.users.TECH_LEAD);
    expect(
      (await shapeOf(outsider.quality.validate({ projectId: f.projectA.id, type: "CODE" }), "quality.validate"))?.data
        .code,
    ).toBe("NOT_FOUND");
    expect((await shapeOf(outsider.quality.history({ projectId: f.projectA.id }), "quality.history"))?.data.code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await shapeOf(
          callerFor(f.users.TECH_LEAD).quality.validate({ projectId: "no-such-project", type: "CODE" }),
          "quality.validate",
        )
      )?.data.code,
    ).toBe("NOT_FOUND");
    expect(await testDb().qualityValidation.count({ where: { projectId: f.projectA.id } })).toBe(before);
  });
});

describe("quality.history", () => {
  it("returns the validations oldest first, the latest full result, and what a live preview needs", async () => {
    const history = await callerFor(f.users.CSM).quality.history({ projectId: f.projectA.id });
    expect(history.points.map((p) => p.type)).toEqual(["CODE", "COMPREHENSIVE", "DELIVERY"]);
    const times = history.points.map((p) => p.createdAt.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(history.latest).toMatchObject({ type: "DELIVERY", score: 100 });
    expect(history.latest?.results.gates.every((g) => typeof g.source === "string")).toBe(true);
    expect(history.preview.config.weights).toEqual({ code: 0.4, delivery: 0.3, process: 0.3 });
    expect(history.preview.metrics).toMatchObject({
      coverage: 97,
      stakeholderApproval: 100,
      customerSatisfaction: 8.5,
      documentationCompleteness: 92,
    });
    expect(history.preview.manual.requirementsTraceability?.value).toBe(100);
  });

  it("is empty but complete for a project never validated", async () => {
    const fresh = await callerFor(other.users.EXECUTIVE).quality.history({ projectId: other.projectA.id });
    expect(fresh.points).toEqual([]);
    expect(fresh.latest).toBeNull();
    expect(fresh.preview.sources.minimum_coverage).toBe("no data — no CI evidence received yet");
  });
});
