import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { latestFeasibilityFor, reproduceAssessment } from "@/server/services/acquisition";
import { DEMO_TENANTS } from "@/prisma/seed/tenants";
import { verifyTenantAuditChain } from "@/server/services/audit";
import { verifyProjectSignOffs } from "@/server/services/signoffs";
import { loadConfig } from "@/server/services/config";
import { guaranteeAmount } from "@/domain/tiers/guarantee";
import { testDb } from "../helpers/fixtures";

describe("demo seed", () => {
  it("is idempotent, writes configuration the engines accept, and its assessments reproduce exactly", async () => {
    const db = testDb();
    const now = new Date();
    await seedDemo(db, now);
    const users = await db.user.count();
    expect(await seedDemo(db, now)).toMatch(/already seeded/);
    expect(await db.user.count()).toBe(users);

    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
    const ctx = { db, tenantId: tenant.id, actorId: "", ip: "", requestId: "", now };
    // every kind parses with its engine's schema (loadConfig refuses stored data that does not) at version 1
    for (const kind of CONFIG_KIND_VALUES) {
      expect((await loadConfig(ctx, kind)).version).toBe(1);
    }
    const assessments = await db.qualificationAssessment.findMany({
      where: { tenantId: tenant.id, isDraft: false },
      select: { id: true },
    });
    expect(assessments.length).toBeGreaterThan(5);
    for (const a of assessments) expect((await reproduceAssessment(ctx, a.id)).identical).toBe(true);
    // every seeded project's sign-off chain verifies (the seed signs with the app's own engine)
    const projects = await db.project.findMany({
      where: { tenantId: tenant.id, signOffs: { some: {} } },
      select: { id: true },
    });
    expect(projects.length).toBeGreaterThan(2);
    for (const p of projects) expect((await verifyProjectSignOffs(ctx, p.id)).firstBroken).toBeNull();
    // every demo tenant's audit trail is one intact hash chain (the database links the seed's rows too)
    for (const spec of DEMO_TENANTS) {
      const t = await db.tenant.findUniqueOrThrow({ where: { slug: spec.slug } });
      const audit = await verifyTenantAuditChain({ db, tenantId: t.id, now });
      expect(audit.firstBad).toBeNull();
      expect(audit.entries).toBeGreaterThan(5);
      expect(audit.headSeq).toBe(audit.entries);
    }
    // the demo's feasibility analyses come from the engine: the lead page recomputes the stored score
    const analysed = await db.feasibilityAnalysis.findMany({
      where: { tenantId: tenant.id },
      select: { leadId: true },
      distinct: ["leadId"],
    });
    expect(analysed.length).toBeGreaterThan(3);
    for (const { leadId } of analysed) {
      const latest = await latestFeasibilityFor(ctx, leadId);
      expect(latest?.result.feasibilityScore).toBe(latest?.storedScore);
    }
    // every demo guarantee follows docs/tiers-and-guarantees.md#guarantee-amount, and the chosen tier's card says the same amount
    const catalogue = (await loadConfig(ctx, "tiers")).data;
    const guaranteed = await db.project.findMany({
      where: { tenantId: tenant.id },
      select: { tierKey: true, contractValueCents: true, leadId: true, guarantee: { select: { amountCents: true } } },
    });
    expect(guaranteed.length).toBeGreaterThan(5);
    for (const p of guaranteed) {
      const amount = guaranteeAmount(catalogue.tiers[p.tierKey]?.guarantees, p.contractValueCents).amountCents;
      expect(p.guarantee?.amountCents).toBe(amount);
      if (!p.leadId) continue;
      const card = await db.tierRecommendation.findFirst({
        where: { leadId: p.leadId, chosen: true },
        select: { reasoning: true },
      });
      expect((card?.reasoning as { valueProposition?: string } | undefined)?.valueProposition).toContain(
        `Backed by a ${formatMoney(amount, DEFAULT_CURRENCY, "short")} refund guarantee`,
      );
    }
  });
});
