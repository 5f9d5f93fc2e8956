import type { ServiceType } from "../../server/db/generated/enums";
import { QUALIFICATION_CRITERIA, QUALIFICATION_MAX_POINTS, SERVICE_FIT_MATRIX } from "./catalogue";
import type { Rng } from "./random";
import { round1 } from "./random";

export type Answer = "full" | "partial" | "none";
export type CriterionResult = { key: string; answer: Answer; points: number; max: number };
export type Qualification = {
  points: number; score: number;
  breakdown: Record<string, { points: number; max: number; criteria: CriterionResult[] }>;
  fit: { serviceType: ServiceType; minimumScore: number; idealRange: [number, number]; fits: boolean; ideal: boolean }[];
};

/** seed §1.1: full answer = all of a criterion's points, partial = half (rounded down), none = 0. */
export function scoreQualification(answers: Record<string, Answer>): Qualification {
  let points = 0;
  const breakdown: Qualification["breakdown"] = {};
  for (const [category, criteria] of Object.entries(QUALIFICATION_CRITERIA)) {
    const results = Object.entries(criteria).map(([key, max]): CriterionResult => {
      const answer = answers[key] ?? "none";
      const earned = answer === "full" ? max : answer === "partial" ? Math.floor(max / 2) : 0;
      return { key, answer, points: earned, max };
    });
    const categoryPoints = results.reduce((sum, r) => sum + r.points, 0);
    points += categoryPoints;
    breakdown[category] = { points: categoryPoints, max: results.reduce((sum, r) => sum + r.max, 0), criteria: results };
  }
  const score = round1((points / QUALIFICATION_MAX_POINTS) * 100);
  const fit = (Object.entries(SERVICE_FIT_MATRIX) as [ServiceType, (typeof SERVICE_FIT_MATRIX)[ServiceType]][]).map(
    ([serviceType, rule]) => ({
      serviceType, minimumScore: rule.minimumScore, idealRange: rule.idealScoreRange,
      fits: score >= rule.minimumScore, ideal: score >= rule.idealScoreRange[0],
    }),
  );
  return { points, score, breakdown, fit };
}

const ALL_KEYS = Object.values(QUALIFICATION_CRITERIA).flatMap((c) => Object.keys(c));

/**
 * Random answers whose score falls in [min, max): redrawn until it does, which stays deterministic
 * because the PRNG is. `fullShare` tilts the draw so few redraws are needed.
 */
export function answersInBand(rng: Rng, min: number, max: number): { answers: Record<string, Answer>; result: Qualification } {
  const fullShare = min >= 60 ? 0.55 + (min - 60) / 80 : 0.2;
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const answers: Record<string, Answer> = {};
    for (const key of ALL_KEYS) {
      const roll = rng.float(0, 1);
      answers[key] = roll < fullShare ? "full" : roll < fullShare + (1 - fullShare) * 0.6 ? "partial" : "none";
    }
    const result = scoreQualification(answers);
    if (result.score >= min && result.score < max) return { answers, result };
  }
  throw new Error(`seed: no qualification answers found in [${min}, ${max})`);
}
