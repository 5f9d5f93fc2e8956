import { describe, expect, expectTypeOf, it } from "vitest";
import type { TierProfile } from "@/domain/tiers/recommend";
import { ZChooseTierSchema, ZRecommendTiersSchema, ZTierProfileSchema, type TierProfileInput } from "./tiers";

const messageAt = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, path: string) =>
  result.error?.issues.find((i) => i.path.map(String).join(".") === path)?.message;

const profile = {
  serviceType: "MVP_DEVELOPMENT",
  teamSize: 5,
  budgetCents: 10_000_000,
  timelineWeeks: 6,
  complexity: "low",
  complianceRequired: false,
  requirementsCount: 12,
  integrationsCount: 2,
} as const;

describe("ZRecommendTiersSchema / ZChooseTierSchema", () => {
  it("accepts a lead id and a tier key", () => {
    expect(ZRecommendTiersSchema.parse({ leadId: "lead_1" })).toEqual({ leadId: "lead_1" });
    expect(ZChooseTierSchema.parse({ leadId: "lead_1", tierKey: " startup_mvp " })).toEqual({
      leadId: "lead_1",
      tierKey: "startup_mvp",
    });
  });

  it.each([{}, { leadId: "" }, { leadId: "   " }, { leadId: 42 }, { leadId: "x".repeat(65) }])(
    "refuses the lead %j",
    (input) => {
      expect(ZRecommendTiersSchema.safeParse(input).success).toBe(false);
    },
  );

  it("refuses a blank, too long or non-string tier key", () => {
    expect(messageAt(ZChooseTierSchema.safeParse({ leadId: "l", tierKey: "  " }), "tierKey")).toBe("Choose a tier");
    expect(messageAt(ZChooseTierSchema.safeParse({ leadId: "l", tierKey: "t".repeat(65) }), "tierKey")).toBe(
      "Tier keys are at most 64 characters",
    );
    expect(ZChooseTierSchema.safeParse({ leadId: "l", tierKey: 7 }).success).toBe(false);
    expect(ZChooseTierSchema.safeParse({ leadId: "l", tierKey: "t".repeat(64) }).success).toBe(true);
  });
});

describe("ZTierProfileSchema", () => {
  it("accepts a profile the engine can score", () => {
    const parsed = ZTierProfileSchema.parse({ ...profile, companySize: "startup" });
    expectTypeOf(parsed).toExtend<TierProfile>();
    expectTypeOf<TierProfileInput>().toExtend<TierProfile>();
    expect(parsed.companySize).toBe("startup");
  });

  it.each([
    ["teamSize", -1, "The team size cannot be negative"],
    ["teamSize", 10_001, "Team size is at most 10,000 people"],
    ["teamSize", 2.5, "Use a whole number for the team size"],
    ["budgetCents", -100, "The budget cannot be negative"],
    ["budgetCents", 2_147_483_648, "The budget is at most 21,474,836.47, the largest amount Onward stores"],
    ["budgetCents", 99.5, "The budget has a fraction of a cent; use at most two decimals"],
    ["timelineWeeks", 0, "The timeline is at least 1"],
    ["timelineWeeks", 105, "A timeline is at most 104 weeks"],
    ["requirementsCount", 1_001, "At most 1,000 requirements"],
    ["integrationsCount", -3, "The number of integrations cannot be negative"],
    ["teamSize", "5", "Enter the team size as a number"],
    ["teamSize", Number.NaN, "Enter the team size as a number"],
    ["budgetCents", Number.POSITIVE_INFINITY, "Enter the budget, like 1234.56"],
    ["complexity", "extreme", "Choose low, medium or high complexity"],
    ["serviceType", "WEBSITE", "Choose a service type"],
    ["complianceRequired", "yes", "Say whether compliance is required"],
    ["companySize", "huge", "Choose startup, smb or enterprise"],
  ])("refuses %s = %j", (field, value, message) => {
    expect(messageAt(ZTierProfileSchema.safeParse({ ...profile, [field]: value }), field)).toBe(message);
  });

  it("requires every field but the company size", () => {
    const { timelineWeeks: _omit, ...rest } = profile;
    expect(messageAt(ZTierProfileSchema.safeParse(rest), "timelineWeeks")).toBe("Enter the timeline as a number");
  });
});
