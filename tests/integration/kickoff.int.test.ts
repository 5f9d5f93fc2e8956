import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_KICKOFF_CONFIG } from "@/domain/kickoff/config";
import { DEFAULT_MILESTONES_CONFIG } from "@/domain/milestones/config";
import { listEmailsTo } from "@/server/db/outbox";
import { readKickoffSteps } from "@/server/db/workflow-state";
import {
  callerFor,
  createTenantFixture,
  kickedOffProject,
  leadThrough,
  testDb,
  type TenantFixture,
  codeOf,
  shapeOf,
} from "../helpers/fixtures";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("kick");
});

async function countsFor(tenantId: string) {
  const db = testDb();
  return {
    accounts: await db.customerAccount.count({ where: { tenantId } }),
    projects: await db.project.count({ where: { tenantId } }),
    team: await db.teamAssignment.count({ where: { tenantId } }),
    environments: await db.environment.count({ where: { tenantId } }),
    guarantees: await db.guarantee.count({ where: { tenantId } }),
    milestones: await db.milestone.count({ where: { tenantId } }),
    users: await db.user.count({ where: { tenantId } }),
    outbox: await db.outboxMessage.count({ where: { tenantId } }),
  };
}

describe("project kickoff (seed §4.1)", () => {
  it("turns a lead with a chosen tier into an account and a project in six recorded phases", async () => {
    const started = await kickedOffProject(f, [
      { name: "Pat Owner", email: `pat-${f.tag}@example.com`, stakeholderRole: "PRODUCT_OWNER", isApprover: true },
    ]);
    expect(started.alreadyKickedOff).toBe(false);
    const db = testDb();
    const project = await db.project.findUniqueOrThrow({
      where: { id: started.projectId },
      include: {
        team: true,
        environments: true,
        guarantee: true,
        milestones: { include: { criteria: true }, orderBy: { weekNumber: "asc" } },
        journey: true,
      },
    });
    expect(project.status).toBe("ACTIVE");
    expect(readKickoffSteps(project.kickoff).map((p) => [p.phase, p.status])).toEqual([
      ["setup", "completed"],
      ["delivery_team", "completed"],
      ["environments", "completed"],
      ["stakeholder_onboarding", "completed"],
      ["guarantee_activation", "completed"],
      ["launch", "completed"],
    ]);
    // docs/domain.md#kickoff: the service type's required roles, plus the UI specialist because the project has UI requirements
    const team = DEFAULT_KICKOFF_CONFIG.teams[project.serviceType];
    expect(project.team.map((t) => t.role)).toEqual(
      expect.arrayContaining([...team.required.map((r) => r.role), "ui_ux_specialist"]),
    );
    expect(project.team.map((t) => t.role)).not.toContain("security_specialist");
    expect(project.environments.map((e) => e.kind).sort()).toEqual(["DEVELOPMENT", "PRODUCTION", "STAGING"]);
    expect(project.guarantee?.amountCents).toBe(project.contractValueCents);
    expect(
      project.guarantee && (project.guarantee.endsAt.getTime() - project.guarantee.startsAt.getTime()) / 86_400_000,
    ).toBe(30);
    const template = DEFAULT_MILESTONES_CONFIG.templates[project.serviceType];
    expect(project.milestones.map((m) => m.title)).toEqual(template.map((t) => t.title));
    const [week1] = project.milestones;
    expect(week1 && (week1.dueDate.getTime() - project.startDate.getTime()) / 86_400_000).toBe(7);
    expect(week1?.criteria.map((c) => c.weight)).toEqual(template[0]?.criteria.map((c) => c.weight));
    expect(project.journey?.status).toBe("MONITORING");
    const lead = await db.lead.findUniqueOrThrow({ where: { id: started.leadId } });
    expect(lead.stage).toBe("CONVERTED");
    expect(lead.customerAccountId).toBe(project.customerAccountId);
    const invited = await db.user.findUniqueOrThrow({ where: { email: `pat-${f.tag}@example.com` } });
    expect(invited.customerAccountId).toBe(project.customerAccountId);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `invite/${invited.id}` } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { tenantId: f.tenant.id, action: "project.kicked_off", entityId: project.id },
      }),
    ).toBe(1);
  });

  it("a technical lead records an environment's status and URL; bad URLs and other tenants are refused", async () => {
    const { projectId } = await kickedOffProject(f);
    const staging = await testDb().environment.findFirstOrThrow({ where: { projectId, kind: "STAGING" } });
    const lead = callerFor(f.users.TECH_LEAD);
    await lead.projects.updateEnvironment({
      environmentId: staging.id,
      status: "READY",
      url: "https://staging.example.com",
    });
    expect(await testDb().environment.findUniqueOrThrow({ where: { id: staging.id } })).toMatchObject({
      status: "READY",
      url: "https://staging.example.com",
    });
    for (const url of ["javascript:alert(1)", "not a url", "ftp://files.example.com"]) {
      expect(
        await codeOf(lead.projects.updateEnvironment({ environmentId: staging.id, status: "READY", url })),
        url,
      ).toBe("BAD_REQUEST");
    }
    const other = await createTenantFixture("kick-env");
    expect(
      await codeOf(
        callerFor(other.users.TECH_LEAD).projects.updateEnvironment({
          environmentId: staging.id,
          status: "FAILED",
          url: null,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await testDb().environment.findUniqueOrThrow({ where: { id: staging.id } })).status).toBe("READY");
    expect(await testDb().auditEvent.count({ where: { entityId: staging.id, action: "environment.updated" } })).toBe(1);
  });

  it("is idempotent: kicking off the same lead again returns the first project", async () => {
    const first = await kickedOffProject(f);
    const again = await callerFor(f.users.CSM).kickoff.start({ leadId: first.leadId });
    expect(again).toMatchObject({ projectId: first.projectId, alreadyKickedOff: true });
    expect(await testDb().project.count({ where: { leadId: first.leadId } })).toBe(1);
  });

  it("a failure in a phase leaves nothing half-made, records the failed phase, and can be retried", async () => {
    const { leadId } = await leadThrough(f, "proposal");
    const before = await countsFor(f.tenant.id);
    // the staff CSM's address is taken: the stakeholder phase fails after setup, team and environments ran
    const taken = { name: "Dup", email: f.users.CSM.email, stakeholderRole: "MEMBER" as const, isApprover: false };
    expect(await codeOf(callerFor(f.users.CSM).kickoff.start({ leadId, stakeholders: [taken] }))).toBe("CONFLICT");
    expect(await countsFor(f.tenant.id)).toEqual(before);
    const status = await callerFor(f.users.CSM).kickoff.status({ leadId });
    expect(status?.journey?.status).toBe("FAILED");
    expect(status?.journey?.currentPhase).toBe("kickoff");
    expect(status?.kickoff?.steps.map((p) => [p.phase, p.status])).toEqual([
      ["setup", "completed"],
      ["delivery_team", "completed"],
      ["environments", "completed"],
      ["stakeholder_onboarding", "failed"],
      ["guarantee_activation", "pending"],
      ["launch", "pending"],
    ]);
    expect((await testDb().lead.findUniqueOrThrow({ where: { id: leadId } })).stage).toBe("PROPOSAL");
    const retried = await callerFor(f.users.CSM).kickoff.start({
      leadId,
      stakeholders: [{ ...taken, email: `fixed-${f.tag}@example.com` }],
    });
    expect(retried.alreadyKickedOff).toBe(false);
    expect((await callerFor(f.users.CSM).kickoff.status({ leadId }))?.journey?.status).toBe("MONITORING");
  });

  it("answers a stakeholder with an account in another workspace like an unknown address; that person is told", async () => {
    const other = await createTenantFixture("kick-elsewhere");
    const elsewhere = other.users.CSM.email;
    const row = { name: "Sam", stakeholderRole: "MEMBER" as const, isApprover: false };
    const fresh = await kickedOffProject(f, [{ ...row, email: `sam-${f.tag}@example.com` }]);
    const taken = await kickedOffProject(f, [{ ...row, email: elsewhere.toUpperCase() }]);
    // the same answer and the same recorded kickoff: nothing says the address is known elsewhere
    expect(Object.keys(taken).sort()).toEqual(Object.keys(fresh).sort());
    expect(taken.alreadyKickedOff).toBe(false);
    expect(JSON.stringify(taken)).not.toContain(other.tenant.id);
    const detailOf = async (leadId: string) =>
      (await callerFor(f.users.CSM).kickoff.status({ leadId }))?.kickoff?.steps.map((s) => [
        s.phase,
        s.status,
        s.detail,
      ]);
    expect(await detailOf(taken.leadId)).toEqual(await detailOf(fresh.leadId));
    // the account stays where it was; no user is created in this workspace
    expect(await testDb().user.findUniqueOrThrow({ where: { email: elsewhere } })).toMatchObject({
      tenantId: other.tenant.id,
      role: "CSM",
    });
    expect(await testDb().user.count({ where: { customerAccountId: taken.customerAccountId } })).toBe(0);
    // the person is told someone tried to invite them (no sign-in link), recorded with the address hashed
    const [mail] = await listEmailsTo(testDb(), elsewhere, 1);
    expect(mail?.subject).toBe("Someone tried to invite you to Onward");
    expect(mail?.bodyText).toContain(f.tenant.name);
    expect(mail?.bodyText).not.toContain("/login");
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "user.invite_to_existing_account", tenantId: null },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(audit.after)).not.toContain(elsewhere);
    expect(audit.after).toMatchObject({ invitingTenantId: f.tenant.id, emailSha256: sha256(elsewhere) });
  });

  it("names the stakeholder row whose address is already a user of this workspace", async () => {
    const { leadId } = await leadThrough(f, "proposal");
    const rows = [
      { name: "New", email: `new-${f.tag}@example.com`, stakeholderRole: "MEMBER" as const, isApprover: false },
      { name: "Dup", email: f.users.TECH_LEAD.email, stakeholderRole: "MEMBER" as const, isApprover: false },
    ];
    const shape = await shapeOf(callerFor(f.users.CSM).kickoff.start({ leadId, stakeholders: rows }), "kickoff.start");
    expect(shape?.data.code).toBe("CONFLICT");
    expect(shape?.message).toMatch(/already a user of this workspace/);
    expect(shape?.data.fieldErrors).toEqual({ "stakeholders.1.email": "Already a user of this workspace" });
  });

  it("refuses a lead without a chosen tier, bad input and another tenant's lead, writing nothing", async () => {
    const csm = callerFor(f.users.CSM);
    const before = await countsFor(f.tenant.id);
    const { leadId: noTier } = await leadThrough(f, "recommended");
    expect(await codeOf(csm.kickoff.start({ leadId: noTier }))).toBe("BAD_REQUEST");
    const { leadId } = await leadThrough(f, "proposal");
    for (const input of [
      { leadId, startDate: "2020-01-01" },
      { leadId, startDate: "2026-02-30" },
      { leadId, startDate: "tomorrow" },
      { leadId, techLeadId: f.users.CSM.id },
      { leadId, stakeholders: [{ name: "", email: "x@example.com", stakeholderRole: "MEMBER" }] },
      { leadId, stakeholders: [{ name: "A", email: "not-an-email", stakeholderRole: "MEMBER" }] },
      {
        leadId,
        stakeholders: [
          { name: "A", email: "a@example.com", stakeholderRole: "MEMBER" },
          { name: "B", email: "A@example.com", stakeholderRole: "MEMBER" },
        ],
      },
      { leadId, projectName: "x" },
    ]) {
      expect(await codeOf(csm.kickoff.start(input as never)), JSON.stringify(input)).toBe("BAD_REQUEST");
    }
    const other = await createTenantFixture("kick-other");
    expect(await codeOf(callerFor(other.users.CSM).kickoff.start({ leadId }))).toBe("NOT_FOUND");
    const after = await countsFor(f.tenant.id);
    // leadThrough wrote leads and assessments, no kickoff rows
    expect({ ...after, users: before.users, outbox: before.outbox }).toEqual({ ...before });
  });
});
