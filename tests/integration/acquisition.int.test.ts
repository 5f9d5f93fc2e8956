import { beforeAll, describe, expect, it } from "vitest";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  kickedOffProject,
  shapeOf,
  testDb,
  type TenantFixture,
  codeOf,
} from "../helpers/fixtures";

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("acq");
});

describe("a converted or lost lead is closed to acquisition steps", () => {
  it("refuses qualification, feasibility and tier matching alike, with the same words, and writes nothing", async () => {
    const csm = callerFor(f.users.CSM);
    const { leadId } = await kickedOffProject(f);
    const lost = await createLeadFor(f);
    await testDb().lead.update({ where: { id: lost.id }, data: { stage: "LOST" } });
    for (const [id, word] of [
      [leadId, "converted"],
      [lost.id, "lost"],
    ] as const) {
      const before = {
        tiers: await testDb().tierRecommendation.count({ where: { leadId: id } }),
        feasibility: await testDb().feasibilityAnalysis.count({ where: { leadId: id } }),
        assessments: await testDb().qualificationAssessment.count({ where: { leadId: id } }),
      };
      // each call starts when it is awaited: a rejection nobody awaits yet would be an unhandled error
      const attempts = [
        () => csm.qualification.save({ leadId: id, answers: ALL_FULL_ANSWERS, context: {} }),
        () => csm.feasibility.analyze({ leadId: id, request: SAMPLE_REQUEST }),
        () => csm.tiers.recommend({ leadId: id }),
      ];
      for (const attempt of attempts) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e as { code?: string; message?: string },
        );
        expect(error?.code).toBe("BAD_REQUEST");
        expect(error?.message).toBe(
          `This lead is ${word}: its qualification, feasibility and tiers stay as they were.`,
        );
      }
      expect({
        tiers: await testDb().tierRecommendation.count({ where: { leadId: id } }),
        feasibility: await testDb().feasibilityAnalysis.count({ where: { leadId: id } }),
        assessments: await testDb().qualificationAssessment.count({ where: { leadId: id } }),
      }).toEqual(before);
    }
  });
});

