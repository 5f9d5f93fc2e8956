import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { journeyStatusFor } from "@/server/services/journeys";
import { saveJourney } from "@/server/db/journeys";
import { createTenantFixture, testDb } from "../helpers/fixtures";

/** A journey's phases tell one story: a kicked-off journey has every phase before the kickoff done. */
describe("demo journeys", () => {
  it("show the tier recommendation completed wherever education and kickoff are", async () => {
    const db = testDb();
    const now = new Date();
    await seedDemo(db, now);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
    const ctx = { db, tenantId: tenant.id, actorId: "", ip: "", requestId: "", now };
    const journeys = await db.journey.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
    expect(journeys.length).toBeGreaterThan(0);
    for (const j of journeys) {
      const status = await journeyStatusFor(ctx, j.id);
      const phase = (name: string) => status.phases.find((p) => p.phase === name)?.status;
      if (phase("kickoff") === "completed") {
        expect({ journey: j.id, phases: status.phases.map((p) => [p.phase, p.status]) }).toMatchObject({
          phases: expect.arrayContaining([
            ["qualification", "completed"],
            ["feasibility", "completed"],
            ["tier_recommendation", "completed"],
            ["education", "completed"],
          ]) as unknown[],
        });
      }
    }
  });
});

describe("a journey row", () => {
  it("is written only within its own workspace: another tenant's id with the same lead changes nothing", async () => {
    const db = testDb();
    const at = new Date("2026-12-01T10:00:00Z");
    const [a, b] = await Promise.all([createTenantFixture("journey-scope-a"), createTenantFixture("journey-scope-b")]);
    const lead = await db.lead.create({
      data: { tenantId: a.tenant.id, company: "Scoped Co", contactName: "Sam", contactEmail: "sam@scoped.test" },
    });
    const row = {
      leadId: lead.id,
      projectId: null,
      status: "IN_PROGRESS" as const,
      currentPhase: "qualification",
      phases: [],
      error: null,
      at,
    };
    await saveJourney(db, { ...row, tenantId: a.tenant.id });
    // refused or a no-op, whichever the database does: never a write into workspace A's journey
    await saveJourney(db, { ...row, tenantId: b.tenant.id, error: "written by another tenant" }).catch(() => undefined);
    expect(await db.journey.count({ where: { tenantId: b.tenant.id } })).toBe(0);
    const journey = await db.journey.findUniqueOrThrow({ where: { leadId: lead.id } });
    expect(journey).toMatchObject({ tenantId: a.tenant.id, error: null });
  });
});
