import { randomUUID } from "node:crypto";
import { DEFAULT_CHANNEL_PREFS, type ChannelPrefs } from "@/lib/schemas/channel-prefs";
import { createPrismaClient, type Db } from "@/server/db/client";
import type { Role, StakeholderRole } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/auth/session-user";
import { createInnerContext } from "@/server/api/trpc";
import { appRouter, createCaller } from "@/server/api/root";
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { DEFAULT_CRITERION_KEYS } from "@/domain/qualification/config";
import { newSurveyToken, surveyTokenDigest } from "@/server/services/surveys";

let prisma: Db | undefined;

/** The session user of an existing user (a seeded one, say), as the auth layer would build it. */
export async function sessionUserOf(
  where: Prisma.UserWhereInput,
  sessionId = "test-session",
  db: Db = testDb(),
): Promise<SessionUser> {
  const u = await db.user.findFirstOrThrow({ where, include: { tenant: true } });
  return {
    id: u.id,
    sessionId,
    tenantId: u.tenantId,
    tenantName: u.tenant.name,
    tenantSlug: u.tenant.slug,
    role: u.role,
    name: u.name,
    email: u.email,
    customerAccountId: u.customerAccountId,
    stakeholderRole: u.stakeholderRole,
    isApprover: u.isApprover,
  };
}

/** The test database's client (DATABASE_URL is set by tests/setup/env.ts). */
export function testDb(): Db {
  prisma ??= createPrismaClient(process.env.DATABASE_URL ?? "");
  return prisma;
}

// a random start per test file (modules are fresh per file), then consecutive addresses
let callerSeq = Math.floor(Math.random() * 0x20000);
/**
 * Each caller comes from an address of its own (198.18.0.0/15, the benchmarking range): per-IP rate limits
 * persist for the whole run, so callers sharing one address would throttle each other across files.
 */
export function callerIp(): string {
  callerSeq = (callerSeq + 1) % 0x20000;
  return `198.${18 + ((callerSeq >> 16) & 1)}.${(callerSeq >> 8) & 255}.${callerSeq & 255}`;
}

export function callerFor(user: SessionUser | null, now?: () => Date) {
  return createCaller(createInnerContext({ user, db: testDb(), now, ip: callerIp() }));
}

