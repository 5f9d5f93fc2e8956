import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { journeyStatusFor } from "@/server/services/journeys";
import { testDb } from "../helpers/fixtures";

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
