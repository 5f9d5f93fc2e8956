import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { LIMITS, hit } from "@/server/auth/rate-limit";
import { scoreQualification } from "@/domain/qualification/score";
import { loadConfig } from "@/server/services/config";
import { ALL_FULL_ANSWERS, SAMPLE_REQUEST, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

/** Each call comes from its own address unless told, so the per-IP limit only bites where tested. */
const visitor = (ip = `203.0.113.${randomUUID()}`) =>
  createCaller(createInnerContext({ user: null, db: testDb(), ip }));

const MIXED_ANSWERS = {
  ...ALL_FULL_ANSWERS,
  existing_codebase: "none",
  project_documentation: "partial",
  success_criteria: "none",
  contract_timeline: "partial",
  change_management: "none",
} as const;

function submission(
  f: TenantFixture,
  over: {
    email?: string;
    answers?: Record<string, string>;
    project?: Record<string, unknown>;
    contact?: Record<string, unknown>;
    website?: string;
  } = {},
) {
  return {
    tenantSlug: f.tenant.slug,
    answers: over.answers ?? MIXED_ANSWERS,
    project: {
      features: SAMPLE_REQUEST.requirements,
      timelineWeeks: 10,
      budgetBand: "100k_250k",
      teamSize: 3,
      techStack: ["TypeScript", "PostgreSQL"],
      integrations: ["Stripe"],
      compliance: [],
      businessCritical: false,
      hasFallbackPlan: true,
      ...over.project,
    },
    contact: {
      name: "Pat Prospect",
      email: over.email ?? `pat-${randomUUID().slice(0, 8)}@prospect.example`,
      company: "Prospect Health",
      ...over.contact,
    },
    ...(over.website === undefined ? {} : { website: over.website }),
  } as Parameters<ReturnType<typeof visitor>["intake"]["submit"]>[0];
}

async function failure(call: Promise<unknown>, path: string) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: "mutation",
      path,
      input: undefined,
      ctx: undefined,
    });
    return {
      code: error.code,
      message: shape.message,
      fieldErrors: (shape.data as { fieldErrors?: Record<string, string> }).fieldErrors ?? {},
    };
  }
  throw new Error(`${path} succeeded but should have failed`);
}

/** Everything a submission writes, counted for one tenant. */
async function footprint(tenantId: string) {
  const db = testDb();
  const [leads, assessments, outbox, audit, notifications, actions, tokens] = await Promise.all([
    db.lead.count({ where: { tenantId } }),
    db.qualificationAssessment.count({ where: { tenantId } }),
    db.outboxMessage.count({ where: { tenantId } }),
    db.auditEvent.count({ where: { tenantId } }),
    db.notification.count({ where: { tenantId } }),
    db.actionItem.count({ where: { tenantId } }),
    db.verificationToken.count({ where: { identifier: { startsWith: "intake-result:" } } }),
  ]);
  return { leads, assessments, outbox, audit, notifications, actions, tokens };
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("expected one item");
  return item;
}

let f: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture("intake");
  other = await createTenantFixture("intake-other");
});

