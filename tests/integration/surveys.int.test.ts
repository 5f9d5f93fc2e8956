import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { triggerDueSurveys } from "@/server/services/surveys";
import {
  callerFor,
  concurrencyDb,
  createTenantFixture,
  kickedOffProject,
  openSurveyFor,
  satisfactionProjectOf,
  shapeOf,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
  codeOf,
} from "../helpers/fixtures";

const DAY = 86_400_000;
/** A fixed moment after the quarter's NPS send day (May 20 → Q2 went out on April 15). */
const NOW = new Date("2031-05-20T12:00:00Z");
const at = () => NOW;
const anonymous = (db = testDb()) => createCaller(createInnerContext({ user: null, db, ip: "198.51.100.4", now: at }));
const future = () => new Date(NOW.getTime() + 7 * DAY);

const written = async (surveyId: string) => ({
  responses: await testDb().surveyResponse.count({ where: { surveyId } }),
  answeredAt: (await testDb().survey.findUniqueOrThrow({ where: { id: surveyId } })).answeredAt,
  audit: await testDb().auditEvent.count({ where: { entityType: "Survey", entityId: surveyId } }),
});

let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture("surveys", NOW);
});

describe("answering from the one-time link, without signing in", () => {
  it("shows the question, stores the answer once, closes the survey and audits it", async () => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: future() });
    const view = await anonymous().surveys.byToken({ token });
    expect(view).toMatchObject({
      id: surveyId,
      kind: "CSAT",
      state: "open",
      projectName: f.projectA.name,
      providerName: f.tenant.name,
    });
    expect(view.question).toBe(`How satisfied are you with ${f.projectA.name} overall?`);
    expect(view).not.toHaveProperty("response");

    expect(
      await anonymous().surveys.answerByToken({ token, score: 9, comment: "  Clear weekly demos.  " }),
    ).toMatchObject({ surveyId, score: 9 });
    const response = await testDb().surveyResponse.findUniqueOrThrow({ where: { surveyId } });
    expect(response).toMatchObject({
      score: 9,
      comment: "Clear weekly demos.",
      userId: f.users.CUSTOMER.id,
      tenantId: f.tenant.id,
    });
    expect(await written(surveyId)).toEqual({ responses: 1, answeredAt: NOW, audit: 1 });
    expect((await anonymous().surveys.byToken({ token })).state).toBe("answered");
  });

  it("a reused link gets a clear 409 and writes nothing", async () => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: future() });
    await anonymous().surveys.answerByToken({ token, score: 7 });
    const before = await written(surveyId);
    const shape = await shapeOf(anonymous().surveys.answerByToken({ token, score: 10 }), "surveys.answerByToken");
    expect(shape?.data.code).toBe("CONFLICT");
    expect(shape?.message).toContain("already answered");
    expect(await written(surveyId)).toEqual(before);
    expect((await testDb().surveyResponse.findUniqueOrThrow({ where: { surveyId } })).score).toBe(7);
  });

  it("ten concurrent answers through one link store exactly one", async () => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: future() });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(anonymous(concurrencyDb()).surveys.answerByToken({ token, score: i })),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "CONFLICT")).toBe(true);
    expect((await written(surveyId)).responses).toBe(1);
  });

  it("an expired link is refused with the date it closed, an unknown one as not valid", async () => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: new Date(NOW.getTime() - 1) });
    expect((await anonymous().surveys.byToken({ token })).state).toBe("expired");
    const shape = await shapeOf(anonymous().surveys.answerByToken({ token, score: 8 }), "surveys.answerByToken");
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("This survey closed on 2031-05-20");
    expect(await written(surveyId)).toEqual({ responses: 0, answeredAt: null, audit: 0 });
    const unknown = await shapeOf(
      anonymous().surveys.answerByToken({ token: "x".repeat(43), score: 8 }),
      "surveys.answerByToken",
    );
    expect(unknown?.data.code).toBe("NOT_FOUND");
    expect(unknown?.message).toContain("This survey link is not valid");
  });

  it.each([
    ["a score of 11", { score: 11 }, "Choose a score from 0 to 10"],
    ["a score of −1", { score: -1 }, "Choose a score from 0 to 10"],
    ['"ten"', { score: "ten" }, "Choose a score from 0 to 10"],
    ["7.5", { score: 7.5 }, "Choose a score from 0 to 10"],
    ["no score", {}, "Choose a score from 0 to 10"],
    ["a 1 MB comment", { score: 8, comment: "x".repeat(1024 * 1024) }, "Comments are at most 2000 characters"],
  ])("%s is a clear 400 and writes nothing", async (_label, patch, message) => {
    const { surveyId, token } = await openSurveyFor(f, { expiresAt: future() });
    const shape = await shapeOf(
      anonymous().surveys.answerByToken({ token, ...patch } as never),
      "surveys.answerByToken",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain(message);
    expect(await written(surveyId)).toEqual({ responses: 0, answeredAt: null, audit: 0 });
  });

  it("a truncated link is refused before any lookup", async () => {
    expect(await codeOf(anonymous().surveys.byToken({ token: "abc" }))).toBe("BAD_REQUEST");
  });
});

