import { csatTotals, npsTotals, ratio, type ScoreCount } from "./kpis";
import type { TrendBucket } from "./range";

/**
 * Trend series of docs/domain.md#dashboard `trend_data` — success rate, satisfaction, revenue, expansion — one point
 * per bucket of the range, from per-bucket aggregates. A bucket without data has null rates (a gap in
 * the chart), never 0 or NaN; money is integer cents.
 */
export type TrendFacts = {
  success: { bucket: number; decided: number; succeeded: number }[];
  satisfaction: { bucket: number; kind: "CSAT" | "NPS"; score: number; count: number }[];
  booked: { bucket: number; bookedCents: number; expansionCents: number }[];
  refunds: { bucket: number; refundedCents: number }[];
  health: { bucket: number; expansionScoreSum: number; snapshots: number }[];
};

export type TrendPoint = {
  from: Date;
  to: Date;
  successRate: number | null;
  decided: number;
  csat: number | null;
  csatResponses: number;
  nps: number | null;
  npsResponses: number;
  bookedCents: number;
  refundedCents: number;
  netRevenueCents: number;
  expansionCents: number;
  /** expansion share of the contract value booked in the bucket, 0–100 */
  expansionShare: number | null;
  /** mean expansion potential (0–100) of the accounts' daily health snapshots */
  expansionScore: number | null;
};

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function assembleTrends(buckets: readonly TrendBucket[], facts: TrendFacts): TrendPoint[] {
  return buckets.map((b) => {
    const success = facts.success.filter((r) => r.bucket === b.index);
    const decided = success.reduce((s, r) => s + r.decided, 0);
    const succeeded = success.reduce((s, r) => s + r.succeeded, 0);
    const scores = (kind: "CSAT" | "NPS"): ScoreCount[] =>
      facts.satisfaction.filter((r) => r.bucket === b.index && r.kind === kind);
    const csat = csatTotals(scores("CSAT"));
    const nps = npsTotals(scores("NPS"));
    const booked = facts.booked.filter((r) => r.bucket === b.index);
    const bookedCents = booked.reduce((s, r) => s + r.bookedCents, 0);
    const expansionCents = booked.reduce((s, r) => s + r.expansionCents, 0);
    const refundedCents = facts.refunds.filter((r) => r.bucket === b.index).reduce((s, r) => s + r.refundedCents, 0);
    const health = facts.health.filter((r) => r.bucket === b.index);
    return {
      from: b.from,
      to: b.to,
      successRate: round1(ratio(succeeded, decided, 100)),
      decided,
      csat: round1(ratio(csat.sum, csat.responses, 1)),
      csatResponses: csat.responses,
      nps: round1(ratio(nps.promoters - nps.detractors, nps.responses, 100)),
      npsResponses: nps.responses,
      bookedCents,
      refundedCents,
      netRevenueCents: bookedCents - refundedCents,
      expansionCents,
      expansionShare: round1(ratio(expansionCents, bookedCents, 100)),
      expansionScore: round1(
        ratio(
          health.reduce((s, r) => s + r.expansionScoreSum, 0),
          health.reduce((s, r) => s + r.snapshots, 0),
          1,
        ),
      ),
    };
  });
}
