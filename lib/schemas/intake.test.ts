import { describe, expect, it } from "vitest";
import { BUDGET_BANDS, MAX_FEATURES, ZIntakeSubmissionSchema, isDisposableEmail } from "./intake";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]);

const valid = {
  tenantSlug: "northwind-labs",
  answers: { clear_requirements: "full" },
  project: {
    features: ["Booking"],
    timelineWeeks: 8,
    budgetBand: "50k_100k",
    teamSize: 2,
    businessCritical: false,
    hasFallbackPlan: true,
  },
  contact: { name: "Pat", email: " Pat@Example.COM ", company: "Pat Co" },
};

describe("ZIntakeSubmissionSchema", () => {
  it("accepts a complete submission, lower-cases the email and defaults the optional lists", () => {
    const parsed = ZIntakeSubmissionSchema.parse(valid);
    expect(parsed.contact.email).toBe("pat@example.com");
    expect(parsed.project).toMatchObject({ techStack: [], integrations: [], compliance: [] });
    expect(parsed.tenantSlug).toBe("northwind-labs");
  });

  it.each([
    ["honeypot", { ...valid, website: "x" }, "website", "This field must stay empty"],
    [
      "budget",
      { ...valid, project: { ...valid.project, budgetBand: "999999999999" } },
      "project.budgetBand",
      "Choose one of the budget ranges",
    ],
    [
      "timeline",
      { ...valid, project: { ...valid.project, timelineWeeks: 0 } },
      "project.timelineWeeks",
      "Timeline must be at least 1 week",
    ],
    [
      "no features",
      { ...valid, project: { ...valid.project, features: [] } },
      "project.features",
      "List at least one feature, one per line",
    ],
    [
      "too many features",
      {
        ...valid,
        project: { ...valid.project, features: Array.from({ length: MAX_FEATURES + 1 }, (_, i) => `F${i}`) },
      },
      "project.features",
      `List at most ${MAX_FEATURES} main features; we refine the details together`,
    ],
    [
      "malformed email",
      { ...valid, contact: { ...valid.contact, email: "pat@" } },
      "contact.email",
      "Enter a valid email address",
    ],
    [
      "disposable email",
      { ...valid, contact: { ...valid.contact, email: "pat@guerrillamail.com" } },
      "contact.email",
      "Use an address you will keep: disposable inboxes cannot receive your result or our reply",
    ],
    [
      "answer level",
      { ...valid, answers: { clear_requirements: "yes" } },
      "answers.clear_requirements",
      "Choose one of the answers",
    ],
  ])("refuses a bad %s on its own field", (_label, input, field, message) => {
    expect(issues(ZIntakeSubmissionSchema.safeParse(input))).toContainEqual([field, message]);
  });
});

describe("isDisposableEmail", () => {
  it("matches listed domains and their subdomains, not look-alikes", () => {
    expect(isDisposableEmail("a@mailinator.com")).toBe(true);
    expect(isDisposableEmail("a@eu.mailinator.com")).toBe(true);
    expect(isDisposableEmail("a@notmailinator.com")).toBe(false);
    expect(isDisposableEmail("a@example.com")).toBe(false);
  });
});

describe("BUDGET_BANDS", () => {
  it("are ordered and their representative amounts grow", () => {
    const cents = Object.values(BUDGET_BANDS).map((b) => b.cents);
    expect([...cents].sort((x, y) => x - y)).toEqual(cents);
  });
});
