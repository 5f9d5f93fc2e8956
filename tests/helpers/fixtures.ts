import { randomUUID } from "node:crypto";
import { createPrismaClient, type Db } from "@/server/db/client";
import type { Role, StakeholderRole } from "@/server/db/generated/enums";
import type { SessionUser } from "@/server/auth/session-user";
import { createInnerContext } from "@/server/api/trpc";
import { appRouter, createCaller } from "@/server/api/root";
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { DEFAULT_CRITERION_KEYS } from "@/server/engines/qualification/config";

let prisma: Db | undefined;

/** The test database's client (DATABASE_URL is set by tests/setup/env.ts). */
export function testDb(): Db {
  prisma ??= createPrismaClient(process.env.DATABASE_URL ?? "");
  return prisma;
}

export function callerFor(user: SessionUser | null, now?: () => Date) {
  return createCaller(createInnerContext({ user, db: testDb(), now }));
}

async function makeUser(
  db: Db,
  tenant: { id: string; name: string; slug: string },
  tag: string,
  role: Role,
  extra: { customerAccountId?: string; stakeholderRole?: StakeholderRole; isApprover?: boolean; passwordHash?: string } = {},
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
            { tenantId, position: 1, name: "Requirements Analysis Complete", weight: 0.6, validationMethod: "stakeholder_sign_off", deliverable: "Spec", requiresSignOff: true },
            { tenantId, position: 2, name: "System Architecture Designed", weight: 0.4, validationMethod: "technical_review", deliverable: "Diagrams" },
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
    CUSTOMER: await makeUser(db, tenant, tag, "CUSTOMER", { customerAccountId: accountA.id, stakeholderRole: "PRODUCT_OWNER", isApprover: true }),
  } satisfies Record<Role, SessionUser>;
  const otherAccountCustomer = await makeUser(db, tenant, `${tag}-b`, "CUSTOMER", { customerAccountId: accountB.id, stakeholderRole: "MEMBER" });
  const start = new Date(now.getTime() - 10 * 86_400_000);
  const projectA = await makeProject(db, tenant.id, accountA.id, `Project A ${tag}`, start);
  const projectB = await makeProject(db, tenant.id, accountB.id, `Project B ${tag}`, start);
  const lead = await db.lead.create({
    data: { tenantId: tenant.id, company: `Lead Co ${tag}`, contactName: "Lee Lead", contactEmail: `lee-${tag}@example.com`, ownerId: users.CSM.id },
  });
  const notifications: Record<string, string> = {};
  for (const user of [...Object.values(users), otherAccountCustomer]) {
    const n = await db.notification.create({ data: { tenantId: tenant.id, userId: user.id, title: "Welcome", createdAt: now } });
    notifications[user.id] = n.id;
  }
  return { tenant, tag, accountA, accountB, users, otherAccountCustomer, projectA, projectB, lead, notifications };
}

/** A fresh NEW lead in the fixture's tenant (for procedures that change a lead). */
export function createLeadFor(f: { tenant: { id: string }; tag: string }, data: { company?: string; latestScore?: number } = {}) {
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

/** A project kicked off by the fixture's CSM from a fresh lead (seed §4.1), with the fixture's tech lead. */
export async function kickedOffProject(
  f: TenantFixture,
  stakeholders: { name: string; email: string; stakeholderRole: "PRODUCT_OWNER" | "TECHNICAL_LEAD" | "EXECUTIVE_SPONSOR" | "MEMBER"; isApprover: boolean }[] = [],
  serviceType?: "MVP_DEVELOPMENT" | "LEGACY_MODERNIZATION" | "TEAM_AUGMENTATION",
) {
  const { leadId } = await leadThrough(f, "proposal");
  // the lead's service type comes from its service fit; a test may pin it (as a CSM would on the lead)
  if (serviceType) await testDb().lead.update({ where: { id: leadId }, data: { serviceType } });
  const started = await callerFor(f.users.CSM).kickoff.start({ leadId, techLeadId: f.users.TECH_LEAD.id, hasUiRequirements: true, stakeholders });
  return { leadId, ...started };
}

/**
 * Account A's education plan (created through the CSM's router on first use, then reused: one plan per
 * account and service type), or a fresh lead's plan; with the delivery addressed to the fixture's customer.
 */
export async function educationPlanFor(f: TenantFixture, target: "account" | "lead" = "account") {
  const csm = callerFor(f.users.CSM);
  const input = target === "account"
    ? { customerAccountId: f.accountA.id, serviceType: "MVP_DEVELOPMENT" as const, background: "business" as const }
    : { leadId: (await createLeadFor(f)).id, serviceType: "MVP_DEVELOPMENT" as const, background: "business" as const };
  const existing = target === "account" ? await testDb().educationPlan.findFirst({ where: { customerAccountId: f.accountA.id } }) : null;
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
    id = leadThrough(f, "assessed").then(async ({ leadId }) => (await callerFor(f.users.CSM).journeys.start({ leadId })).journeyId);
    journeys.set(f.tag, id);
  }
  return id;
}

/** What an HTTP client would see: the message after the app's error formatter. */
export function shown(error: TRPCError, path: string) {
  return getErrorShape({ config: appRouter._def._config, error, type: "mutation", path, input: undefined, ctx: undefined });
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
