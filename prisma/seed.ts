import { hash } from "@node-rs/argon2";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { insertAlertRows } from "../server/db/alerts";
import { buildActivity } from "./seed/activity";
import { ROW_ORDER, SeedContext, type Rows, type TenantSpec } from "./seed/context";
import { buildEducation } from "./seed/education";
import { buildHealth } from "./seed/health";
import { buildJourneys, buildLeads } from "./seed/leads";
import { buildOrg, TENANT_AGE_DAYS } from "./seed/org";
import { buildProject } from "./seed/projects";
import { buildQuarterlyNps } from "./seed/surveys";
import { DEMO_PASSWORD, DEMO_TENANTS } from "./seed/tenants";

/**
 * The deterministic demo seed: two tenants (Northwind Labs tells the whole story, Bluebird Digital
 * proves isolation). Same `now` → same rows, ids and sign-off hashes. A tenant whose slug exists is
 * left untouched, so running it twice is safe; each tenant is written in one transaction, so a
 * crash never leaves half a tenant.
 */
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./seed/tenants";

export async function seedDemo(prisma: PrismaClient, now: Date): Promise<string> {
  const existing = await prisma.tenant.findMany({
    where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } },
    select: { slug: true },
  });
  const missing = DEMO_TENANTS.filter((t) => !existing.some((e) => e.slug === t.slug));
  if (missing.length === 0) return "demo already seeded";
  // one argon2 hash shared by every staff demo user: hashing is deliberately slow
  const passwordHash = await hash(DEMO_PASSWORD);
  const totals = new Map<string, number>();
  let tenants = 0;
  for (const spec of missing) {
    const ctx = buildTenant(spec, now, passwordHash);
    try {
      await prisma.$transaction((tx) => writeTenant(tx, spec, ctx.tenantId, ctx.rows, now), {
        timeout: 120_000,
        maxWait: 20_000,
      });
    } catch (error) {
      // a concurrent seed won the race (unique slug): its tenant is complete, ours rolled back
      if (await prisma.tenant.findUnique({ where: { slug: spec.slug }, select: { id: true } })) continue;
      throw error;
    }
    tenants += 1;
    for (const key of ROW_ORDER) totals.set(key, (totals.get(key) ?? 0) + ctx.rows[key].length);
  }
  if (tenants === 0) return "demo already seeded";
  const count = (...keys: (keyof Rows)[]) => keys.reduce((sum, k) => sum + (totals.get(k) ?? 0), 0);
  return (
    `seeded ${tenants} tenants, ${count("staff", "customer")} users, ${count("account")} accounts, ${count("lead")} leads, ` +
    `${count("project")} projects, ${count("milestone")} milestones, ${count("signOff")} sign-offs, ${count("survey")} surveys, ` +
    `${count("health")} health snapshots, ${ROW_ORDER.reduce((sum, k) => sum + (totals.get(k) ?? 0), 0)} rows in total`
  );
}

/** Builds every row in memory (pure, no I/O): the order of builder calls fixes the PRNG stream. */
function buildTenant(spec: TenantSpec, now: Date, passwordHash: string): SeedContext {
  const ctx = new SeedContext(spec, now);
  buildOrg(ctx, passwordHash);
  const leads = buildLeads(ctx);
  const projects = spec.projects.map((p) => buildProject(ctx, p));
  buildJourneys(ctx, leads);
  buildQuarterlyNps(ctx, projects);
  buildHealth(ctx);
  buildEducation(ctx);
  buildActivity(ctx, projects, leads);
  return ctx;
}

/** One createMany per table, in foreign-key order (~30 statements per tenant). */
async function writeTenant(
  tx: Prisma.TransactionClient,
  spec: TenantSpec,
  tenantId: string,
  r: Rows,
  now: Date,
): Promise<void> {
  await tx.tenant.create({
    data: {
      id: tenantId,
      slug: spec.slug,
      name: spec.name,
      currency: spec.currency,
      createdAt: new Date(now.getTime() - TENANT_AGE_DAYS * 86_400_000),
    },
  });
  await tx.user.createMany({ data: r.staff });
  await tx.customerAccount.createMany({ data: r.account });
  await tx.user.createMany({ data: r.customer });
  await tx.tenantConfig.createMany({ data: r.config });
  await tx.lead.createMany({ data: r.lead });
  await tx.qualificationAssessment.createMany({ data: r.assessment });
  await tx.feasibilityAnalysis.createMany({ data: r.feasibility });
  await tx.tierRecommendation.createMany({ data: r.tierRec });
  await tx.project.createMany({ data: r.project });
  await tx.journey.createMany({ data: r.journey });
  await tx.teamAssignment.createMany({ data: r.team });
  await tx.environment.createMany({ data: r.environment });
  await tx.guarantee.createMany({ data: r.guarantee });
  await tx.refund.createMany({ data: r.refund });
  await tx.milestone.createMany({ data: r.milestone });
  await tx.milestoneCriterion.createMany({ data: r.criterion });
  await tx.milestoneValidation.createMany({ data: r.validation });
  await tx.signOff.createMany({ data: r.signOff });
  await tx.survey.createMany({ data: r.survey });
  await tx.surveyResponse.createMany({ data: r.surveyResponse });
  await tx.evidence.createMany({ data: r.evidence });
  await tx.qualityValidation.createMany({ data: r.quality });
  await tx.retentionPlan.createMany({ data: r.retentionPlan });
  await tx.actionItem.createMany({ data: r.action });
  await insertAlertRows(tx, r.alert);
  await tx.notification.createMany({ data: r.notification });
  await tx.educationItem.createMany({ data: r.educationItem });
  await tx.educationPlan.createMany({ data: r.educationPlan });
  await tx.educationDelivery.createMany({ data: r.educationDelivery });
  await tx.healthSnapshot.createMany({ data: r.health });
  // the database chains audit rows in insertion order (trigger audit_chain_append): insert them in time order
  const at = (e: (typeof r.audit)[number]) => new Date(e.createdAt ?? 0).getTime();
  await tx.auditEvent.createMany({ data: [...r.audit].sort((a, b) => at(a) - at(b)) });
}
