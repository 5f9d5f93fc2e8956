import { describe, expect, it } from "vitest";
import { DEFAULT_GUARANTEE_CONFIG } from "./config";
import { DAY_MS } from "./clock";
import { dossierFileName, successDossier, type DossierInput } from "./dossier";
import { renderDossierHtml } from "./dossier-html";
import { finalValidation } from "./validation";

const start = new Date("2026-03-01T09:00:00.000Z");
const at = (d: number) => new Date(start.getTime() + d * DAY_MS);
const outcome = finalValidation(
  {
    endsAt: at(30).toISOString(),
    weeks: [1, 2, 3, 4].map((w) => ({
      weekNumber: w,
      title: `Week ${w}`,
      status: "SUCCESS",
      score: 92,
      validatedAt: at(w * 7).toISOString(),
    })),
    signOffs: [{ decision: "APPROVED", by: "Paula Owens", at: at(8).toISOString() }],
    coverage: [
      { value: 96.9, at: at(27).toISOString(), commitSha: "0123456789abcdef", buildUrl: "https://ci.example/9" },
    ],
    responses: [
      { kind: "CSAT", score: 9, comment: "Shipped <fast> & well", by: "Paula Owens", at: at(28).toISOString() },
    ],
  },
  85,
  DEFAULT_GUARANTEE_CONFIG,
);

const input: DossierInput = {
  provider: "Northwind Labs",
  customer: "Acme Health",
  currency: "USD",
  project: {
    id: "p1",
    name: "Telehealth Scheduling MVP",
    serviceType: "MVP_DEVELOPMENT",
    tierKey: "enterprise_mvp",
    startDate: start,
    targetEndDate: at(28),
    completedAt: at(27),
    contractValueCents: 23_500_000,
  },
  guarantee: { amountCents: 11_750_000, startsAt: start, endsAt: at(30), decidedAt: at(30), threshold: 85 },
  outcome,
  weeks: [
    {
      weekNumber: 1,
      title: "Foundation",
      status: "SUCCESS",
      score: 92,
      criteria: [{ name: "Architecture", deliverable: "Diagrams", score: 95 }],
    },
  ],
  environments: [{ kind: "PRODUCTION", status: "READY", url: "https://telehealth.example" }],
  latestEvidence: {
    coverage: 96.9,
    testsPassed: 812,
    testsFailed: 0,
    commitSha: "0123456789abcdef",
    buildUrl: null,
    vulnerabilitiesHigh: 0,
    vulnerabilitiesCritical: 0,
    benchmarkP95Ms: 180,
    at: at(27),
  },
  testimonials: outcome.criteria[2]?.stakeholderConfirmation.testimonials ?? [],
  opportunities: [
    { key: "maintenance_contract", title: "Maintenance contract", reason: "Delivered software needs maintenance." },
  ],
  issuedAt: at(31),
};

describe("success dossier (seed §5.1 _generate_success_documentation)", () => {
  const d = successDossier(input);
  it("summarises the project: duration, score, threshold and margin", () => {
    expect(d.projectSummary).toEqual({
      customerName: "Acme Health",
      serviceType: "MVP_DEVELOPMENT",
      projectDurationDays: 30,
      successScore: 100,
      guaranteeThreshold: 85,
      successMargin: 15,
    });
  });

  it("lists achievements with the improvement % = (actual ÷ target − 1) × 100", () => {
    expect(d.achievements.map((a) => [a.achievement, a.improvement])).toEqual([
      ["Met the Functional MVP delivered within timeline target", 0],
      ["Exceeded the 95%+ test coverage maintained target", 2],
      ["Exceeded the Customer satisfaction score ≥ 8.5/10 target", 5.9],
    ]);
  });

  it("states business impact, deliverables, testimonials and the case-study flag", () => {
    expect(d.businessImpact[0]).toBe("Delivered 1 day before the target date (2026-03-29).");
    expect(d.businessImpact[1]).toContain("no part of the $117,500.00 guarantee had to be refunded");
    expect(d.technicalDeliverables.productionUrl).toBe("https://telehealth.example");
    expect(d.technicalDeliverables.codebase).toContain("812 tests passing");
    expect(d.stakeholderTestimonials).toEqual(["“Shipped <fast> & well” — Paula Owens"]);
    expect(d.caseStudy.potential).toBe(true);
  });

  it("renders printable HTML with every value escaped and a file name", () => {
    const html = renderDossierHtml(d);
    expect(html).toContain("<title>Success dossier — Telehealth Scheduling MVP</title>");
    expect(html).toContain("Shipped &lt;fast&gt; &amp; well");
    expect(html).not.toContain("<fast>");
    expect(html).not.toMatch(/<script/i);
    expect(dossierFileName(d)).toBe("success-dossier-telehealth-scheduling-mvp.html");
  });
});
