import { beforeAll, describe, expect, it } from "vitest";
import {
  ALL_FULL_ANSWERS,
  SAMPLE_REQUEST,
  callerFor,
  createLeadFor,
  createTenantFixture,
  testDb,
  type TenantFixture,
  codeOf,
} from "../helpers/fixtures";

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("journey");
});

describe("customer journey orchestrator (seed §6)", () => {
  it("a low-scoring lead stops at qualification with the score and what would raise it", async () => {
    const lead = await createLeadFor(f);
    const status = await callerFor(f.users.CSM).journeys.start({
      leadId: lead.id,
      answers: { clear_requirements: "full", budget_defined: "partial" },
    });
    expect(status.status).toBe("STOPPED");
    expect(status.currentPhase).toBe("qualification");
    const q = status.phases.find((p) => p.phase === "qualification");
    expect(q?.reasons[0]).toMatch(/^Score \d+(\.\d)? < 60$/);
    expect(q?.reasons.length).toBeGreaterThan(1);
    expect(q?.recoveryActions?.length).toBeGreaterThan(0);
    expect(status.phases.filter((p) => p.status === "pending").map((p) => p.phase)).toEqual([
      "feasibility",
      "tier_recommendation",
      "education",
      "kickoff",
      "monitoring",
    ]);
    expect(status.overallProgress).toBe(0);
    expect((await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("UNQUALIFIED");
  });

  it("a qualified, feasible lead runs every phase to monitoring with a computed status; starting again is idempotent", async () => {
    const lead = await createLeadFor(f);
    const csm = callerFor(f.users.CSM);
    const status = await csm.journeys.start({
      leadId: lead.id,
      answers: ALL_FULL_ANSWERS,
      request: SAMPLE_REQUEST,
      techLeadId: f.users.TECH_LEAD.id,
    });
    expect(status.status).toBe("MONITORING");
    expect(status.phases.map((p) => p.status)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
      "completed",
      "in_progress",
    ]);
    expect(status.projectId).not.toBeNull();
    expect(status.overallProgress).toBe(50); // five set-up phases, no week met yet
    expect(status.nextMilestone?.weekNumber).toBe(1);
    expect(status.successMetrics.currentScore).toBeNull();
    expect(await testDb().educationPlan.count({ where: { leadId: lead.id } })).toBe(1);
    expect((await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } })).stage).toBe("CONVERTED");
    const again = await csm.journeys.start({ leadId: lead.id });
    expect(again.journeyId).toBe(status.journeyId);
    expect(await testDb().project.count({ where: { leadId: lead.id } })).toBe(1);
    // the status follows the project: a met week moves progress and the success score
    const week1 = await testDb().milestone.findFirstOrThrow({
      where: { projectId: status.projectId ?? "", weekNumber: 1 },
    });
    await testDb().milestone.update({ where: { id: week1.id }, data: { status: "SUCCESS", score: 92 } });
    const after = await callerFor(f.users.EXECUTIVE).journeys.status({ journeyId: status.journeyId });
    expect(after.overallProgress).toBeGreaterThan(50);
    expect(after.successMetrics).toMatchObject({ currentScore: 92, onTrack: true, riskLevel: "low" });
  });

  it("an infeasible request stops at feasibility with the blockers", async () => {
    const lead = await createLeadFor(f);
    const request = {
      ...SAMPLE_REQUEST,
      timelineWeeks: 1,
      budgetCents: 100_000,
      teamSize: 0,
      requirements: Array.from({ length: 60 }, (_, i) => `Requirement ${i + 1}`),
    };
    const status = await callerFor(f.users.CSM).journeys.start({ leadId: lead.id, answers: ALL_FULL_ANSWERS, request });
    expect(status.status).toBe("STOPPED");
    expect(status.currentPhase).toBe("feasibility");
    expect(status.phases.find((p) => p.phase === "feasibility")?.reasons[0]).toMatch(/^Feasibility [\d.]+ < 70$/);
  });

  it("a failed kickoff is recorded with its step and recovery actions, then resumes from there", async () => {
    const lead = await createLeadFor(f);
    const csm = callerFor(f.users.CSM);
    const taken = {
      name: "Dup",
      email: f.users.EXECUTIVE.email,
      stakeholderRole: "MEMBER" as const,
      isApprover: false,
    };
    const failed = await csm.journeys.start({
      leadId: lead.id,
      answers: ALL_FULL_ANSWERS,
      request: SAMPLE_REQUEST,
      stakeholders: [taken],
    });
    expect(failed.status).toBe("FAILED");
    expect(failed.currentPhase).toBe("kickoff");
    const kickoff = failed.phases.find((p) => p.phase === "kickoff");
    expect(kickoff?.steps?.find((s) => s.status === "failed")?.phase).toBe("stakeholder_onboarding");
    expect(kickoff?.recoveryActions?.length).toBeGreaterThan(0);
    expect(await testDb().project.count({ where: { leadId: lead.id } })).toBe(0);
    const assessments = await testDb().qualificationAssessment.count({ where: { leadId: lead.id } });
    const resumed = await csm.journeys.start({
      leadId: lead.id,
      stakeholders: [{ ...taken, email: `ok-${f.tag}@example.com` }],
    });
    expect(resumed.status).toBe("MONITORING");
    // completed phases were not run again
    expect(await testDb().qualificationAssessment.count({ where: { leadId: lead.id } })).toBe(assessments);
  });

  it("bad answers write nothing; other tenants and unknown ids read not found", async () => {
    const lead = await createLeadFor(f);
    expect(await codeOf(callerFor(f.users.CSM).journeys.start({ leadId: lead.id, answers: { vibes: "full" } }))).toBe(
      "BAD_REQUEST",
    );
    expect(await testDb().journey.count({ where: { leadId: lead.id } })).toBe(0);
    const other = await createTenantFixture("journey-other");
    expect(await codeOf(callerFor(other.users.CSM).journeys.start({ leadId: lead.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(f.users.CSM).journeys.status({ journeyId: "nope" }))).toBe("NOT_FOUND");
    const list = await callerFor(f.users.EXECUTIVE).journeys.list({});
    expect(list.rows.every((j) => j.lead.company.includes(f.tag))).toBe(true);
  });
});
