import { beforeAll, describe, expect, it } from "vitest";
import { readJourneyPhases, readKickoffSteps } from "@/server/db/workflow-state";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

/**
 * The journey and the kickoff stamp their phases and steps with the request's clock, and the kickoff
 * writes the project's onboarding moment itself (docs/architecture.md#workflow-state): with an
 * injected `now`, every stored moment is that `now`, not the wall clock.
 */
let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("wfclock");
});

describe("workflow state and the injected clock", () => {
  it("a journey run to monitoring stamps every phase, kickoff step and the onboarding with ctx.now", async () => {
    // an odd moment in the recent past: the wall clock cannot produce it by accident
    const now = new Date(Date.now() - 3_723_457);
    const lead = await createLeadFor(f);
    const status = await callerFor(f.users.CSM, () => now).journeys.start({
      leadId: lead.id,
      answers: ALL_FULL_ANSWERS,
      request: SAMPLE_REQUEST,
      techLeadId: f.users.TECH_LEAD.id,
    });
    expect(status.status).toBe("MONITORING");

    const journey = await testDb().journey.findUniqueOrThrow({ where: { leadId: lead.id } });
    const phases = readJourneyPhases(journey.phases);
    const iso = now.toISOString();
    for (const p of phases) {
      expect(p.startedAt, p.phase).toBe(iso);
      if (p.phase !== "monitoring") expect(p.finishedAt, p.phase).toBe(iso);
    }
    const project = await testDb().project.findUniqueOrThrow({ where: { id: status.projectId ?? "" } });
    expect(readKickoffSteps(project.kickoff).map((s) => [s.phase, s.status, s.startedAt, s.finishedAt])).toEqual(
      ["setup", "delivery_team", "environments", "stakeholder_onboarding", "guarantee_activation", "launch"].map(
        (phase) => [phase, "completed", iso, iso],
      ),
    );
    expect(project.onboardedAt).toEqual(now);
  });

  it("a project whose kickoff has not finished is not onboarded", async () => {
    const project = await testDb().project.create({
      data: {
        tenantId: f.tenant.id,
        customerAccountId: f.accountA.id,
        name: `Not launched ${f.tag}`,
        serviceType: "MVP_DEVELOPMENT",
        tierKey: "startup_mvp",
        contractValueCents: 100,
        startDate: new Date(),
        targetEndDate: new Date(),
      },
      select: { onboardedAt: true },
    });
    expect(project.onboardedAt).toBeNull();
  });
});
