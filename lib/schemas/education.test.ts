import { describe, expect, it } from "vitest";
import { ZCompleteEducationSchema, ZCreateEducationPlanSchema } from "./education";

const messageAt = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, path: string) =>
  result.error?.issues.find((i) => i.path.map(String).join(".") === path)?.message;

const base = { serviceType: "MVP_DEVELOPMENT", background: "business" } as const;

describe("ZCreateEducationPlanSchema", () => {
  it("accepts a plan for a lead or for a customer account", () => {
    expect(ZCreateEducationPlanSchema.parse({ ...base, leadId: "lead_1" })).toEqual({ ...base, leadId: "lead_1" });
    expect(ZCreateEducationPlanSchema.parse({ ...base, customerAccountId: "acc_1" })).toEqual({
      ...base,
      customerAccountId: "acc_1",
    });
  });

  it("refuses neither a lead nor an account", () => {
    expect(messageAt(ZCreateEducationPlanSchema.safeParse(base), "leadId")).toBe(
      "Choose the lead or the customer account the plan is for",
    );
  });

  it("refuses both a lead and an account", () => {
    const result = ZCreateEducationPlanSchema.safeParse({ ...base, leadId: "lead_1", customerAccountId: "acc_1" });
    expect(messageAt(result, "customerAccountId")).toBe("A plan is for a lead or a customer account, not both");
  });

  it.each([
    ["leadId", ""],
    ["leadId", "   "],
    ["leadId", 12],
    ["leadId", "x".repeat(65)],
    ["customerAccountId", null],
  ])("refuses %s = %j", (field, value) => {
    expect(ZCreateEducationPlanSchema.safeParse({ ...base, [field]: value }).success).toBe(false);
  });

  it("refuses an unknown service type or background with a readable message", () => {
    expect(
      messageAt(ZCreateEducationPlanSchema.safeParse({ ...base, leadId: "l", serviceType: "SEO" }), "serviceType"),
    ).toBe("Choose a service type");
    expect(
      messageAt(ZCreateEducationPlanSchema.safeParse({ ...base, leadId: "l", background: "legal" }), "background"),
    ).toBe("Choose a technical or business background");
    expect(ZCreateEducationPlanSchema.safeParse({ leadId: "l" }).success).toBe(false);
  });
});

describe("ZCompleteEducationSchema", () => {
  it("accepts a delivery id and refuses a missing, blank, numeric or huge one", () => {
    expect(ZCompleteEducationSchema.parse({ deliveryId: "del_1" })).toEqual({ deliveryId: "del_1" });
    for (const deliveryId of [undefined, "", "  ", 5, "d".repeat(65)]) {
      expect(ZCompleteEducationSchema.safeParse({ deliveryId }).success).toBe(false);
    }
  });
});