describe("answering in the portal", () => {
  it("lists the customer's open surveys and takes the answer; another person's or account's survey is not found", async () => {
    const mine = await openSurveyFor(f, { kind: "NPS", expiresAt: future() });
    const customer = callerFor(f.users.CUSTOMER, at);
    const open = await customer.portal.surveys();
    expect(open.find((s) => s.id === mine.surveyId)).toMatchObject({
      state: "open",
      kind: "NPS",
      question: `How likely are you to recommend ${f.tenant.name} to a friend or colleague?`,
    });
    expect(await customer.portal.answerSurvey({ surveyId: mine.surveyId, score: 10 })).toMatchObject({ score: 10 });
    expect((await customer.portal.surveys()).find((s) => s.id === mine.surveyId)).toMatchObject({
      state: "answered",
      response: { score: 10 },
    });

    const theirs = await openSurveyFor(f, {
      projectId: f.projectB.id,
      recipientId: f.otherAccountCustomer.id,
      expiresAt: future(),
    });
    expect(await codeOf(customer.portal.answerSurvey({ surveyId: theirs.surveyId, score: 5 }))).toBe("NOT_FOUND");
    const colleague = await openSurveyFor(f, { recipientId: null, expiresAt: future() });
    expect(await codeOf(customer.portal.answerSurvey({ surveyId: colleague.surveyId, score: 5 }))).toBe("NOT_FOUND");
    const other = await createTenantFixture("surveys-other", NOW);
    expect(
      await codeOf(callerFor(other.users.CUSTOMER, at).portal.answerSurvey({ surveyId: mine.surveyId, score: 5 })),
    ).toBe("NOT_FOUND");
    expect(await written(theirs.surveyId)).toEqual({ responses: 0, answeredAt: null, audit: 0 });
  });
});

describe("the portal project page's surveys (portal.surveys with a project)", () => {
  it("lists only that project's surveys, not those of the account's other projects; a project of another account is not found, even one with a survey addressed to this customer; a malformed id is a 400", async () => {
    const mine = await openSurveyFor(f, { expiresAt: future() });
    const sibling = await openSurveyFor(f, { projectId: await satisfactionProjectOf(f), expiresAt: future() });
    const elsewhere = await openSurveyFor(f, { projectId: f.projectB.id, expiresAt: future() });
    const customer = callerFor(f.users.CUSTOMER, at);
    expect((await customer.portal.surveys()).map((s) => s.id)).toEqual(
      expect.arrayContaining([mine.surveyId, sibling.surveyId]),
    );
    const ofA = await customer.portal.surveys({ projectId: f.projectA.id });
    expect(ofA.map((s) => s.id)).toContain(mine.surveyId);
    expect(ofA.map((s) => s.id)).not.toContain(sibling.surveyId);
    expect(ofA.every((s) => s.projectId === f.projectA.id)).toBe(true);
    expect((await customer.portal.surveys()).map((s) => s.id)).not.toContain(elsewhere.surveyId);
    // another account's project reads "not found", exactly like an unknown id
    expect(await codeOf(customer.portal.surveys({ projectId: f.projectB.id }))).toBe("NOT_FOUND");
    expect(await codeOf(customer.portal.surveys({ projectId: "cm0000000000000000000000" }))).toBe("NOT_FOUND");
    expect(await codeOf(customer.portal.surveys({ projectId: "not an id" }))).toBe("BAD_REQUEST");
  });
});

