import { describe, expect, expectTypeOf, it } from "vitest";
import { scoreQualification, type QualificationAnswers, type QualificationContext } from "@/domain/qualification/score";
import {
  answersSchemaFor,
  DEFAULT_CRITERION_KEYS,
  ZQualificationAnswersSchema,
  ZQualificationContextSchema,
  ZSaveAssessmentSchema,
} from "./qualification";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]);

describe("ZQualificationAnswersSchema", () => {
  it("accepts any subset of the 14 seed criteria with full / partial / none, and feeds the engine", () => {
    const parsed = ZQualificationAnswersSchema.parse({
      clear_requirements: "full",
      budget_defined: "partial",
      change_management: "none",
    });
    expectTypeOf(parsed).toExtend<QualificationAnswers>();
    expect(scoreQualification(parsed).points).toBe(30 + 12);
    expect(
      ZQualificationAnswersSchema.safeParse(Object.fromEntries(DEFAULT_CRITERION_KEYS.map((k) => [k, "full"]))).success,
    ).toBe(true);
  });

  it("names an unknown criterion on its own field", () => {
    expect(issues(ZQualificationAnswersSchema.safeParse({ clear_requirements: "full", vibes: "full" }))).toEqual([
      ["vibes", '"vibes" is not a qualification criterion'],
    ]);
  });

  it.each([["yes"], [1], [true], [null], ["FULL"]])("refuses the answer %j with the allowed values", (value) => {
    expect(issues(ZQualificationAnswersSchema.safeParse({ budget_defined: value }))).toEqual([
      ["budget_defined", 'Answer "full", "partial" or "none"'],
    ]);
  });

  it("refuses an empty form and answers that are not a list of criteria", () => {
    expect(issues(ZQualificationAnswersSchema.safeParse({}))).toEqual([["", "Answer at least one criterion"]]);
    for (const value of ["ten", 10, null, ["full"]]) {
      expect(issues(ZQualificationAnswersSchema.safeParse(value))).toEqual([
        ["", "Answers are a list of criterion → full / partial / none"],
      ]);
    }
  });

  it("can be built for a tenant's own criteria", () => {
    const schema = answersSchemaFor(["security_review"]);
    expect(schema.safeParse({ security_review: "partial" }).success).toBe(true);
    expect(issues(schema.safeParse({ clear_requirements: "full" }))).toEqual([
      ["clear_requirements", '"clear_requirements" is not a qualification criterion'],
    ]);
  });
});

describe("ZQualificationContextSchema", () => {
  it("accepts the disqualifier facts and an empty context", () => {
    const parsed = ZQualificationContextSchema.parse({
      desiredTimelineWeeks: 8,
      businessCritical: true,
      hasFallbackPlan: false,
    });
    expectTypeOf(parsed).toExtend<QualificationContext>();
    expect(ZQualificationContextSchema.parse({})).toEqual({});
  });

  it.each([
    ["desiredTimelineWeeks", 0, "The desired timeline is at least 1 week"],
    ["desiredTimelineWeeks", -3, "The desired timeline is at least 1 week"],
    ["desiredTimelineWeeks", 521, "The desired timeline is at most 520 weeks (10 years)"],
    ["desiredTimelineWeeks", 2.5, "Use whole weeks for the desired timeline"],
    ["desiredTimelineWeeks", "ten", "Enter the desired timeline in weeks as a number"],
    ["desiredTimelineWeeks", Number.NaN, "Enter the desired timeline in weeks as a number"],
    ["businessCritical", "yes", "Say whether the system is business critical (yes or no)"],
    ["hasFallbackPlan", 1, "Say whether there is a fallback plan (yes or no)"],
  ])("refuses %s = %j", (field, value, message) => {
    expect(issues(ZQualificationContextSchema.safeParse({ [field]: value }))).toEqual([[field, message]]);
  });
});

describe("ZSaveAssessmentSchema", () => {
  it("defaults the context to {} and isDraft to false", () => {
    expect(ZSaveAssessmentSchema.parse({ leadId: " lead_1 ", answers: { success_criteria: "full" } })).toEqual({
      leadId: "lead_1",
      answers: { success_criteria: "full" },
      context: {},
      isDraft: false,
    });
  });

  it("reports every bad field at once, by path (answers are checked against the tenant's criteria by the service)", () => {
    const result = ZSaveAssessmentSchema.safeParse({
      leadId: "",
      answers: { success_criteria: "mostly", bogus: "full" },
      context: { desiredTimelineWeeks: -1 },
      isDraft: "no",
    });
    expect(issues(result)).toEqual([
      ["leadId", "An id is required"],
      ["context.desiredTimelineWeeks", "The desired timeline is at least 1 week"],
      ["isDraft", "isDraft is yes or no"],
    ]);
  });

  it("refuses a missing answers object", () => {
    expect(issues(ZSaveAssessmentSchema.safeParse({ leadId: "lead_1" }))).toEqual([
      ["answers", "Answers are a list of criterion → full / partial / none"],
    ]);
  });
});
