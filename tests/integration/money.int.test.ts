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
} from "../helpers/fixtures";

/** Money columns hold a 32-bit integer of cents: larger amounts are refused as bad input (docs/money.md). */

const FIFTY_MILLION_CENTS = 5_000_000_000;

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("money");
});

describe("an amount above what a money column holds", () => {
  it("a $50M lead is a 400 naming the largest amount, and nothing is written", async () => {
    const csm = callerFor(f.users.CSM);
    const before = await testDb().lead.count({ where: { tenantId: f.tenant.id } });
    const shape = await shapeOf(
      csm.leads.create({
        company: "Huge Co",
        contactName: "Hu Ge",
        contactEmail: "huge@example.com",
        estimatedValueCents: FIFTY_MILLION_CENTS,
      }),
      "leads.create",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("21,474,836.47");
    expect(await testDb().lead.count({ where: { tenantId: f.tenant.id } })).toBe(before);
  });

  it("a $50M tier price is a 400 naming the largest amount; the configuration stays as it was", async () => {
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "tiers" });
    const data = structuredClone(current.data) as { tiers: Record<string, { priceRangeCents: [number, number] }> };
    for (const tier of Object.values(data.tiers)) tier.priceRangeCents = [FIFTY_MILLION_CENTS, FIFTY_MILLION_CENTS];
    const shape = await shapeOf(
      admin.config.update({ kind: "tiers", data, expectedVersion: current.version }),
      "config.update",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("21,474,836.47");
    expect((await admin.config.get({ kind: "tiers" })).version).toBe(current.version);

    // and so recommending tiers still stores prices a column can hold
    const csm = callerFor(f.users.CSM);
    const lead = await createLeadFor(f);
    await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    await csm.feasibility.analyze({ leadId: lead.id, request: SAMPLE_REQUEST });
    const rec = await csm.tiers.recommend({ leadId: lead.id });
    expect(rec.result.tiers.every((t) => t.price.cents <= 2_147_483_647)).toBe(true);
  });

  it("a feasibility budget of $1e15 (1e17 cents) is refused as too large, not as a fraction", async () => {
    const csm = callerFor(f.users.CSM);
    const lead = await createLeadFor(f);
    await csm.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    const shape = await shapeOf(
      csm.feasibility.analyze({ leadId: lead.id, request: { ...SAMPLE_REQUEST, budgetCents: 1e17 } }),
      "feasibility.analyze",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("21,474,836.47");
    expect(await testDb().feasibilityAnalysis.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("the workspace's currency", () => {
  it("comes with a guarantee so its amounts are formatted in it", async () => {
    const eur = await createTenantFixture("money-eur");
    await testDb().tenant.update({ where: { id: eur.tenant.id }, data: { currency: "EUR" } });
    const { projectId } = await kickedOffProject(eur);
    const g = await callerFor(eur.users.CSM).guarantees.forProject({ projectId });
    expect(g.currency).toBe("EUR");
  });
});
