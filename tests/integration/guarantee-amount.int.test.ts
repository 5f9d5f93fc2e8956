import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { describe, expect, it } from "vitest";
import { type TierCatalogue } from "@/domain/tiers/config";
import { callerFor, createTenantFixture, kickedOffProject, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * One guarantee amount from the tier card to the guarantee page (docs/tiers-and-guarantees.md): the
 * tier's refund cap, never more than the contract value.
 */
async function oneProject(f: TenantFixture) {
  const started = await kickedOffProject(f);
  const project = await testDb().project.findUniqueOrThrow({
    where: { id: started.projectId },
    include: { guarantee: true },
  });
  const card = await callerFor(f.users.CSM).tiers.latest({ leadId: started.leadId });
  const chosen = card.tiers.find((t) => t.chosen);
  const page = await callerFor(f.users.TECH_LEAD).guarantees.forProject({ projectId: project.id });
  return { started, project, chosen, page };
}

describe("the guarantee amount", () => {
  it("is the contract value when the tier's refund cap is above it, on the tier card, the kickoff and the guarantee page", async () => {
    const f = await createTenantFixture("gamount");
    const { started, project, chosen, page } = await oneProject(f);
    const contract = project.contractValueCents;
    expect(chosen?.priceCents).toBe(contract);
    expect(chosen?.valueProposition).toContain(
      `Backed by a ${formatMoney(contract, DEFAULT_CURRENCY, "short")} refund guarantee`,
    );
    expect(started.plan?.guarantee.amountCents).toBe(contract);
    expect(project.guarantee?.amountCents).toBe(contract);
    expect(JSON.stringify(page)).toContain(`"amountCents":${contract}`);
  });

  it("is the tier's refund cap when the tenant set it below the contract value", async () => {
    const f = await createTenantFixture("gcap");
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "tiers" });
    const data = structuredClone(current.data) as TierCatalogue;
    for (const tier of Object.values(data.tiers)) tier.guarantees.refundAmountCents = 5_000_000;
    await admin.config.update({ kind: "tiers", data, expectedVersion: current.version });

    const { started, project, chosen } = await oneProject(f);
    expect(project.contractValueCents).toBeGreaterThan(5_000_000);
    expect(chosen?.valueProposition).toContain("Backed by a $50,000 refund guarantee");
    expect(started.plan?.guarantee.amountCents).toBe(5_000_000);
    expect(started.plan?.guarantee.reasons[0]).toContain("refund cap");
    expect(project.guarantee?.amountCents).toBe(5_000_000);
  });
});
