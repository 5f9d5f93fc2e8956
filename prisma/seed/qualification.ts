import { DEFAULT_CRITERION_KEYS, DEFAULT_QUALIFICATION_CONFIG, type Answer } from "../../domain/qualification/config";
import { scoreQualification, type QualificationResult } from "../../domain/qualification/score";
import type { Rng } from "./random";

export type { Answer };

/**
 * Random answers whose score falls in [min, max): redrawn until it does, which stays deterministic
 * because the PRNG is. Scored by the real engine (docs/domain.md#qualification) with the default config (version 1),
 * so a stored demo assessment reproduces exactly.
 */
export function answersInBand(
  rng: Rng,
  min: number,
  max: number,
): { answers: Record<string, Answer>; result: QualificationResult } {
  const fullShare = min >= 60 ? 0.55 + (min - 60) / 80 : 0.2;
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const answers: Record<string, Answer> = {};
    for (const key of DEFAULT_CRITERION_KEYS) {
      const roll = rng.float(0, 1);
      answers[key] = roll < fullShare ? "full" : roll < fullShare + (1 - fullShare) * 0.6 ? "partial" : "none";
    }
    const result = scoreQualification(answers, {}, DEFAULT_QUALIFICATION_CONFIG);
    if (result.score >= min && result.score < max) return { answers, result };
  }
  throw new Error(`seed: no qualification answers found in [${min}, ${max})`);
}
