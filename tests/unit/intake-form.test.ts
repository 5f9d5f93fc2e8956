import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, intakeFormSchema, stepFields, type Step } from "@/components/intake/draft";
import { ZIntakeContactSchema, ZIntakeProjectSchema, ZIntakeSubmissionSchema } from "@/lib/schemas/intake";

const steps: Step[] = [
  { kind: "criteria", category: "technical_readiness", criteria: ["existing_codebase", "development_team"] },
  { kind: "criteria", category: "financial_readiness", criteria: ["budget_defined"] },
  { kind: "project" },
  { kind: "technology" },
  { kind: "contact" },
];
const schema = intakeFormSchema(["existing_codebase", "development_team", "budget_defined"]);
const stepOf = (key: string) => steps.findIndex((s) => stepFields(s).some((f) => key === f || key.startsWith(`${f}.`)));

describe("the self-service assessment form", () => {
  it("shows every field the server may refuse on exactly one step", () => {
    const submitted = [
      ...["existing_codebase", "development_team", "budget_defined"].map((k) => `answers.${k}`),
      ...Object.keys(ZIntakeProjectSchema.shape).map((k) => `project.${k}`),
      ...Object.keys(ZIntakeContactSchema.shape).map((k) => `contact.${k}`),
      "website",
    ];
    expect(steps.flatMap(stepFields).sort()).toEqual(submitted.sort());
  });

  it("places each message of an empty form on the step that shows its field", () => {
    const parsed = schema.safeParse({ ...EMPTY_DRAFT, answers: { development_team: "full" }, website: "" });
    const keys = parsed.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(keys).toContain("answers.existing_codebase");
    expect(keys).toContain("project.features");
    expect(keys).toContain("contact.email");
    expect(keys.filter((key) => stepOf(key) === -1)).toEqual([]);
    expect(stepOf("answers.budget_defined")).toBe(1);
    expect(stepOf("project.compliance.3")).toBe(3);
  });

  it("reads the text as typed into the submission the server checks", () => {
    const parsed = schema.parse({
      answers: { existing_codebase: "full", development_team: "partial", budget_defined: "none" },
      project: {
        ...EMPTY_DRAFT.project,
        features: "Booking\n\n Reminders ",
        timelineWeeks: "12",
        teamSize: "1,0",
        budgetBand: "50k_100k",
        techStack: "React, Node.js",
        compliance: ["GDPR"],
        complianceOther: "NIS2",
        businessCritical: "yes",
        hasFallbackPlan: "no",
      },
      contact: { name: "Rae Holt", email: "rae@example.com", company: "Holt Dental", phone: " " },
      website: "",
    });
    expect(parsed.project).toMatchObject({
      features: ["Booking", "Reminders"],
      timelineWeeks: 12,
      teamSize: 10,
      techStack: ["React", "Node.js"],
      compliance: ["GDPR", "NIS2"],
      businessCritical: true,
      hasFallbackPlan: false,
    });
    expect(parsed.contact).not.toHaveProperty("phone");
    const { website: _website, ...rest } = parsed;
    expect(ZIntakeSubmissionSchema.safeParse({ tenantSlug: "northwind-labs", ...rest }).success).toBe(true);
  });
});
