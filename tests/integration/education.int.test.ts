import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EDUCATION_LIBRARY, GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY } from "@/domain/education/library";
import { callerFor, createLeadFor, createTenantFixture, testDb, type TenantFixture, codeOf } from "../helpers/fixtures";

let f: TenantFixture;
let technicalId: string;
beforeAll(async () => {
  f = await createTenantFixture("edu");
  // a second stakeholder of account A, on the technical track
  const tech = await testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `cto-${f.tag}@example.com`,
      name: "Tess Tech",
      role: "CUSTOMER",
      customerAccountId: f.accountA.id,
      stakeholderRole: "TECHNICAL_LEAD",
    },
  });
  technicalId = tech.id;
});

describe("education plans (seed §1.3)", () => {
  it("a CSM plans an account's education: guarantee first, per-stakeholder tracks, spread over three days, audited", async () => {
    const csm = callerFor(f.users.CSM);
    const plan = await csm.education.createPlan({
      customerAccountId: f.accountA.id,
      serviceType: "MVP_DEVELOPMENT",
      background: "business",
    });
    expect(plan.items.slice(0, 2).map((i) => i.key)).toEqual([GUARANTEE_ITEM_KEY, OVERVIEW_ITEM_KEY]);

    const [stored] = await csm.education.plans({ customerAccountId: f.accountA.id });
    expect(stored?.progress.percent).toBe(0);
    const keysOf = (userId: string) =>
      stored?.deliveries.filter((d) => d.userId === userId).map((d) => d.item.key) ?? [];
    const business = keysOf(f.users.CUSTOMER.id);
    const technical = keysOf(technicalId);
    expect(business[0]).toBe(GUARANTEE_ITEM_KEY);
    // the technical lead gets the technical deep-dive; the product owner does not
    expect(technical).toContain("quality_gates_and_ci");
    expect(business).not.toContain("quality_gates_and_ci");
    const days = new Set(
      stored?.deliveries
        .filter((d) => d.userId === f.users.CUSTOMER.id)
        .map((d) => d.scheduledAt.toISOString().slice(0, 10)),
    );
    expect(days.size).toBeGreaterThanOrEqual(3);
    expect(await testDb().educationItem.count({ where: { tenantId: f.tenant.id } })).toBe(
      DEFAULT_EDUCATION_LIBRARY.length,
    );
    expect(
      await testDb().auditEvent.count({ where: { tenantId: f.tenant.id, action: "education.plan_created" } }),
    ).toBe(1);
  });

  it("a customer reads their items with the amounts filled in and marks one read; progress follows", async () => {
    const customer = callerFor(f.users.CUSTOMER);
    const mine = await customer.portal.education();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => !i.item.body.includes("{{"))).toBe(true);
    const first = mine.items[0];
    if (!first) throw new Error("no item");
    expect((await customer.portal.completeEducation({ deliveryId: first.id })).changed).toBe(true);
    // twice is harmless
    expect((await customer.portal.completeEducation({ deliveryId: first.id })).changed).toBe(false);
    const after = await customer.portal.education();
    expect(after.progress.completed).toBe(1);
    const [plan] = await callerFor(f.users.EXECUTIVE).education.plans({ customerAccountId: f.accountA.id });
    const po = plan?.progress.stakeholders.find((s) => s.stakeholderId === f.users.CUSTOMER.id);
    expect(po?.completed).toBe(1);
    expect(po?.name).toBe(f.users.CUSTOMER.name);
    expect(await testDb().auditEvent.count({ where: { tenantId: f.tenant.id, action: "education.completed" } })).toBe(
      1,
    );
  });

  it("another stakeholder's item, another account's and another tenant's read as not found", async () => {
    const [plan] = await callerFor(f.users.CSM).education.plans({ customerAccountId: f.accountA.id });
    const techItem = plan?.deliveries.find((d) => d.userId === technicalId);
    if (!techItem) throw new Error("no technical item");
    expect(await codeOf(callerFor(f.users.CUSTOMER).portal.completeEducation({ deliveryId: techItem.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(f.otherAccountCustomer).portal.completeEducation({ deliveryId: techItem.id }))).toBe(
      "NOT_FOUND",
    );
    const other = await createTenantFixture("edu-other");
    expect(await codeOf(callerFor(other.users.CSM).education.complete({ deliveryId: techItem.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.users.CSM).education.plans({ customerAccountId: f.accountA.id }))).toBe(
      "NOT_FOUND",
    );
    expect((await testDb().educationDelivery.findUniqueOrThrow({ where: { id: techItem.id } })).status).not.toBe(
      "COMPLETED",
    );
    // staff may record it for them
    expect((await callerFor(f.users.CSM).education.complete({ deliveryId: techItem.id })).changed).toBe(true);
  });

  it("bad input and a duplicate plan are refused with nothing written; a lead's plan goes to its primary contact", async () => {
    const csm = callerFor(f.users.CSM);
    const before = await testDb().educationPlan.count({ where: { tenantId: f.tenant.id } });
    expect(
      await codeOf(
        csm.education.createPlan({
          customerAccountId: f.accountA.id,
          serviceType: "MVP_DEVELOPMENT",
          background: "business",
        }),
      ),
    ).toBe("CONFLICT");
    const lead = await createLeadFor(f);
    for (const input of [
      { leadId: lead.id, customerAccountId: f.accountA.id, serviceType: "MVP_DEVELOPMENT", background: "business" },
      { serviceType: "MVP_DEVELOPMENT", background: "business" },
      { leadId: lead.id, serviceType: "SPACE_TRAVEL", background: "business" },
      { leadId: lead.id, serviceType: "MVP_DEVELOPMENT", background: "artistic" },
    ]) {
      expect(await codeOf(csm.education.createPlan(input as never))).toBe("BAD_REQUEST");
    }
    expect(
      await codeOf(
        csm.education.createPlan({ customerAccountId: "nope", serviceType: "MVP_DEVELOPMENT", background: "business" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await testDb().educationPlan.count({ where: { tenantId: f.tenant.id } })).toBe(before);
    await csm.education.createPlan({ leadId: lead.id, serviceType: "LEGACY_MODERNIZATION", background: "technical" });
    const [plan] = await csm.education.plans({ leadId: lead.id });
    expect(plan?.deliveries.every((d) => d.userId === null)).toBe(true);
    expect(plan?.deliveries.map((d) => d.item.key)).toContain("legacy_modernization_preparation");
  });
});