async function makeUser(
  db: Db,
  tenant: { id: string; name: string; slug: string },
  tag: string,
  role: Role,
  extra: {
    customerAccountId?: string;
    stakeholderRole?: StakeholderRole;
    isApprover?: boolean;
    passwordHash?: string;
  } = {},
): Promise<SessionUser> {
  const u = await db.user.create({
    data: {
      tenantId: tenant.id,
      email: `${role.toLowerCase()}-${tag}@${tenant.slug}.test`,
      name: `${role} ${tag}`,
      role,
      customerAccountId: extra.customerAccountId ?? null,
      stakeholderRole: extra.stakeholderRole ?? null,
      isApprover: extra.isApprover ?? false,
      passwordHash: extra.passwordHash ?? null,
    },
  });
  const session = await db.userSession.create({
    data: { tenantId: tenant.id, userId: u.id, method: "test", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return {
    id: u.id,
    sessionId: session.id,
    tenantId: tenant.id,
    tenantName: tenant.name,
    tenantSlug: tenant.slug,
    role,
    name: u.name,
    email: u.email,
    customerAccountId: u.customerAccountId,
    stakeholderRole: u.stakeholderRole,
    isApprover: u.isApprover,
  };
}

/** A project with four weekly milestones, week 1 met, week 2 in progress. */
async function makeProject(db: Db, tenantId: string, customerAccountId: string, name: string, start: Date) {
  const project = await db.project.create({
    data: {
      tenantId,
      customerAccountId,
      name,
      serviceType: "MVP_DEVELOPMENT",
      tierKey: "startup_mvp",
      contractValueCents: 2_500_000,
      status: "ACTIVE",
      startDate: start,
      targetEndDate: new Date(start.getTime() + 28 * 86_400_000),
      guarantee: {
        create: {
          tenantId,
          amountCents: 2_500_000,
          successThreshold: 85,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 86_400_000),
        },
      },
    },
  });
  for (const week of [1, 2, 3, 4]) {
    await db.milestone.create({
      data: {
        tenantId,
        projectId: project.id,
        weekNumber: week,
        title: `Week ${week}`,
        dueDate: new Date(start.getTime() + week * 7 * 86_400_000),
        minimumSuccessThreshold: 85,
        escalationThreshold: 70,
        status: week === 1 ? "SUCCESS" : week === 2 ? "IN_PROGRESS" : "PENDING",
        score: week === 1 ? 90 : null,
        criteria: {
          create: [
            {
              tenantId,
              position: 1,
              name: "Requirements Analysis Complete",
              weight: 0.6,
              validationMethod: "stakeholder_sign_off",
              deliverable: "Spec",
              requiresSignOff: true,
            },
            {
              tenantId,
              position: 2,
              name: "System Architecture Designed",
              weight: 0.4,
              validationMethod: "technical_review",
              deliverable: "Diagrams",
            },
          ],
        },
      },
    });
  }
  return project;
}

export type TenantFixture = Awaited<ReturnType<typeof createTenantFixture>>;

/**
 * A tenant with one user per role, two customer accounts (A with an approver customer, B with
 * another customer), a project in each account, and one notification per staff user.
 */
export async function createTenantFixture(label: string, now = new Date()) {
  const db = testDb();
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  const tenant = await db.tenant.create({ data: { slug: `t-${tag}`, name: `Tenant ${tag}` } });
  const accountA = await db.customerAccount.create({ data: { tenantId: tenant.id, name: `Account A ${tag}` } });
  const accountB = await db.customerAccount.create({ data: { tenantId: tenant.id, name: `Account B ${tag}` } });
  const users = {
    ADMIN: await makeUser(db, tenant, tag, "ADMIN"),
    EXECUTIVE: await makeUser(db, tenant, tag, "EXECUTIVE"),
    CSM: await makeUser(db, tenant, tag, "CSM"),
    TECH_LEAD: await makeUser(db, tenant, tag, "TECH_LEAD"),
    CUSTOMER: await makeUser(db, tenant, tag, "CUSTOMER", {
      customerAccountId: accountA.id,
      stakeholderRole: "PRODUCT_OWNER",
      isApprover: true,
    }),
  } satisfies Record<Role, SessionUser>;
  const otherAccountCustomer = await makeUser(db, tenant, `${tag}-b`, "CUSTOMER", {
    customerAccountId: accountB.id,
    stakeholderRole: "MEMBER",
  });
  const start = new Date(now.getTime() - 10 * 86_400_000);
  const projectA = await makeProject(db, tenant.id, accountA.id, `Project A ${tag}`, start);
  const projectB = await makeProject(db, tenant.id, accountB.id, `Project B ${tag}`, start);
  const lead = await db.lead.create({
    data: {
      tenantId: tenant.id,
      company: `Lead Co ${tag}`,
      contactName: "Lee Lead",
      contactEmail: `lee-${tag}@example.com`,
      ownerId: users.CSM.id,
    },
  });
  const notifications: Record<string, string> = {};
  for (const user of [...Object.values(users), otherAccountCustomer]) {
    const n = await db.notification.create({
      data: { tenantId: tenant.id, userId: user.id, title: "Welcome", createdAt: now },
    });
    notifications[user.id] = n.id;
  }
  return { tenant, tag, accountA, accountB, users, otherAccountCustomer, projectA, projectB, lead, notifications };
}

/** A fresh NEW lead in the fixture's tenant (for procedures that change a lead). */
export function createLeadFor(
  f: { tenant: { id: string }; tag: string },
  data: { company?: string; latestScore?: number } = {},
) {
  return testDb().lead.create({
    data: {
      tenantId: f.tenant.id,
      company: data.company ?? `Fresh Co ${f.tag}`,
      contactName: "Fran Fresh",
      contactEmail: `fran-${randomUUID().slice(0, 6)}@example.com`,
      latestScore: data.latestScore ?? null,
    },
    select: { id: true, stage: true },
  });
}

export const ALL_FULL_ANSWERS = Object.fromEntries(DEFAULT_CRITERION_KEYS.map((k) => [k, "full" as const]));

export const SAMPLE_REQUEST = {
  requirements: ["Patient sign-up", "Appointment booking", "Reminders by email", "Admin dashboard"],
  timelineWeeks: 8,
  budgetCents: 12_000_000,
  teamSize: 3,
  techStack: ["TypeScript", "PostgreSQL"],
  integrations: ["Stripe"],
  compliance: [],
};

/** A fresh lead taken through the CSM flow as far as asked, by the fixture's CSM. */
export async function leadThrough(f: TenantFixture, step: "assessed" | "analyzed" | "recommended" | "proposal") {
  const lead = await createLeadFor(f);
  const csm = callerFor(f.users.CSM);
  const saved = await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
  if (step === "assessed") return { leadId: lead.id, assessmentId: saved.assessmentId };
  await csm.feasibility.analyze({ leadId: lead.id, request: SAMPLE_REQUEST });
  if (step === "analyzed") return { leadId: lead.id, assessmentId: saved.assessmentId };
  const tiers = await csm.tiers.recommend({ leadId: lead.id });
  const tierKey = tiers.result.tiers[0]?.key ?? "startup_mvp";
  if (step === "proposal") await csm.tiers.choose({ leadId: lead.id, tierKey });
  return { leadId: lead.id, assessmentId: saved.assessmentId, tierKey };
}

/** A project kicked off by the fixture's CSM from a fresh lead (docs/domain.md#kickoff), with the fixture's tech lead. */
export async function kickedOffProject(
  f: TenantFixture,
  stakeholders: {
    name: string;
    email: string;
    stakeholderRole: "PRODUCT_OWNER" | "TECHNICAL_LEAD" | "EXECUTIVE_SPONSOR" | "MEMBER";
    isApprover: boolean;
  }[] = [],
  serviceType?: "MVP_DEVELOPMENT" | "LEGACY_MODERNIZATION" | "TEAM_AUGMENTATION",
) {
  const { leadId } = await leadThrough(f, "proposal");
  // the lead's service type comes from its service fit; a test may pin it (as a CSM would on the lead)
  if (serviceType) await testDb().lead.update({ where: { id: leadId }, data: { serviceType } });
  const started = await callerFor(f.users.CSM).kickoff.start({
    leadId,
    techLeadId: f.users.TECH_LEAD.id,
    hasUiRequirements: true,
    stakeholders,
  });
  return { leadId, ...started };
}

/**
 * Account A's education plan (created through the CSM's router on first use, then reused: one plan per
 * account and service type), or a fresh lead's plan; with the delivery addressed to the fixture's customer.
 */
export async function educationPlanFor(f: TenantFixture, target: "account" | "lead" = "account") {
  const csm = callerFor(f.users.CSM);
  const input =
    target === "account"
      ? { customerAccountId: f.accountA.id, serviceType: "MVP_DEVELOPMENT" as const, background: "business" as const }
      : {
          leadId: (await createLeadFor(f)).id,
          serviceType: "MVP_DEVELOPMENT" as const,
          background: "business" as const,
        };
  const existing =
    target === "account"
      ? await testDb().educationPlan.findFirst({ where: { customerAccountId: f.accountA.id } })
      : null;
  const planId = existing?.id ?? (await csm.education.createPlan(input)).planId;
  const deliveries = await testDb().educationDelivery.findMany({ where: { planId }, orderBy: { scheduledAt: "asc" } });
  const mine = deliveries.find((d) => d.userId === f.users.CUSTOMER.id) ?? deliveries[0];
  if (!mine) throw new Error("the plan has no delivery");
  return { planId, deliveryId: mine.id, deliveries };
}

/** A journey of the fixture (started once by its CSM for a fresh qualified lead; it stops at feasibility). */
const journeys = new Map<string, Promise<string>>();
export function journeyFor(f: TenantFixture): Promise<string> {
  let id = journeys.get(f.tag);
  if (!id) {
    id = leadThrough(f, "assessed").then(
      async ({ leadId }) => (await callerFor(f.users.CSM).journeys.start({ leadId })).journeyId,
    );
    journeys.set(f.tag, id);
  }
  return id;
}

/** The tRPC (or service AppError) code a call fails with, or "ok" (anything else thrown fails the test). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError || error instanceof AppError) return error.code;
    throw error;
  }
}

/** What an HTTP client would see: the message after the app's error formatter. */
export function shown(error: TRPCError, path: string) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path,
    input: undefined,
    ctx: undefined,
  });
}