describe("self-service assessment: the form", () => {
  it("asks the tenant's criteria and budget bands, and an unknown slug is not found", async () => {
    const form = await visitor().intake.form({ tenantSlug: f.tenant.slug.toUpperCase() });
    expect(form.tenant.name).toBe(f.tenant.name);
    expect(form.categories.flatMap((c) => c.criteria.map((x) => x.key))).toHaveLength(14);
    expect(form.budgetBands.map((b) => b.key)).toContain("100k_250k");
    expect((await failure(visitor().intake.form({ tenantSlug: "no-such-tenant" }), "intake.form")).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("self-service assessment: submit", () => {
  it("creates exactly one self-service lead with one assessment, owned by the CSM with the fewest open leads, and emails the result link", async () => {
    const db = testDb();
    // the fixture's CSM owns the fixture's open lead; a second CSM with none gets the new lead
    const idle = await db.user.create({
      data: { tenantId: f.tenant.id, email: `csm2-${f.tag}@${f.tenant.slug}.test`, name: "Idle CSM", role: "CSM" },
    });
    const email = `first-${f.tag}@prospect.example`;
    const res = await visitor().intake.submit(submission(f, { email }));
    expect(res.resultPath).toBe(`/assess/${f.tenant.slug}/result/${res.token}`);

    const leads = await db.lead.findMany({
      where: { tenantId: f.tenant.id, contactEmail: email },
      include: { assessments: true },
    });
    const lead = only(leads);
    expect(lead).toMatchObject({
      source: "SELF_SERVICE",
      company: "Prospect Health",
      contactName: "Pat Prospect",
      ownerId: idle.id,
    });
    const assessment = only(lead.assessments);
    expect(assessment).toMatchObject({ authorId: null, isDraft: false, score: res.score });
    expect(lead.latestScore).toBe(res.score);
    expect(lead.stage).toBe(res.score >= 60 ? "QUALIFIED" : "UNQUALIFIED");
    expect(lead.notes).toContain("self-service assessment");

    const mail = await db.outboxMessage.findFirst({ where: { tenantId: f.tenant.id, recipient: email } });
    expect(mail?.idempotencyKey).toBe(`intake-result/${assessment.id}`);
    expect(mail?.bodyText).toContain(`http://localhost:3000${res.resultPath}`);
    const note = await db.notification.findFirst({ where: { tenantId: f.tenant.id, userId: idle.id } });
    expect(note).toMatchObject({ link: `/leads/${lead.id}` });
    expect(note?.title).toContain("Prospect Health");
    // only a digest of the token is stored
    const stored = await db.verificationToken.findFirst({ where: { identifier: `intake-result:${assessment.id}` } });
    expect(stored?.token).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token).not.toBe(res.token);
    const audit = await db.auditEvent.findFirst({ where: { tenantId: f.tenant.id, entityId: assessment.id } });
    expect(audit).toMatchObject({ action: "lead.self_service_created", actorId: null });
    await db.user.update({ where: { id: idle.id }, data: { disabledAt: new Date() } });
  });

  it("de-duplicates by email without case: a second submission updates the same lead and keeps both assessments", async () => {
    const email = `twice-${f.tag}@prospect.example`;
    const first = await visitor().intake.submit(submission(f, { email }));
    const second = await visitor().intake.submit(
      submission(f, { email: email.toUpperCase(), answers: ALL_FULL_ANSWERS, contact: { company: "Renamed Inc" } }),
    );
    const leads = await testDb().lead.findMany({
      where: { tenantId: f.tenant.id, contactEmail: { equals: email, mode: "insensitive" } },
      include: { assessments: { orderBy: { createdAt: "asc" } } },
    });
    const lead = only(leads);
    expect(lead.assessments.map((a) => a.score)).toEqual([first.score, second.score]);
    expect(lead).toMatchObject({ latestScore: 100, stage: "QUALIFIED", company: "Prospect Health" });
    // each submission has its own result link
    expect((await visitor().intake.result({ tenantSlug: f.tenant.slug, token: first.token })).score.score).toBe(
      first.score,
    );
    expect(
      (await visitor().intake.result({ tenantSlug: f.tenant.slug, token: second.token })).preparedFor.company,
    ).toBe("Renamed Inc");
  });

  it("scores exactly as the CSM's engine does with the tenant's configuration", async () => {
    const res = await visitor().intake.submit(submission(f));
    const config = await loadConfig(
      { db: testDb(), tenantId: f.tenant.id, actorId: "", ip: "", requestId: "", now: new Date() },
      "qualification",
    );
    const expected = scoreQualification(
      MIXED_ANSWERS,
      { desiredTimelineWeeks: 10, businessCritical: false, hasFallbackPlan: true },
      config.data,
    );
    expect(res.score).toBe(expected.score);
    const result = await visitor().intake.result({ tenantSlug: f.tenant.slug, token: res.token });
    expect(result.score).toMatchObject({
      score: expected.score,
      points: expected.points,
      maxPoints: expected.maxPoints,
      passed: expected.passed,
    });
    expect(result.categories.map((c) => c.points)).toEqual(expected.categories.map((c) => c.points));
    expect(result.recommendedServiceTypes).toEqual(expected.recommendedServiceTypes);
    expect(result.improvements[0]).toMatchObject({ criterion: "existing_codebase", gainPoints: 25 });
    expect(result.improvements.map((i) => i.message).join(" ")).toContain(
      "Define measurable success criteria: +10 points",
    );
    expect(result.tier?.name).toBeTruthy();
    expect(result.guarantee.body).toContain("full refund");
    expect(result.guarantee.body).not.toContain("{{");
  });

  it("leaves the stage and score of a lead further down the pipeline alone, but attaches the assessment", async () => {
    const db = testDb();
    const email = `proposal-${f.tag}@prospect.example`;
    const lead = await db.lead.create({
      data: {
        tenantId: f.tenant.id,
        company: "Curated Co",
        contactName: "Cora Curated",
        contactEmail: email,
        stage: "PROPOSAL",
        latestScore: 91,
        ownerId: f.users.CSM.id,
      },
    });
    await visitor().intake.submit(
      submission(f, { email, answers: { ...ALL_FULL_ANSWERS, clear_requirements: "none" } }),
    );
    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { assessments: true } });
    expect(after).toMatchObject({
      stage: "PROPOSAL",
      latestScore: 91,
      source: "CSM",
      company: "Curated Co",
      ownerId: f.users.CSM.id,
    });
    expect(after.assessments).toHaveLength(1);
    const note = await db.notification.findFirst({
      where: { tenantId: f.tenant.id, userId: f.users.CSM.id, link: `/leads/${lead.id}` },
    });
    expect(note?.body).toContain("stays at proposal");
  });
});

describe("self-service assessment: bad input is refused with a clear message and writes nothing", () => {
  const cases: [string, (t: TenantFixture) => ReturnType<typeof submission>, string][] = [
    ["a filled honeypot", (t) => submission(t, { website: "https://spam.example" }), "website"],
    ["a malformed email", (t) => submission(t, { email: "pat@@example" }), "contact.email"],
    ["a disposable email", (t) => submission(t, { email: "pat@mailinator.com" }), "contact.email"],
    ["a disposable subdomain", (t) => submission(t, { email: "pat@eu.yopmail.com" }), "contact.email"],
    ["an absurd budget", (t) => submission(t, { project: { budgetBand: "1000000000000" } }), "project.budgetBand"],
    ["a timeline of 0 weeks", (t) => submission(t, { project: { timelineWeeks: 0 } }), "project.timelineWeeks"],
    ["a negative team", (t) => submission(t, { project: { teamSize: -2 } }), "project.teamSize"],
    [
      "too many features",
      (t) => submission(t, { project: { features: Array.from({ length: 31 }, (_, i) => `Feature ${i}`) } }),
      "project.features",
    ],
    ["an oversized name", (t) => submission(t, { contact: { name: "x".repeat(5_000) } }), "contact.name"],
    [
      "an unknown criterion",
      (t) => submission(t, { answers: { ...ALL_FULL_ANSWERS, secret_sauce: "full" } }),
      "answers.secret_sauce",
    ],
    [
      "an unanswered question",
      (t) => submission(t, { answers: { ...ALL_FULL_ANSWERS, budget_defined: undefined as unknown as string } }),
      "answers.budget_defined",
    ],
  ];

  it.each(cases)("%s", async (_label, build, field) => {
    const before = await footprint(f.tenant.id);
    const err = await failure(visitor().intake.submit(build(f)), "intake.submit");
    expect(err.code).toBe("BAD_REQUEST");
    expect(Object.keys(err.fieldErrors)).toContain(field);
    expect(err.message.length).toBeGreaterThan(10);
    expect(await footprint(f.tenant.id)).toEqual(before);
  });

  it("names the disposable-address problem in plain words", async () => {
    const err = await failure(
      visitor().intake.submit(submission(f, { email: "pat@10minutemail.com" })),
      "intake.submit",
    );
    expect(err.fieldErrors["contact.email"]).toMatch(/disposable/);
  });

  it("refuses an unknown tenant slug as not found", async () => {
    const err = await failure(
      visitor().intake.submit({ ...submission(f), tenantSlug: "nobody-here" }),
      "intake.submit",
    );
    expect(err.code).toBe("NOT_FOUND");
  });
});

describe("self-service assessment: rate limits", () => {
  it("allows 10 assessments per hour from one address, then answers 429 with when to retry", async () => {
    const ip = `198.51.100.${randomUUID()}`;
    for (let i = 0; i < LIMITS.intakeIp.points; i += 1) await hit("intakeIp", ip);
    const before = await footprint(f.tenant.id);
    const err = await failure(visitor(ip).intake.submit(submission(f)), "intake.submit");
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/Too many assessments from your network\. Try again in \d+ minute/);
    expect(await footprint(f.tenant.id)).toEqual(before);
  });

  it("allows 3 assessments per hour for one email address, whatever the network", async () => {
    const email = `limited-${f.tag}@prospect.example`;
    for (let i = 0; i < LIMITS.intakeEmail.points; i += 1) await visitor().intake.submit(submission(f, { email }));
    const before = await footprint(f.tenant.id);
    const err = await failure(visitor().intake.submit(submission(f, { email: email.toUpperCase() })), "intake.submit");
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/this email address\. Try again in \d+ minute/);
    expect(await footprint(f.tenant.id)).toEqual(before);
  });
});

