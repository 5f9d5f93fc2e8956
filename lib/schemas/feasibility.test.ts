import { describe, expect, expectTypeOf, it } from "vitest";
import { analyzeFeasibility, type ProjectRequest } from "@/domain/feasibility/analyze";
import { ZAnalyzeFeasibilitySchema, ZProjectRequestSchema } from "./feasibility";
import { MAX_MONEY_CENTS } from "@/lib/money";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]);
const request = {
  requirements: ["Customer portal", "Invoicing"],
  timelineWeeks: 8,
  budgetCents: 12_000_000,
  teamSize: 4,
};

describe("ZProjectRequestSchema", () => {
  it("trims entries, defaults the lists to [] and feeds the engine", () => {
    const parsed = ZProjectRequestSchema.parse({
      ...request,
      requirements: ["  Customer portal "],
      compliance: [" HIPAA "],
    });
    expect(parsed).toEqual({
      ...request,
      requirements: ["Customer portal"],
      techStack: [],
      integrations: [],
      compliance: ["HIPAA"],
    });
    expectTypeOf(parsed).toExtend<ProjectRequest>();
    expect(analyzeFeasibility(parsed, 70).feasibilityScore).toBeGreaterThan(0);
  });

  it("accepts the bounds themselves", () => {
    const edge = {
      requirements: Array.from({ length: 500 }, () => "r".repeat(500)),
      timelineWeeks: 104,
      budgetCents: MAX_MONEY_CENTS,
      teamSize: 0,
    };
    expect(ZProjectRequestSchema.safeParse(edge).success).toBe(true);
    expect(
      ZProjectRequestSchema.safeParse({ ...request, timelineWeeks: 1, budgetCents: 0, teamSize: 1000 }).success,
    ).toBe(true);
  });

  it.each([
    ["timelineWeeks", 0, "Timeline must be at least 1 week"],
    ["timelineWeeks", -4, "Timeline must be at least 1 week"],
    ["timelineWeeks", 105, "Timeline must be at most 104 weeks (2 years) for a fixed-scope project"],
    ["timelineWeeks", 6.5, "Use a whole number for the timeline"],
    ["timelineWeeks", "ten", "Enter the timeline as a number of weeks"],
    ["budgetCents", 1e15, "The budget is at most 21,474,836.47, the largest amount Onward stores"],
    ["budgetCents", 1e17, "The budget is at most 21,474,836.47, the largest amount Onward stores"],
    ["budgetCents", -100, "The budget cannot be negative"],
    ["budgetCents", 99.5, "The budget has a fraction of a cent; use at most two decimals"],
    ["budgetCents", "100000", "Enter the budget, like 1234.56"],
    ["budgetCents", Number.POSITIVE_INFINITY, "Enter the budget, like 1234.56"],
    ["teamSize", -1, "Team size cannot be negative"],
    ["teamSize", 1001, "Team size is at most 1,000 people"],
    ["teamSize", null, "Enter the team size as a number of people"],
  ])("refuses %s = %j", (field, value, message) => {
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, [field]: value }))).toEqual([[field, message]]);
  });

  it("refuses empty, blank, too many and too long requirements", () => {
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, requirements: [] }))).toEqual([
      ["requirements", "Add at least one requirement"],
    ]);
    expect(
      issues(
        ZProjectRequestSchema.safeParse({
          ...request,
          requirements: Array.from({ length: 10_000 }, (_, i) => `r${i}`),
        }),
      ),
    ).toEqual([["requirements", "At most 500 requirements; split a larger project into phases"]]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, requirements: ["ok", "   "] }))).toEqual([
      ["requirements.1", "Remove the blank requirement"],
    ]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, requirements: ["x".repeat(501)] }))).toEqual([
      ["requirements.0", "Each requirement is at most 500 characters"],
    ]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, requirements: "a portal" }))).toEqual([
      ["requirements", "List the requirements as text entries"],
    ]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, requirements: [42] }))).toEqual([
      ["requirements.0", "Each requirement is text"],
    ]);
  });

  it("refuses oversized tag lists and entries", () => {
    expect(
      issues(ZProjectRequestSchema.safeParse({ ...request, techStack: Array.from({ length: 51 }, (_, i) => `t${i}`) })),
    ).toEqual([["techStack", "At most 50 tech stack entries"]]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, integrations: ["y".repeat(101)] }))).toEqual([
      ["integrations.0", "Each integrations entry is at most 100 characters"],
    ]);
    expect(issues(ZProjectRequestSchema.safeParse({ ...request, compliance: ["HIPAA", ""] }))).toEqual([
      ["compliance.1", "Remove the blank compliance entry"],
    ]);
  });

  it("refuses an empty request field by field", () => {
    expect(issues(ZProjectRequestSchema.safeParse({})).map(([path]) => path)).toEqual([
      "requirements",
      "timelineWeeks",
      "budgetCents",
      "teamSize",
    ]);
  });
});

describe("ZAnalyzeFeasibilitySchema", () => {
  it("needs a lead id and a valid request", () => {
    expect(ZAnalyzeFeasibilitySchema.safeParse({ leadId: "lead_1", request }).success).toBe(true);
    expect(
      issues(ZAnalyzeFeasibilitySchema.safeParse({ leadId: " ", request: { ...request, timelineWeeks: 0 } })),
    ).toEqual([
      ["leadId", "An id is required"],
      ["request.timelineWeeks", "Timeline must be at least 1 week"],
    ]);
  });
});