/** The error shape a failing call would send, or null when the call succeeds. */
export async function shapeOf(call: Promise<unknown>, path: string) {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return shown(error, path);
    throw error;
  }
}

// ------------------------------------------------------------------ docs/domain.md#surveys: sign-offs and surveys

/** The sign-off criterion of a fixture project's week (week 2 is in progress; weeks 3–4 have not started). */
export async function signOffCriterionOf(projectId: string, weekNumber = 2) {
  const c = await testDb().milestoneCriterion.findFirstOrThrow({
    where: { requiresSignOff: true, milestone: { projectId, weekNumber } },
    select: { id: true, milestoneId: true },
  });
  return { criterionId: c.id, milestoneId: c.milestoneId };
}

/**
 * An open survey with a one-time link (the token is returned, only its digest stored), addressed to the
 * fixture's approver customer of account A unless told otherwise.
 */
export async function openSurveyFor(
  f: TenantFixture,
  opts: {
    projectId?: string;
    recipientId?: string | null;
    kind?: "CSAT" | "NPS";
    expiresAt?: Date;
    milestoneId?: string;
  } = {},
) {
  const token = newSurveyToken();
  const survey = await testDb().survey.create({
    data: {
      tenantId: f.tenant.id,
      projectId: opts.projectId ?? f.projectA.id,
      milestoneId: opts.milestoneId ?? null,
      recipientId: opts.recipientId === undefined ? f.users.CUSTOMER.id : opts.recipientId,
      kind: opts.kind ?? "CSAT",
      trigger: "MANUAL",
      key: `manual/${randomUUID()}`,
      tokenHash: surveyTokenDigest(token),
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 14 * 86_400_000),
      sentAt: new Date(),
    },
    select: { id: true },
  });
  return { surveyId: survey.id, token };
}