describe("self-service assessment: the result link", () => {
  it("reads the result with its token only: a wrong token, another tenant's slug or a malformed token are not found", async () => {
    const res = await visitor().intake.submit(submission(f, { email: `Reader-${f.tag}@Prospect.example` }));
    const result = await visitor().intake.result({ tenantSlug: f.tenant.slug, token: res.token });
    expect(result.tenant.name).toBe(f.tenant.name);
    expect(result.preparedFor).toMatchObject({ name: "Pat Prospect", company: "Prospect Health" });
    expect(result.preparedFor.email).toMatch(/^r•+@prospect\.example$/);
    // nothing internal leaks: no lead, owner or assessment ids
    expect(JSON.stringify(result)).not.toMatch(/"(leadId|ownerId|assessmentId|id)"/);

    const wrong = res.token.slice(0, -4) + (res.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const [slug, token] of [
      [f.tenant.slug, wrong],
      [other.tenant.slug, res.token],
      [f.tenant.slug, "short"],
      ["nobody-here", res.token],
    ] as const) {
      const err = await failure(visitor().intake.result({ tenantSlug: slug, token }), "intake.result");
      expect(["NOT_FOUND", "BAD_REQUEST"]).toContain(err.code);
    }
    expect(
      (await failure(visitor().intake.result({ tenantSlug: f.tenant.slug, token: wrong }), "intake.result")).code,
    ).toBe("NOT_FOUND");
    expect(
      (await failure(visitor().intake.result({ tenantSlug: other.tenant.slug, token: res.token }), "intake.result"))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("books a call once: a follow-up task for the lead's owner, and asking again keeps that one task", async () => {
    const email = `caller-${f.tag}@prospect.example`;
    const res = await visitor().intake.submit(submission(f, { email }));
    const input = { tenantSlug: f.tenant.slug, token: res.token, preference: "Tuesday mornings" };
    expect(await visitor().intake.requestCall(input)).toEqual({ requested: true, alreadyRequested: false });
    expect(await visitor().intake.requestCall(input)).toEqual({ requested: true, alreadyRequested: true });
    const lead = await testDb().lead.findFirstOrThrow({
      where: { tenantId: f.tenant.id, contactEmail: email },
      include: { actionItems: true },
    });
    expect(lead.actionItems).toHaveLength(1);
    expect(lead.actionItems[0]).toMatchObject({ kind: "FOLLOW_UP", status: "OPEN", assigneeId: lead.ownerId });
    expect(lead.actionItems[0]?.detail).toContain("Tuesday mornings");
    expect((await visitor().intake.result({ tenantSlug: f.tenant.slug, token: res.token })).callRequested).toBe(true);
    expect(
      (await failure(visitor().intake.requestCall({ ...input, token: "x".repeat(43) }), "intake.requestCall")).code,
    ).toBe("NOT_FOUND");
  });
});
