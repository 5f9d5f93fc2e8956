import { describe, expect, it } from "vitest";
import { EMPTY_FACTS, computeKpis, type KpiFacts } from "./kpis";
import { recommendationsFor } from "./recommendations";

const facts: KpiFacts = {
  ...EMPTY_FACTS,
  guarantees: { decided: 4, succeeded: 2, claimed: 2, caseStudies: 2 }, // success 50 % (missed), claims 50 % (missed), case studies 100 %
  csat: [{ score: 8, count: 10 }, { score: 9, count: 2 }], // 8.17 (missed by 4 %)
  gates: { passed: 99, failed: 1 }, // 99 % (met)
};

describe("recommendations", () => {
  it("come only from KPIs that miss their target, most severe first, each with the numbers behind it", () => {
    const recs = recommendationsFor(computeKpis(facts));
    expect(recs.map((r) => [r.kpiId, r.priority])).toEqual([
      ["success_guarantee_claim_rate", "high"],
      ["project_success_rate", "high"],
      ["customer_satisfaction_score", "medium"],
    ]);
    expect(recs[1]?.because).toBe("Project success rate is 50% against a target of ≥ 95%. 2 guarantees met of 4 guarantees decided in the range: 50%.");
    expect(recs[2]?.because).toContain("8.2/10 against a target of ≥ 8.5/10");
    expect(recs[2]?.because).toContain("98 points over 12 answers");
    for (const r of recs) {
      expect(r.actions.length).toBeGreaterThan(0);
      expect(r.href).toMatch(/^\//);
    }
  });

  it("an empty tenant gets no advice", () => {
    expect(recommendationsFor(computeKpis(EMPTY_FACTS))).toEqual([]);
  });
});