/**
 * A project of account A whose week 4 carries the seed's "Customer Satisfaction Survey" criterion, with
 * one CSAT answered (9/10): what applying the satisfaction score needs. One per fixture.
 */
const satisfactionProjects = new Map<string, Promise<string>>();
export function satisfactionProjectOf(f: TenantFixture): Promise<string> {
  let made = satisfactionProjects.get(f.tag);
  if (!made) {
    made = (async () => {
      const db = testDb();
      const start = new Date(Date.now() - 27 * 86_400_000);
      const project = await db.project.create({
        data: {
          tenantId: f.tenant.id,
          customerAccountId: f.accountA.id,
          name: `Satisfaction ${f.tag}`,
          serviceType: "MVP_DEVELOPMENT",
          tierKey: "startup_mvp",
          contractValueCents: 1_000_000,
          status: "ACTIVE",
          startDate: start,
          targetEndDate: new Date(start.getTime() + 28 * 86_400_000),
        },
      });
      await db.milestone.create({
        data: {
          tenantId: f.tenant.id,
          projectId: project.id,
          weekNumber: 4,
          title: "Delivery & Knowledge Transfer",
          dueDate: new Date(start.getTime() + 28 * 86_400_000),
          minimumSuccessThreshold: 90,
          escalationThreshold: 75,
          status: "IN_PROGRESS",
          criteria: {
            create: [
              {
                tenantId: f.tenant.id,
                position: 1,
                name: "Production Deployment",
                weight: 0.7,
                validationMethod: "deployment_verification",
                deliverable: "Live system",
              },
              {
                tenantId: f.tenant.id,
                position: 2,
                name: "Customer Satisfaction Survey",
                weight: 0.3,
                validationMethod: "satisfaction_survey",
                deliverable: "Customer satisfaction score ≥ 8.5/10",
              },
            ],
          },
        },
      });
      const { surveyId } = await openSurveyFor(f, { projectId: project.id });
      await db.survey.update({ where: { id: surveyId }, data: { answeredAt: new Date() } });
      await db.surveyResponse.create({
        data: { tenantId: f.tenant.id, surveyId, userId: f.users.CUSTOMER.id, score: 9 },
      });
      return project.id;
    })();
    satisfactionProjects.set(f.tag, made);
  }
  return made;
}

/**
 * The client for tests that fire calls concurrently. The embedded PGlite serves every connection from
 * one session, so statements of several connections can interleave and trip over each other's unnamed
 * prepared statements: there the calls share one connection (the application-level race — every call
 * passing its first check before any commits — is the same). A real PostgreSQL (TEST_DATABASE_URL)
 * gets a pool. Disconnected by vitest's process exit.
 */
let concurrencyClient: Db | undefined;
export function concurrencyDb(): Db {
  if (!concurrencyClient) {
    const pool = process.env.DB_POOL_MAX;
    process.env.DB_POOL_MAX = process.env.TEST_DATABASE_URL ? "10" : "1";
    concurrencyClient = createPrismaClient(process.env.DATABASE_URL ?? "");
    if (pool === undefined) delete process.env.DB_POOL_MAX;
    else process.env.DB_POOL_MAX = pool;
  }
  return concurrencyClient;
}

// ------------------------------------------------------------------ docs/domain.md#retention: guarantees, refunds, retention