describe("staff results", () => {
  it("CSAT mean and NPS against the seed's targets, every survey with its answer", async () => {
    const g = await createTenantFixture("surveys-results", NOW);
    const customer = callerFor(g.users.CUSTOMER, at);
    for (const [kind, score] of [
      ["CSAT", 8],
      ["CSAT", 9],
      ["NPS", 10],
      ["NPS", 6],
      ["NPS", 8],
    ] as const) {
      const { surveyId } = await openSurveyFor(g, { kind, expiresAt: future() });
      await customer.portal.answerSurvey({ surveyId, score });
    }
    await openSurveyFor(g, { expiresAt: future() });
    const res = await callerFor(g.users.CSM, at).surveys.forProject({ projectId: g.projectA.id });
    expect(res.csat).toMatchObject({ responses: 2, mean: 8.5, meetsTarget: true });
    expect(res.nps).toMatchObject({
      responses: 3,
      promoters: 1,
      passives: 1,
      detractors: 1,
      score: 0,
      meetsTarget: false,
    });
    expect(res.surveys).toHaveLength(6);
    expect(res.surveys.filter((s) => s.state === "open")).toHaveLength(1);
    expect(res.satisfaction).toEqual({ suggestedScore: 85, criteria: [] });
    expect(await codeOf(callerFor(g.users.TECH_LEAD, at).surveys.applyToMilestone({ projectId: g.projectA.id }))).toBe(
      "BAD_REQUEST",
    );
    const other = await createTenantFixture("surveys-results-other", NOW);
    expect(await codeOf(callerFor(other.users.CSM, at).surveys.forProject({ projectId: g.projectA.id }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("the week-4 satisfaction criterion (seed §3.1: CSAT ≥ 8.5/10)", () => {
  it("a CSAT answer re-validates a validated week 4 with mean CSAT × 10 as the criterion's score", async () => {
    const g = await createTenantFixture("surveys-week4");
    const { projectId } = await kickedOffProject(
      g,
      [
        {
          name: "Sam Sponsor",
          email: `sam-${g.tag}@example.com`.toLowerCase(),
          stakeholderRole: "EXECUTIVE_SPONSOR",
          isApprover: true,
        },
      ],
      "MVP_DEVELOPMENT",
    );
    const sponsor = await testDb().user.findFirstOrThrow({
      where: { email: `sam-${g.tag}@example.com`.toLowerCase() },
    });
    const week4 = await testDb().milestone.findFirstOrThrow({
      where: { projectId, weekNumber: 4 },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    expect(week4.criteria.map((c) => [c.name, c.weight, c.validationMethod])).toContainEqual([
      "Customer Satisfaction Survey",
      0.3,
      "satisfaction_survey",
    ]);
    // the technical lead validates week 4 before any answer: the satisfaction criterion is not scored
    // yet, so the week stays in progress with a provisional 66.5 (it counts 0), not failed
    const first = await callerFor(g.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week4.id,
      scores: week4.criteria.map((c) => ({
        criterionId: c.id,
        score: c.validationMethod === "satisfaction_survey" ? null : 95,
      })),
    });
    expect(first.result.score).toBe(66.5);
    expect(first.status).toBe("IN_PROGRESS");

    const { token } = await openSurveyFor(g, {
      projectId,
      recipientId: sponsor.id,
      expiresAt: new Date(Date.now() + 7 * DAY),
    });
    const answer = await createCaller(createInnerContext({ user: null, db: testDb() })).surveys.answerByToken({
      token,
      score: 9,
    });
    // 0.3 × 95 + 0.2 × 95 + 0.2 × 95 + 0.3 × 90 = 93.5 ≥ 90
    expect(answer.satisfaction).toMatchObject({
      criterionScore: 90,
      applied: [{ weekNumber: 4, status: "SUCCESS", score: 93.5 }],
    });
    const satisfaction = await testDb().milestoneCriterion.findFirstOrThrow({
      where: { milestoneId: week4.id, validationMethod: "satisfaction_survey" },
    });
    expect(satisfaction.score).toBe(90);
    // a re-validation by the system, not by the customer, with its reason in the week's history; the
    // technical lead is told
    const reason = "CSAT 9 arrived for week 4's survey criterion (Customer Satisfaction Survey: not scored → 90)";
    const validation = await testDb().milestoneValidation.findFirstOrThrow({
      where: { milestoneId: week4.id },
      orderBy: { createdAt: "desc" },
    });
    expect(validation.validatedById).toBeNull();
    const history = (await callerFor(g.users.TECH_LEAD).projects.get({ projectId })).milestones.find(
      (m) => m.weekNumber === 4,
    )?.validations[0];
    expect(history?.criteriaScores).toMatchObject({ revalidation: { bySystem: true, reason } });
    const told = await testDb().notification.findMany({
      where: { userId: g.users.TECH_LEAD.id, link: `/projects/${projectId}#week-4` },
      select: { title: true, body: true },
    });
    expect(told).toContainEqual({
      title: `Week 4 of ${(await testDb().project.findUniqueOrThrow({ where: { id: projectId } })).name} re-scored: 66.5 → 93.5, met`,
      body: reason,
    });
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { entityType: "Milestone", entityId: week4.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorId: null, after: expect.objectContaining({ reason }) as object });

    // an answer that leaves the mean where it was changes no score: no re-validation
    const count = await testDb().milestoneValidation.count({ where: { milestoneId: week4.id } });
    const same = await openSurveyFor(g, {
      projectId,
      recipientId: sponsor.id,
      expiresAt: new Date(Date.now() + 7 * DAY),
    });
    const unchanged = await createCaller(createInnerContext({ user: null, db: testDb() })).surveys.answerByToken({
      token: same.token,
      score: 9,
    });
    expect(unchanged.satisfaction).toMatchObject({ criterionScore: 90, applied: [] });
    expect(await testDb().milestoneValidation.count({ where: { milestoneId: week4.id } })).toBe(count);

    // a lower mean brings the week down; the technical lead can apply the score explicitly too
    const again = await openSurveyFor(g, {
      projectId,
      recipientId: sponsor.id,
      expiresAt: new Date(Date.now() + 7 * DAY),
    });
    const lower = await createCaller(createInnerContext({ user: null, db: testDb() })).surveys.answerByToken({
      token: again.token,
      score: 5,
    });
    expect(lower.satisfaction).toMatchObject({ criterionScore: 76.7, applied: [{ weekNumber: 4, status: "AT_RISK" }] });
    const applied = await callerFor(g.users.TECH_LEAD).surveys.applyToMilestone({ projectId });
    expect(applied).toMatchObject({
      csat: { mean: 7.67, meetsTarget: false },
      criterionScore: 76.7,
      applied: [{ weekNumber: 4, status: "AT_RISK" }],
    });
    // applied by the technical lead: their validation, with the same kind of reason
    const byLead = await testDb().milestoneValidation.findFirstOrThrow({
      where: { milestoneId: week4.id },
      orderBy: { createdAt: "desc" },
    });
    expect(byLead.validatedById).toBe(g.users.TECH_LEAD.id);
    expect(byLead.criteriaScores).toMatchObject({
      revalidation: {
        bySystem: false,
        reason: "CSAT 7.67 applied to week 4's survey criterion (Customer Satisfaction Survey: 76.7 → 76.7)",
      },
    });
  });

  it("an answer before the technical lead validated week 4 leaves the week alone", async () => {
    const g = await createTenantFixture("surveys-week4-open");
    const { projectId } = await kickedOffProject(g, [], "MVP_DEVELOPMENT");
    const { token } = await openSurveyFor(g, { projectId, expiresAt: new Date(Date.now() + 7 * DAY) });
    const answer = await createCaller(createInnerContext({ user: null, db: testDb() })).surveys.answerByToken({
      token,
      score: 9,
    });
    expect(answer.satisfaction).toMatchObject({ criterionScore: 90, applied: [] });
    expect(await testDb().milestoneValidation.count({ where: { milestone: { projectId, weekNumber: 4 } } })).toBe(0);
  });
});

describe("triggerDueSurveys (the survey job)", () => {
  it("sends the CSAT of a signed-off week, CSAT and NPS at project end, the quarterly NPS — each once, even run twice at once", async () => {
    const g = await createTenantFixture("surveys-job", NOW);
    const db = testDb();
    // week 2 of project A signed off yesterday
    const { criterionId } = await signOffCriterionOf(g.projectA.id, 2);
    const yesterday = new Date(NOW.getTime() - DAY);
    await callerFor(g.users.CUSTOMER, () => yesterday).portal.signOff({ criterionId, decision: "APPROVED" });
    // the portal sent that CSAT at once; undo it so the job has to catch it up
    await db.survey.deleteMany({ where: { tenantId: g.tenant.id } });
    await db.outboxMessage.deleteMany({ where: { tenantId: g.tenant.id, idempotencyKey: { startsWith: "survey/" } } });
    // both projects started before this quarter's NPS went out (April 15); project B ended two days ago
    await db.project.updateMany({
      where: { tenantId: g.tenant.id },
      data: { startDate: new Date(NOW.getTime() - 60 * DAY) },
    });
    await db.project.update({
      where: { id: g.projectB.id },
      data: { targetEndDate: new Date(NOW.getTime() - 2 * DAY) },
    });

    const [one, two] = await Promise.all([
      triggerDueSurveys(concurrencyDb(), NOW),
      triggerDueSurveys(concurrencyDb(), NOW),
    ]);
    expect(one.created + two.created).toBeGreaterThanOrEqual(5);
    const surveys = await db.survey.findMany({ where: { tenantId: g.tenant.id }, orderBy: { key: "asc" } });
    const customerA = g.users.CUSTOMER.id;
    const customerB = g.otherAccountCustomer.id;
    const week2 = await db.milestone.findFirstOrThrow({ where: { projectId: g.projectA.id, weekNumber: 2 } });
    expect(surveys.map((s) => [s.key, s.kind, s.trigger])).toEqual(
      [
        [`csat/${week2.id}/${customerA}`, "CSAT", "MILESTONE_SIGN_OFF"],
        [`csat/end/${g.projectB.id}/${customerB}`, "CSAT", "PROJECT_END"],
        [`nps/${g.projectB.id}/${customerB}`, "NPS", "PROJECT_END"],
        [`nps/quarterly/2031-Q2/${customerA}`, "NPS", "QUARTERLY"],
        [`nps/quarterly/2031-Q2/${customerB}`, "NPS", "QUARTERLY"],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(surveys.every((s) => s.tokenHash && s.expiresAt?.getTime() === NOW.getTime() + 14 * DAY)).toBe(true);
    // one email each, with the link
    const mails = await db.outboxMessage.findMany({
      where: { tenantId: g.tenant.id, idempotencyKey: { startsWith: "survey/" } },
    });
    expect(mails).toHaveLength(5);
    expect(mails.every((m) => /\/survey\/[A-Za-z0-9_-]{43}/.test(m.bodyText))).toBe(true);

    expect(await triggerDueSurveys(db, NOW)).toEqual({ created: 0 });
    expect(await db.survey.count({ where: { tenantId: g.tenant.id } })).toBe(5);
  });
});
