/**
 * Satisfaction maths (docs/domain.md#surveys week 4, docs/domain.md#education, docs/domain.md#surveys). Pure. Both surveys use a 0–10 scale.
 *
 * - CSAT: the mean score; the seed's bar is "Customer satisfaction score ≥ 8.5/10".
 * - NPS (standard definition): % promoters (9–10) − % detractors (0–6), from −100 to 100; 7–8 are
 *   passives and count only in the denominator. The seed's target is ≥ 70, measured quarterly.
 * - The week-4 "Customer Satisfaction Survey" criterion is scored 0–100: mean CSAT × 10 (so 8.5/10
 *   → 85, the usual success threshold of a week).
 */
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;
export const PROMOTER_MIN = 9;
export const DETRACTOR_MAX = 6;
/** docs/domain.md#surveys, docs/domain.md#kpis: customer_satisfaction_score ≥ 8.5/10 */
export const CSAT_TARGET = 8.5;
/** docs/domain.md#kpis: net_promoter_score ≥ 70 */
export const NPS_TARGET = 70;

const EPSILON = 1e-9;
const round = (x: number, digits: number) =>
  Math.round(x * 10 ** digits + (x >= 0 ? EPSILON : -EPSILON)) / 10 ** digits;

export type CsatSummary = {
  responses: number;
  /** mean on 0–10, 2 decimals; null without responses */
  mean: number | null;
  meetsTarget: boolean | null;
  explanation: string;
};

export function csatSummary(scores: readonly number[]): CsatSummary {
  if (scores.length === 0) return { responses: 0, mean: null, meetsTarget: null, explanation: "No CSAT answer yet." };
  const raw = scores.reduce((s, x) => s + x, 0) / scores.length;
  const mean = round(raw, 2);
  const meetsTarget = raw >= CSAT_TARGET - EPSILON;
  return {
    responses: scores.length,
    mean,
    meetsTarget,
    explanation: `Mean of ${scores.length} answer${scores.length === 1 ? "" : "s"}: ${mean}/10 (target ≥ ${CSAT_TARGET}: ${meetsTarget ? "met" : "not met"}).`,
  };
}

export type NpsClass = "promoter" | "passive" | "detractor";

export function npsClass(score: number): NpsClass {
  if (score >= PROMOTER_MIN) return "promoter";
  if (score <= DETRACTOR_MAX) return "detractor";
  return "passive";
}

export type NpsSummary = {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100 … 100, 1 decimal; null without responses */
  score: number | null;
  meetsTarget: boolean | null;
  explanation: string;
};

export function npsSummary(scores: readonly number[]): NpsSummary {
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const s of scores) counts[npsClass(s)] += 1;
  const n = scores.length;
  if (n === 0)
    return {
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
      meetsTarget: null,
      explanation: "No NPS answer yet.",
    };
  const raw = (100 * (counts.promoter - counts.detractor)) / n;
  const score = round(raw, 1);
  const meetsTarget = raw >= NPS_TARGET - EPSILON;
  const pct = (k: number) => `${round((100 * k) / n, 1)}%`;
  return {
    responses: n,
    promoters: counts.promoter,
    passives: counts.passive,
    detractors: counts.detractor,
    score,
    meetsTarget,
    explanation: `${pct(counts.promoter)} promoters (9–10) − ${pct(counts.detractor)} detractors (0–6) of ${n} answer${n === 1 ? "" : "s"} = ${score} (target ≥ ${NPS_TARGET}: ${meetsTarget ? "met" : "not met"}).`,
  };
}

/** The week-4 satisfaction criterion's 0–100 score from the mean CSAT (0–10). */
export function satisfactionCriterionScore(meanCsat: number): number {
  return Math.min(100, Math.max(0, round(meanCsat * 10, 2)));
}
