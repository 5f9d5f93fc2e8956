import { describe, expect, it } from "vitest";
import { EMPTY_FACTS, computeKpis, type KpiFacts } from "./kpis";
import { MAX_HIGH_PRIORITY, recommendationsFor } from "./recommendations";

const facts: KpiFacts = {
  ...EMPTY_FACTS,
  guarantees: { decided: 4, succeeded: 2, claimed: 2, caseStudies: 2 }, // success 50 % (missed), claims 50 % (missed), case studies 100 %
  csat: [
    { score: 8, count: 10 },
    { score: 9, count: 2 },
  ], // 8.17 (missed by 4 %)
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
    expect(recs[1]?.because).toBe(
      "Project success rate is 50% against a target of ≥ 95%. 2 guarantees met of 4 guarantees decided in the range: 50%.",
    );
    expect(recs[2]?.because).toContain("8.2/10 against a target of ≥ 8.5/10");
    expect(recs[2]?.because).toContain("98 points over 12 answers");
    for (const r of recs) {
      expect(r.actions.length).toBeGreaterThan(0);
      expect(r.href).toMatch(/^\//);
    }
  });

  it("rank by shortfall relative to the target and call only the top few high priority", () => {
    // nine KPIs miss their target, most by more than 10 %: the label still has to rank them
    const many: KpiFacts = {
      ...EMPTY_FACTS,
      leads: { created: 10, converted: 2 }, // 20 % against ≥ 25 %: 20 % short
      qualification: { decided: 10, succeeded: 6 }, // 60 % against ≥ 90 %: 33 % short
      guarantees: { decided: 10, succeeded: 7, claimed: 3, caseStudies: 1 }, // success 70 % (26 % short), claims 30 % against ≤ 2 % (1400 % over), case studies 1 of 7 = 14 % against ≥ 30 % (52 % short)
      milestones: { validated: 10, onTime: 8 }, // 80 % against ≥ 90 %: 11 % short
      gates: { passed: 90, failed: 10 }, // 90 % against ≥ 98 %: 8 % short
      csat: [{ score: 7, count: 4 }], // 7 against ≥ 8.5: 18 % short
      nps: [
        { score: 9, count: 1 },
        { score: 7, count: 1 },
      ], // +50 against ≥ 70: 29 % short
    };
    const recs = recommendationsFor(computeKpis(many));
    expect(recs.length).toBeGreaterThanOrEqual(8);
    expect(recs.map((r) => r.kpiId).slice(0, 4)).toEqual([
      "success_guarantee_claim_rate",
      "case_study_generation_rate",
      "qualification_accuracy",
      "net_promoter_score",
    ]);
    const high = recs.filter((r) => r.priority === "high");
    expect(high).toHaveLength(MAX_HIGH_PRIORITY);
    expect(recs.slice(0, MAX_HIGH_PRIORITY).every((r) => r.priority === "high")).toBe(true);
    expect(recs.slice(MAX_HIGH_PRIORITY).every((r) => r.priority !== "high")).toBe(true);
  });

  it("a small miss is never high priority, even at the top of the list", () => {
    const recs = recommendationsFor(computeKpis({ ...EMPTY_FACTS, gates: { passed: 97, failed: 3 } })); // 97 % against ≥ 98 %
    expect(recs.map((r) => [r.kpiId, r.priority])).toEqual([["quality_gate_pass_rate", "medium"]]);
  });

  it("an empty tenant gets no advice", () => {
    expect(recommendationsFor(computeKpis(EMPTY_FACTS))).toEqual([]);
  });
});