/**
 * A project of the fixture's account A (or `accountId`) with a guarantee and four weekly milestones, the
 * first `weeksMet` met and the others failed (validated on their due dates), CI coverage evidence and CSAT
 * answers. `startDaysAgo` 31 with 30 days puts the clock's end one day in the past (still ACTIVE: the
 * enforcement job decides it).
 */
export async function guaranteeProjectFor(
  f: TenantFixture,
  opts: {
    accountId?: string;
    weeksMet?: number;
    coverage?: number | null;
    csat?: number[];
    startDaysAgo?: number;
    days?: number;
    amountCents?: number;
    now?: Date;
  } = {},
) {
  const db = testDb();
  const now = opts.now ?? new Date();
  const day = 86_400_000;
  const start = new Date(now.getTime() - (opts.startDaysAgo ?? 31) * day);
  const weeksMet = opts.weeksMet ?? 4;
  const project = await db.project.create({
    data: {
      tenantId: f.tenant.id,
      customerAccountId: opts.accountId ?? f.accountA.id,
      name: `Guarantee ${randomUUID().slice(0, 6)}`,
      serviceType: "MVP_DEVELOPMENT",
      tierKey: "startup_mvp",
      contractValueCents: 4_000_000,
      status: "ACTIVE",
      startDate: start,
      targetEndDate: new Date(start.getTime() + 28 * day),
      techLeadId: f.users.TECH_LEAD.id,
      guarantee: {
        create: {
          tenantId: f.tenant.id,
          amountCents: opts.amountCents ?? 2_000_000,
          successThreshold: 85,
          startsAt: start,
          endsAt: new Date(start.getTime() + (opts.days ?? 30) * day),
        },
      },
    },
    select: { id: true, guarantee: { select: { id: true } } },
  });
  for (const week of [1, 2, 3, 4]) {
    const due = new Date(start.getTime() + week * 7 * day);
    const validated = due <= now;
    await db.milestone.create({
      data: {
        tenantId: f.tenant.id,
        projectId: project.id,
        weekNumber: week,
        title: `Week ${week}`,
        dueDate: due,
        minimumSuccessThreshold: 85,
        escalationThreshold: 70,
        status: !validated ? "PENDING" : week <= weeksMet ? "SUCCESS" : "FAILED",
        score: !validated ? null : week <= weeksMet ? 92 : 55,
        validatedAt: validated ? due : null,
        criteria: {
          create: [
            {
              tenantId: f.tenant.id,
              position: 1,
              name: "Core Features Implementation",
              weight: 1,
              validationMethod: "automated_testing",
              deliverable: "Working core features",
            },
          ],
        },
      },
    });
  }
  if (opts.coverage !== null) {
    await db.evidence.create({
      data: {
        tenantId: f.tenant.id,
        projectId: project.id,
        source: "API",
        coverage: opts.coverage ?? 96,
        commitSha: "feedface01234567",
        createdAt: new Date(start.getTime() + 20 * day),
      },
    });
  }
  for (const score of opts.csat ?? [9]) {
    const survey = await db.survey.create({
      data: {
        tenantId: f.tenant.id,
        projectId: project.id,
        kind: "CSAT",
        trigger: "MANUAL",
        key: `g/${randomUUID()}`,
        recipientId: f.users.CUSTOMER.id,
      },
    });
    await db.surveyResponse.create({
      data: {
        tenantId: f.tenant.id,
        surveyId: survey.id,
        userId: f.users.CUSTOMER.id,
        score,
        comment: score >= 8 ? "Delivered what we needed." : "Too slow.",
        createdAt: new Date(start.getTime() + 25 * day),
      },
    });
  }
  return { projectId: project.id, guaranteeId: project.guarantee?.id ?? "" };
}

/** A guarantee of account A decided by the final validation now: success (4 weeks met, 96 %, CSAT 9) or failure (1 week, 80 %, CSAT 6). */
export async function decidedGuaranteeFor(
  f: TenantFixture,
  outcome: "success" | "failure",
  opts: { accountId?: string } = {},
) {
  const { finalizeGuarantee } = await import("@/server/services/guarantees");
  const made = await guaranteeProjectFor(
    f,
    outcome === "success" ? { ...opts } : { ...opts, weeksMet: 1, coverage: 80, csat: [6] },
  );
  await testDb().$transaction((tx) =>
    finalizeGuarantee(
      { db: tx, tenantId: f.tenant.id, actorId: null, ip: null, requestId: null, now: new Date() },
      made.guaranteeId,
    ),
  );
  return made;
}

