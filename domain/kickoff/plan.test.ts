import { describe, expect, it } from "vitest";
import { DEFAULT_KICKOFF_CONFIG, type KickoffConfig } from "./config";
import { planKickoff, roleLabel, type KickoffInput } from "./plan";

const START = new Date("2026-03-02T09:00:00.000Z");
const MVP: KickoffInput = {
  serviceType: "MVP_DEVELOPMENT",
  tierKey: "startup_mvp",
  contractValueCents: 9_500_000,
  requirements: { hasUiRequirements: false, hasComplianceRequirements: false },
  startDate: START,
};

describe("planKickoff", () => {
  it("assembles the seed's mvp team: 7 FTE, velocity from the 4 FTE that build features", () => {
    const p = planKickoff(MVP);
    expect(p.team.map((m) => [m.role, m.specialization, m.capacity, m.required])).toEqual([
      ["requirements_analyst", "business_requirements", 1, true],
      ["solution_architect", "full_stack", 1, true],
      ["full_stack_developer", "frontend_backend", 3, true],
      ["qa_engineer", "automated_testing", 1, true],
      ["devops_engineer", "ci_cd_deployment", 1, true],
    ]);
    expect(p.teamCapacity).toBe(7);
    expect(p.teamCapacityReason).toBe(
      "7 FTE = Requirements analyst 1 + Solution architect 1 + Full stack developer 3 + QA engineer 1 + DevOps engineer 1",
    );
    expect(p.estimatedVelocity.pointsPerWeek).toBe(32);
    expect(p.estimatedVelocity.reason).toBe(
      "4 FTE building features (Full stack developer 3, QA engineer 1) × 8 points per FTE-week = 32 points a week",
    );
    expect(p.notes).toEqual([
      "UI/UX specialist not added: no UI requirements",
      "Security specialist not added: no compliance requirements",
    ]);
  });

  it("adds the optional roles when their condition holds, with the reason", () => {
    const p = planKickoff({ ...MVP, requirements: { hasUiRequirements: true, hasComplianceRequirements: true } });
    expect(p.team.filter((m) => !m.required).map((m) => [m.role, m.capacity, m.reason])).toEqual([
      ["ui_ux_specialist", 0.5, "added because the project has UI requirements"],
      ["security_specialist", 0.5, "added because the project has compliance requirements"],
    ]);
    expect(p.teamCapacity).toBe(8);
    expect(p.estimatedVelocity.pointsPerWeek).toBe(36);
    expect(p.notes).toEqual([]);
  });

  it("uses the tech stack as the architect's specialization (seed §4.1)", () => {
    const p = planKickoff({ ...MVP, techStack: ["Next.js", " PostgreSQL "] });
    expect(p.team.find((m) => m.role === "solution_architect")?.specialization).toBe("Next.js, PostgreSQL");
    expect(p.team.find((m) => m.role === "full_stack_developer")?.specialization).toBe("frontend_backend");
  });

  it("adds the tier's extra roles (seed §2.1) and ignores unknown tiers", () => {
    const enterprise = planKickoff({ ...MVP, tierKey: "enterprise_mvp" });
    expect(enterprise.team.at(-1)).toMatchObject({ role: "enterprise_architect", capacity: 0.5, required: true });
    expect(enterprise.teamCapacity).toBe(7.5);
    const legacy = planKickoff({
      ...MVP,
      serviceType: "LEGACY_MODERNIZATION",
      tierKey: "legacy_modernization_accelerated",
    });
    expect(legacy.team.slice(-2).map((m) => m.role)).toEqual(["legacy_specialist", "security_expert"]);
    expect(planKickoff({ ...MVP, tierKey: "custom_tier" }).team).toHaveLength(5);
  });

  it("does not add a tier role the team already has", () => {
    const config: KickoffConfig = {
      ...DEFAULT_KICKOFF_CONFIG,
      tierRoles: { startup_mvp: [{ role: "qa_engineer", specialization: "x", capacity: 1, buildsFeatures: true }] },
    };
    const p = planKickoff(MVP, config);
    expect(p.team.filter((m) => m.role === "qa_engineer")).toHaveLength(1);
    expect(p.notes).toContain("QA engineer from the chosen tier is already on the team");
  });

  it("plans a team for every service type", () => {
    for (const serviceType of ["MVP_DEVELOPMENT", "LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"] as const) {
      const p = planKickoff({ ...MVP, serviceType });
      expect(p.team.length).toBeGreaterThan(0);
      expect(p.estimatedVelocity.pointsPerWeek).toBeGreaterThan(0);
    }
    expect(planKickoff({ ...MVP, serviceType: "TEAM_AUGMENTATION" }).teamCapacity).toBe(3);
  });

  it("activates a 30-day guarantee for the contract value at 85, or at the tier's threshold", () => {
    const p = planKickoff(MVP);
    expect(p.guarantee).toMatchObject({ amountCents: 9_500_000, successThreshold: 85, startsAt: START });
    expect(p.guarantee.endsAt.toISOString()).toBe("2026-04-01T09:00:00.000Z");
    expect(p.guarantee.reasons[0]).toBe(
      "Guarantee amount $95,000: the contract value (the tier is no longer in the catalogue).",
    );
    const tier = planKickoff({ ...MVP, successThreshold: 80 });
    expect(tier.guarantee.successThreshold).toBe(80);
    expect(tier.guarantee.reasons[1]).toBe("Success threshold 80 from the chosen tier");
  });

  it("guarantees the tier's refund cap, never more than the contract value (docs/tiers-and-guarantees.md)", () => {
    const within = planKickoff({ ...MVP, tierGuarantee: { deliveryGuarantee: true, refundAmountCents: 15_000_000 } });
    expect(within.guarantee.amountCents).toBe(9_500_000);
    expect(within.guarantee.reasons[0]).toBe(
      "Guarantee amount $95,000: the contract value, within the tier's $150,000 refund cap.",
    );
    const capped = planKickoff({ ...MVP, tierGuarantee: { deliveryGuarantee: true, refundAmountCents: 5_000_000 } });
    expect(capped.guarantee.amountCents).toBe(5_000_000);
    expect(capped.guarantee.reasons[0]).toBe(
      "Guarantee amount $50,000: the tier's refund cap, below the $95,000 contract value.",
    );
    expect(
      planKickoff({ ...MVP, tierGuarantee: { deliveryGuarantee: false, refundAmountCents: 15_000_000 } }).guarantee
        .amountCents,
    ).toBe(0);
  });

  it("lists the environments as pending, the first milestone at +7 days, the six phases in order", () => {
    const p = planKickoff(MVP);
    expect(p.environments).toEqual([
      { kind: "DEVELOPMENT", status: "PENDING" },
      { kind: "STAGING", status: "PENDING" },
      { kind: "PRODUCTION", status: "PENDING" },
    ]);
    expect(p.firstMilestoneDate.toISOString()).toBe("2026-03-09T09:00:00.000Z");
    expect(p.phases).toEqual([
      "setup",
      "delivery_team",
      "environments",
      "stakeholder_onboarding",
      "guarantee_activation",
      "launch",
    ]);
  });

  it("refuses fractional or negative cents, an invalid date and a threshold off 0–100", () => {
    expect(() => planKickoff({ ...MVP, contractValueCents: 10.5 })).toThrow(RangeError);
    expect(() => planKickoff({ ...MVP, contractValueCents: -1 })).toThrow(RangeError);
    expect(() => planKickoff({ ...MVP, startDate: new Date("nope") })).toThrow(RangeError);
    expect(() => planKickoff({ ...MVP, successThreshold: 120 })).toThrow(RangeError);
  });

  it("labels roles for people", () => {
    expect(roleLabel("ui_ux_specialist")).toBe("UI/UX specialist");
    expect(roleLabel("devops_engineer")).toBe("DevOps engineer");
  });
});
