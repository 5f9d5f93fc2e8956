import { describe, expect, it } from "vitest";
import { EMPTY_FACTS, computeKpi, computeKpis, csatTotals, npsTotals, ratio, type KpiFacts } from "./kpis";
import { KPI_IDS, KPI_TARGETS, formatKpiValue, kpiStatus, targetShortfall, type KpiId } from "./targets";

/** A hand-made month: every number below is chosen so each KPI's answer is known. */
const MONTH: KpiFacts = {
  leads: { created: 20, converted: 5 }, // 25 % → exactly on target
  qualification: { decided: 10, succeeded: 9 }, // 90 % → on target
  onboarding: { customers: 4, totalHours: 200, withinTarget: 2 }, // 50 h → missed (≤ 48)
  guarantees: { decided: 20, succeeded: 19, claimed: 1, caseStudies: 6 }, // 95 % · 5 % claims · 6/19 case studies
  milestones: { validated: 40, onTime: 35 }, // 87.5 %
  gates: { passed: 98, failed: 2 }, // 98 % → on target
  csat: [
    { score: 10, count: 2 },
    { score: 8, count: 2 },
    { score: 7, count: 1 },
  ], // 43 / 5 = 8.6
  nps: [
    { score: 10, count: 6 },
    { score: 9, count: 2 },
    { score: 8, count: 1 },
    { score: 3, count: 1 },
  ], // (8 − 1) / 10 = +70
  retention: { previous: 10, retained: 9 }, // 90 %
  expansion: { bookedCents: 1_000_000_00, expansionCents: 400_000_00 }, // 40 %
};

const kpi = (id: KpiId, facts: KpiFacts = MONTH) => computeKpi(id, facts);

describe("KPI formulas on hand-made data", () => {
  it.each([
    ["lead_to_customer_conversion_rate", 25, "met"],
    ["qualification_accuracy", 90, "met"],
    ["time_to_onboarding", 50, "missed"],
    ["project_success_rate", 95, "met"],
    ["timeline_adherence", 87.5, "missed"],
    ["quality_gate_pass_rate", 98, "met"],
    ["customer_satisfaction_score", 8.6, "met"],
    ["net_promoter_score", 70, "met"],
    ["success_guarantee_claim_rate", 5, "missed"],
    ["customer_retention_rate", 90, "met"],
    ["expansion_revenue_rate", 40, "met"],
    ["case_study_generation_rate", (100 * 6) / 19, "met"],
  ] as const)("%s = %d (%s)", (id, value, status) => {
    const k = kpi(id);
    expect(k.value).toBeCloseTo(value, 10);
    expect(k.status).toBe(status);
  });

  it("states numerator and denominator with their meaning", () => {
    const k = kpi("project_success_rate");
    expect(k.numerator).toEqual({ label: "guarantees met", value: 19 });
    expect(k.denominator).toEqual({ label: "guarantees decided in the range", value: 20 });
    expect(k.explanation).toBe("19 guarantees met of 20 guarantees decided in the range: 95%.");
    expect(kpi("net_promoter_score").explanation).toBe("8 promoters − 1 detractor among 10 answers (1 passive): +70.");
    expect(kpi("time_to_onboarding").explanation).toBe(
      "200 hours over 4 customers: 50 hours on average; 2 of 4 within 48 hours.",
    );
    expect(kpi("expansion_revenue_rate").explanation).toBe(
      "$400,000 of $1,000,000 booked in the range came from returning customers: 40%.",
    );
  });

  it("NPS counts passives (7–8) only in the denominator and can be negative", () => {
    expect(
      npsTotals([
        { score: 7, count: 3 },
        { score: 8, count: 1 },
      ]),
    ).toEqual({ promoters: 0, passives: 4, detractors: 0, responses: 4 });
    const grim = computeKpi("net_promoter_score", {
      ...EMPTY_FACTS,
      nps: [
        { score: 0, count: 3 },
        { score: 6, count: 1 },
        { score: 9, count: 1 },
      ],
    });
    expect(grim.value).toBe(-60);
    expect(grim.display).toBe("-60");
    expect(grim.status).toBe("missed");
  });

  it("CSAT is the mean of the answers", () => {
    expect(csatTotals(MONTH.csat)).toEqual({ sum: 43, responses: 5 });
    expect(kpi("customer_satisfaction_score").display).toBe("8.6/10");
  });

  it("case studies are a share of the met guarantees, not of all decided ones", () => {
    const k = computeKpi("case_study_generation_rate", {
      ...EMPTY_FACTS,
      guarantees: { decided: 10, succeeded: 2, claimed: 8, caseStudies: 1 },
    });
    expect(k.value).toBe(50);
    expect(k.denominator.value).toBe(2);
  });
});

