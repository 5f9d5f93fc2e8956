import { describe, expect, it } from "vitest";
import { csatSummary, npsClass, npsSummary, satisfactionCriterionScore } from "./scores";

describe("NPS classes at their boundaries", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("%i is a %s", (score, cls) => {
    expect(npsClass(score)).toBe(cls);
  });
});

describe("NPS = % promoters − % detractors", () => {
  it("is null without answers", () => {
    expect(npsSummary([])).toMatchObject({ responses: 0, score: null, meetsTarget: null });
  });

  it("all promoters is 100, all detractors −100, all passives 0", () => {
    expect(npsSummary([9, 10, 10]).score).toBe(100);
    expect(npsSummary([0, 6, 3]).score).toBe(-100);
    expect(npsSummary([7, 8]).score).toBe(0);
  });

  it("counts passives only in the denominator", () => {
    // 2 promoters, 1 passive, 1 detractor: 50% − 25% = 25
    expect(npsSummary([9, 10, 8, 6])).toMatchObject({ promoters: 2, passives: 1, detractors: 1, score: 25 });
  });

  it("meets the target of 70 exactly at 70, not at 69.9", () => {
    // 8 promoters, 1 detractor, 1 passive of 10: 80 − 10 = 70
    expect(npsSummary([10, 10, 10, 10, 9, 9, 9, 9, 6, 8])).toMatchObject({ score: 70, meetsTarget: true });
    // 1 000 answers: 799 promoters, 100 detractors → 69.9
    const scores = [...Array<number>(799).fill(10), ...Array<number>(100).fill(0), ...Array<number>(101).fill(7)];
    expect(npsSummary(scores)).toMatchObject({ score: 69.9, meetsTarget: false });
  });

  it("rounds to one decimal (1 of 3 promoters = 33.3)", () => {
    expect(npsSummary([9, 7, 8])).toMatchObject({ score: 33.3 });
    expect(npsSummary([9, 7, 8]).explanation).toContain("33.3% promoters");
  });
});

describe("CSAT mean", () => {
  it("is null without answers", () => {
    expect(csatSummary([])).toMatchObject({ responses: 0, mean: null, meetsTarget: null });
  });

  it("meets the seed's 8.5 exactly at 8.5 and misses it just below", () => {
    expect(csatSummary([8, 9])).toMatchObject({ mean: 8.5, meetsTarget: true });
    expect(csatSummary([8, 9, 8])).toMatchObject({ mean: 8.33, meetsTarget: false });
    // 51 eights and 49 nines: 8.49 → not met; one more nine instead: 8.5 → met
    expect(csatSummary([...Array<number>(51).fill(8), ...Array<number>(49).fill(9)])).toMatchObject({
      mean: 8.49,
      meetsTarget: false,
    });
    expect(csatSummary([...Array<number>(50).fill(8), ...Array<number>(50).fill(9)])).toMatchObject({
      mean: 8.5,
      meetsTarget: true,
    });
  });

  it("handles the ends of the scale", () => {
    expect(csatSummary([0, 0]).mean).toBe(0);
    expect(csatSummary([10]).mean).toBe(10);
  });
});

describe("week-4 satisfaction criterion score", () => {
  it("is mean CSAT × 10, clamped to 0–100", () => {
    expect(satisfactionCriterionScore(8.5)).toBe(85);
    expect(satisfactionCriterionScore(9.25)).toBe(92.5);
    expect(satisfactionCriterionScore(0)).toBe(0);
    expect(satisfactionCriterionScore(10)).toBe(100);
    expect(satisfactionCriterionScore(8.333333)).toBe(83.33);
  });
});