describe("CSM acquisition flow through the routers", () => {
  it("all criteria met: 235 points, score 100, lead qualified, assessment kept with its config version", async () => {
    const csm = callerFor(f.users.CSM);
    const lead = await createLeadFor(f);
    const saved = await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    expect(saved.result.points).toBe(235);
    expect(saved.result.score).toBe(100);
    expect(saved.stage).toBe("QUALIFIED");
    const stored = await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.stage).toBe("QUALIFIED");
    expect(stored.latestScore).toBe(100);
    const history = await csm.qualification.history({ leadId: lead.id });
    expect(history).toHaveLength(1);
    expect(history[0]?.configVersion).toBe(saved.configVersion);
    const again = await csm.qualification.reproduce({ assessmentId: saved.assessmentId });
    expect(again.identical).toBe(true);
  });

  it("a low score marks the lead unqualified; a draft only moves a new lead to qualifying", async () => {
    const csm = callerFor(f.users.CSM);
    const draftLead = await createLeadFor(f);
    const draft = await csm.qualification.save({
      leadId: draftLead.id,
      answers: { clear_requirements: "full" },
      context: {},
      isDraft: true,
    });
    expect(draft.stage).toBe("QUALIFYING");
    const low = await csm.qualification.save({
      leadId: draftLead.id,
      answers: { clear_requirements: "full" },
      context: {},
    });
    expect(low.result.score).toBeLessThan(60);
    expect(low.stage).toBe("UNQUALIFIED");
  });

  it("feasibility then tiers then choosing one moves the lead to proposal with the tier's price", async () => {
    const csm = callerFor(f.users.CSM);
    const lead = await createLeadFor(f);
    await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    const feas = await csm.feasibility.analyze({ leadId: lead.id, request: SAMPLE_REQUEST });
    const w = feas.result.weights;
    expect([w.technical, w.timeline, w.resource]).toEqual([0.4, 0.3, 0.3]);
    const tiers = await csm.tiers.recommend({ leadId: lead.id });
    const primary = tiers.result.primary;
    expect(primary).not.toBeNull();
    expect(primary?.compatibility).toBeGreaterThanOrEqual(0.6);
    const chosen = await csm.tiers.choose({ leadId: lead.id, tierKey: primary?.key ?? "" });
    expect(chosen.stage).toBe("PROPOSAL");
    const stored = await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.stage).toBe("PROPOSAL");
    expect(stored.estimatedValueCents).toBe(primary?.price.cents);
  });

  it("the latest feasibility and tier results read back after a reload, equal to what was computed", async () => {
    const csm = callerFor(f.users.CSM);
    const exec = callerFor(f.users.EXECUTIVE);
    const lead = await createLeadFor(f);
    expect(await exec.feasibility.latest({ leadId: lead.id })).toBeNull();
    expect((await exec.tiers.latest({ leadId: lead.id })).tiers).toEqual([]);
    await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    const feas = await csm.feasibility.analyze({ leadId: lead.id, request: SAMPLE_REQUEST });
    // a later assessment must not change the stored analysis' success probability
    await csm.qualification.save({
      leadId: lead.id,
      answers: { ...ALL_FULL_ANSWERS, clear_requirements: "none" },
      context: {},
    });
    const readBack = await exec.feasibility.latest({ leadId: lead.id });
    expect(readBack?.result).toEqual(feas.result);
    expect(readBack?.request.requirements).toEqual(SAMPLE_REQUEST.requirements);

    const rec = await csm.tiers.recommend({ leadId: lead.id });
    await csm.tiers.choose({ leadId: lead.id, tierKey: rec.result.tiers[0]?.key ?? "" });
    const tiers = await exec.tiers.latest({ leadId: lead.id });
    expect(tiers.threshold).toBe(rec.result.threshold);
    expect(tiers.tiers.map((t) => [t.key, t.compatibility, t.priceCents, t.name]).sort()).toEqual(
      rec.result.tiers.map((t) => [t.key, t.compatibility, t.price.cents, t.name]).sort(),
    );
    expect(tiers.chosen?.tierKey).toBe(rec.result.tiers[0]?.key);
    expect(tiers.tiers.filter((t) => t.chosen).map((t) => t.key)).toEqual([rec.result.tiers[0]?.key]);
  });

  it("refuses out-of-order steps and bad input, writing nothing", async () => {
    const csm = callerFor(f.users.CSM);
    const lead = await createLeadFor(f);
    const before = await testDb().feasibilityAnalysis.count({ where: { tenantId: f.tenant.id } });
    expect(await codeOf(csm.feasibility.analyze({ leadId: lead.id, request: SAMPLE_REQUEST }))).toBe("BAD_REQUEST");
    expect(await codeOf(csm.tiers.recommend({ leadId: lead.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(csm.tiers.choose({ leadId: lead.id, tierKey: "startup_mvp" }))).toBe("BAD_REQUEST");
    await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    for (const request of [
      { ...SAMPLE_REQUEST, timelineWeeks: 0 },
      { ...SAMPLE_REQUEST, budgetCents: 1e15 },
      { ...SAMPLE_REQUEST, budgetCents: -1 },
      { ...SAMPLE_REQUEST, requirements: Array.from({ length: 10_000 }, (_, i) => `r${i}`) },
      { ...SAMPLE_REQUEST, teamSize: "ten" },
      { ...SAMPLE_REQUEST, requirements: [] },
    ]) {
      expect(
        await codeOf(csm.feasibility.analyze({ leadId: lead.id, request: request as typeof SAMPLE_REQUEST })),
      ).toBe("BAD_REQUEST");
    }
    expect(await codeOf(csm.qualification.save({ leadId: lead.id, answers: { made_up: "full" }, context: {} }))).toBe(
      "BAD_REQUEST",
    );
    expect(await testDb().feasibilityAnalysis.count({ where: { tenantId: f.tenant.id } })).toBe(before);
    expect(await codeOf(csm.qualification.history({ leadId: "nope" }))).toBe("NOT_FOUND");
  });
});

describe("tenant configuration", () => {
  it("a criterion the tenant adds is on the form's schema: scored when answered, unknown keys refused by field", async () => {
    const own = await createTenantFixture("acq-crit");
    const admin = callerFor(own.users.ADMIN);
    const csm = callerFor(own.users.CSM);
    const current = await admin.config.get({ kind: "qualification" });
    const data = current.data as { criteria: Record<string, Record<string, number>> };
    const criteria = {
      ...data.criteria,
      technical_readiness: { ...data.criteria.technical_readiness, security_review_done: 15 },
    };
    await admin.config.update({ kind: "qualification", data: { ...data, criteria }, expectedVersion: current.version });
    const lead = await createLeadFor(own);
    const saved = await csm.qualification.save({
      leadId: lead.id,
      answers: { ...ALL_FULL_ANSWERS, security_review_done: "full" },
      context: {},
    });
    expect(saved.result.maxPoints).toBe(250);
    expect(saved.result.points).toBe(250);
    const shape = await shapeOf(
      csm.qualification.save({
        leadId: lead.id,
        answers: { security_review_done: "full", vibes: "full" },
        context: {},
      }),
      "qualification.save",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect((shape?.data as { fieldErrors?: Record<string, string> }).fieldErrors).toEqual({
      "answers.vibes": '"vibes" is not a qualification criterion',
    });
    expect(await testDb().qualificationAssessment.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("refuses weights that do not add up to 1, and versions a valid edit with an audit entry", async () => {
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "feasibility" });
    const bad = { ...current.data, weights: { technical: 0.5, timeline: 0.3, resource: 0.3 } };
    let message = "";
    try {
      await admin.config.update({ kind: "feasibility", data: bad, expectedVersion: current.version });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/add up to 1/);
    const good = { ...current.data, weights: { technical: 0.5, timeline: 0.25, resource: 0.25 } };
    const saved = await admin.config.update({ kind: "feasibility", data: good, expectedVersion: current.version });
    expect(saved.version).toBe(current.version + 1);
    expect(
      await codeOf(admin.config.update({ kind: "feasibility", data: good, expectedVersion: current.version })),
    ).toBe("CONFLICT");
    const audit = await testDb().auditEvent.count({ where: { tenantId: f.tenant.id, action: "config.updated" } });
    expect(audit).toBe(1);
  });
});

describe("bad input on the remaining acquisition procedures", () => {
  it("answers 400 or 404 with nothing written", async () => {
    const admin = callerFor(f.users.ADMIN);
    const before = await testDb().tenantConfig.count({ where: { tenantId: f.tenant.id } });
    expect(await codeOf(admin.qualification.reproduce({ assessmentId: "" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.qualification.reproduce({ assessmentId: "no-such-assessment" }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.config.get({ kind: "pricing" as never }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.config.update({ kind: "tiers", data: [1, 2] as never, expectedVersion: 1 }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(admin.config.update({ kind: "tiers", data: {}, expectedVersion: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.tiers.choose({ leadId: f.lead.id, tierKey: "" }))).toBe("BAD_REQUEST");
    expect(await testDb().tenantConfig.count({ where: { tenantId: f.tenant.id } })).toBe(before);
  });
});