describe("an empty tenant", () => {
  it("has no data for every KPI: no NaN, no zero pretending to be a result, no crash", () => {
    const kpis = computeKpis(EMPTY_FACTS);
    expect(kpis.map((k) => k.id)).toEqual([...KPI_IDS]);
    for (const k of kpis) {
      expect(k.value).toBeNull();
      expect(k.status).toBe("no_data");
      expect(k.display).toBe("no data");
      expect(k.explanation).toMatch(/^No .+ yet, so there is nothing to measure\.$/);
      expect(JSON.stringify(k)).not.toMatch(/NaN|Infinity/);
    }
  });

  it("a zero or broken denominator is no data", () => {
    expect(ratio(0, 0, 100)).toBeNull();
    expect(ratio(5, 0, 1)).toBeNull();
    expect(ratio(5, -1, 100)).toBeNull();
    expect(ratio(Number.NaN, 4, 100)).toBeNull();
    expect(ratio(0, 4, 100)).toBe(0);
  });
});

describe("status against the §7.1 targets", () => {
  it("is met exactly on an at-least target and missed just below", () => {
    const t = KPI_TARGETS.project_success_rate;
    expect(kpiStatus(95, t)).toBe("met");
    expect(kpiStatus((100 * 19) / 20, t)).toBe("met");
    expect(kpiStatus(94.999, t)).toBe("missed");
    expect(kpiStatus(null, t)).toBe("no_data");
    expect(kpiStatus(Number.NaN, t)).toBe("no_data");
  });

  it("is met exactly on an at-most target and missed just above", () => {
    expect(kpiStatus(2, KPI_TARGETS.success_guarantee_claim_rate)).toBe("met");
    expect(kpiStatus(2.001, KPI_TARGETS.success_guarantee_claim_rate)).toBe("missed");
    expect(kpiStatus(48, KPI_TARGETS.time_to_onboarding)).toBe("met");
    expect(kpiStatus(48.1, KPI_TARGETS.time_to_onboarding)).toBe("missed");
    expect(kpiStatus(0, KPI_TARGETS.success_guarantee_claim_rate)).toBe("met");
  });

  it("uses the seed's targets", () => {
    expect(
      Object.fromEntries(KPI_IDS.map((id) => [id, `${KPI_TARGETS[id].direction} ${KPI_TARGETS[id].value}`])),
    ).toEqual({
      lead_to_customer_conversion_rate: "atLeast 25",
      qualification_accuracy: "atLeast 90",
      time_to_onboarding: "atMost 48",
      project_success_rate: "atLeast 95",
      timeline_adherence: "atLeast 90",
      quality_gate_pass_rate: "atLeast 98",
      customer_satisfaction_score: "atLeast 8.5",
      net_promoter_score: "atLeast 70",
      success_guarantee_claim_rate: "atMost 2",
      customer_retention_rate: "atLeast 90",
      expansion_revenue_rate: "atLeast 40",
      case_study_generation_rate: "atLeast 30",
    });
    expect(kpi("customer_satisfaction_score").targetDisplay).toBe("≥ 8.5/10");
    expect(kpi("time_to_onboarding").targetDisplay).toBe("≤ 48 hours");
    expect(kpi("net_promoter_score").targetDisplay).toBe("≥ +70");
  });

  it("measures the shortfall relative to the target, zero when met", () => {
    expect(targetShortfall(50, KPI_TARGETS.project_success_rate)).toBeCloseTo(45 / 95, 10);
    expect(targetShortfall(10, KPI_TARGETS.success_guarantee_claim_rate)).toBe(4);
    expect(targetShortfall(99, KPI_TARGETS.project_success_rate)).toBe(0);
    expect(targetShortfall(null, KPI_TARGETS.project_success_rate)).toBe(0);
  });

  it("formats values as people read them", () => {
    expect(formatKpiValue(87.456, "percent")).toBe("87.5%");
    expect(formatKpiValue(0.01, "nps")).toBe("0");
    expect(formatKpiValue(-0.01, "nps")).toBe("0");
    expect(formatKpiValue(1234.5, "hours")).toBe("1,234.5 hours");
    expect(formatKpiValue(null, "score10")).toBe("no data");
  });
});