/** One met guarantee per fixture (its dossier is read, never changed). */
const succeeded = new Map<string, Promise<{ projectId: string; guaranteeId: string }>>();
export function succeededGuaranteeOf(f: TenantFixture) {
  let made = succeeded.get(f.tag);
  if (!made) {
    made = decidedGuaranteeFor(f, "success");
    succeeded.set(f.tag, made);
  }
  return made;
}

/** A second executive per fixture: the four-eyes rule (docs/security.md#refunds-four-eyes) needs two people. */
const secondExecutives = new Map<string, Promise<SessionUser>>();
export function secondExecutiveOf(f: TenantFixture) {
  let made = secondExecutives.get(f.tag);
  if (!made) {
    made = makeUser(testDb(), f.tenant, `${f.tag}-2`, "EXECUTIVE");
    secondExecutives.set(f.tag, made);
  }
  return made;
}

/**
 * A fresh refund of account A at `status`, taken there through the workflow; with the version to send next.
 * Four eyes: the admin starts the review and a second executive approves, so the fixture's executive may
 * still approve an UNDER_REVIEW refund and record the payment of an APPROVED one.
 */
export async function refundAt(f: TenantFixture, status: "CLAIMED" | "UNDER_REVIEW" | "APPROVED") {
  const { projectId } = await decidedGuaranteeFor(f, "failure");
  const claimed = await callerFor(f.users.CUSTOMER).portal.chooseRemedy({ projectId, remedy: "REFUND" });
  const refundId = claimed.refundId ?? "";
  if (status === "CLAIMED") return { projectId, refundId, expectedVersion: 0 };
  await callerFor(f.users.ADMIN).refunds.startReview({ refundId, expectedVersion: 0 });
  if (status === "UNDER_REVIEW") return { projectId, refundId, expectedVersion: 1 };
  await callerFor(await secondExecutiveOf(f)).refunds.approve({
    refundId,
    expectedVersion: 1,
    reason: "Weeks 2–4 failed validation.",
  });
  return { projectId, refundId, expectedVersion: 2 };
}

/** A proposed customer-caused delay on the guarantee of the fixture's project A. */
export async function proposedDelayFor(f: TenantFixture, days = 2) {
  const g = await testDb().guarantee.findUniqueOrThrow({ where: { projectId: f.projectA.id }, select: { id: true } });
  const d = await testDb().guaranteeDelay.create({
    data: {
      tenantId: f.tenant.id,
      guaranteeId: g.id,
      reason: "Customer API credentials arrived late",
      days,
      recordedById: f.users.TECH_LEAD.id,
    },
    select: { id: true },
  });
  return d.id;
}

/** An open retention task of account A, assigned to the fixture's CSM. */
export async function retentionTaskFor(f: TenantFixture) {
  const a = await testDb().actionItem.create({
    data: {
      tenantId: f.tenant.id,
      customerAccountId: f.accountA.id,
      kind: "RETENTION",
      title: "Call the sponsor",
      assigneeId: f.users.CSM.id,
      dueAt: new Date(Date.now() + 3 * 86_400_000),
    },
    select: { id: true },
  });
  return a.id;
}

/** A staff person with the given channel preferences, as fan-out sees them (server/messaging/fan-out.ts). */
export async function createPerson(tenantId: string, prefs: Partial<ChannelPrefs> = {}) {
  const channelPrefs = { ...DEFAULT_CHANNEL_PREFS, ...prefs };
  const user = await testDb().user.create({
    data: {
      tenantId,
      email: `p-${randomUUID().slice(0, 8)}@example.com`,
      name: "Pat",
      role: "TECH_LEAD",
      channelPrefs,
    },
  });
  return { id: user.id, tenantId, email: user.email, prefs: channelPrefs };
}

/** A CSM of the fixture's tenant with a unique address and the given password hash (signs in with a password). */
export function createStaffUser(f: TenantFixture, label: string, passwordHash: string) {
  return testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `${label}-${randomUUID().slice(0, 8)}@${f.tenant.slug}.test`,
      name: label,
      role: "CSM",
      passwordHash,
    },
  });
}

/** A customer stakeholder of the fixture's account A (signs in by magic link), optionally disabled. */
export function createCustomer(f: TenantFixture, label: string, extra: { disabledAt?: Date } = {}) {
  return testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `${label}-${randomUUID().slice(0, 8)}@${f.tenant.slug}.test`,
      name: label,
      role: "CUSTOMER",
      customerAccountId: f.accountA.id,
      ...extra,
    },
  });
}
