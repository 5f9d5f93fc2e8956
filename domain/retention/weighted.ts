/**
 * A weighted mean that explains itself, shared by the health score and the expansion potential: each
 * part has a 0–100 score or none; parts without data drop out and the others' weights are scaled up so
 * they still add up to 1 (a new account is not punished for surveys it has not been sent yet).
 */
export type WeightedPart<K extends string> = {
  key: K;
  label: string;
  /** the raw value as shown ("8.6/10", "3 of 4 weeks met"); null without data */
  display: string | null;
  /** 0–100, null without data */
  score: number | null;
  reason: string;
};

export type ScoredPart<K extends string> = WeightedPart<K> & {
  available: boolean;
  weight: number;
  /** the weight after the parts without data dropped out */
  effectiveWeight: number;
  /** effectiveWeight × score, 1 decimal */
  contribution: number;
};

const EPSILON = 1e-9;
export const round1 = (x: number) => Math.round(x * 10 + (x >= 0 ? EPSILON : -EPSILON)) / 10;
export const round3 = (x: number) => Math.round(x * 1000 + EPSILON) / 1000;
export const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

export function weightedScore<K extends string>(
  parts: readonly WeightedPart<K>[],
  weights: Record<K, number>,
): { score: number; parts: ScoredPart<K>[] } {
  const availableWeight = parts.reduce((s, p) => s + (p.score === null ? 0 : weights[p.key]), 0);
  const scored = parts.map((p): ScoredPart<K> => {
    const available = p.score !== null && availableWeight > 0;
    const effectiveWeight = available ? round3(weights[p.key] / availableWeight) : 0;
    const exact = available ? (weights[p.key] / availableWeight) * (p.score ?? 0) : 0;
    return { ...p, available, weight: weights[p.key], effectiveWeight, contribution: round1(exact) };
  });
  const exactTotal = parts.reduce(
    (s, p) => s + (p.score === null || availableWeight === 0 ? 0 : (weights[p.key] / availableWeight) * p.score),
    0,
  );
  return { score: round1(clamp100(exactTotal)), parts: scored };
}

/** "64.0 = 22.5 milestone success + 17.2 CSAT + …; no data: NPS (its weight went to the others)." */
export function explainWeighted<K extends string>(score: number, parts: readonly ScoredPart<K>[]): string {
  const used = [...parts].filter((p) => p.available).sort((a, b) => b.contribution - a.contribution);
  const missing = parts.filter((p) => !p.available);
  const sum = used
    .map((p) => `${p.contribution} ${p.label.toLowerCase()} (${p.score} × ${p.effectiveWeight})`)
    .join(" + ");
  const tail =
    missing.length > 0
      ? ` No data yet for ${missing.map((p) => p.label.toLowerCase()).join(", ")}: their weight went to the others.`
      : "";
  const lost = (p: ScoredPart<K>) => p.effectiveWeight * (100 - (p.score ?? 0));
  const weakest = [...used].sort((a, b) => lost(b) - lost(a))[0];
  const drag =
    weakest && lost(weakest) >= 0.05
      ? ` The biggest drag is ${weakest.label.toLowerCase()} at ${weakest.score} (−${round1(lost(weakest))} points): ${weakest.reason}`
      : "";
  return `${score} = ${sum || "0"}.${tail}${drag}`;
}
