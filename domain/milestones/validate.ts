/**
 * Weekly milestone validation (docs/domain.md#milestones validate_weekly_milestone). Pure and deterministic: the
 * milestone's thresholds and scored criteria in; the weighted score, the status, each criterion's
 * contribution with its reason, pending sign-offs and the next actions out.
 *
 * Seed: score = Σ weight × criterion score; ≥ minimum success threshold → success; ≥ escalation
 * threshold → at risk (recovery actions); else failed (escalation actions).
 * Ours:
 * - the weighted score is rounded to 2 decimals before it is compared, so float noise never moves a
 *   milestone across a threshold (0.3 × 85 + 0.4 × 85 + 0.2 × 85 + 0.1 × 85 is exactly 85 → success).
 * - a criterion that requires sign-off (SIGN_OFF_METHODS, or the stored flag) counts only once a customer
 *   approver approved it; its entered score then counts, or 100 when none was entered (the approval is
 *   the validation). While any lacks an approval the status is "pending_sign_off": `score` is provisional
 *   (pending criteria as 0) and `bestCaseScore` counts them as 100. Recovery / escalation actions are
 *   already given when even the best case cannot reach success.
 * - an automated criterion without a score takes its score from the CI evidence when given (evidence.ts).
 * - any other criterion without a score is "not scored yet" (listed in `unscored`): the week gets no
 *   verdict — status "not_scored", the score provisional (counting it 0), no recovery or escalation
 *   actions — until every criterion is scored. A missing score never fails a week (docs/milestones.md).
 * - criterion scores are clamped to 0–100.
 */
import type { QualityGates } from "@/domain/quality/config";
import {
  escalationActions,
  recoveryActions,
  signOffActions,
  type MilestoneAction,
  type WeakCriterion,
} from "./actions";
import { requiresSignOff as methodRequiresSignOff } from "./config";
import { scoreFromEvidence, type EvidenceMetrics } from "./evidence";
import { plural } from "@/lib/format";

export type { MilestoneAction } from "./actions";

export type SignOffDecision = "APPROVED" | "CHANGES_REQUESTED";
export type CriterionInput = {
  name: string;
  weight: number;
  validationMethod: string;
  deliverable?: string;
  /** 0–100; null: not scored yet */
  score: number | null;
  /** the stored MilestoneCriterion.requiresSignOff; by default, whether the method is a sign-off method */
  requiresSignOff?: boolean;
  /** the latest customer decision on this criterion; null or absent: none yet */
  signOff?: SignOffDecision | null;
};
export type MilestoneInput = {
  minimumSuccessThreshold: number;
  escalationThreshold: number;
  criteria: CriterionInput[];
  /** the latest CI evidence: scores automated criteria that have no score */
  evidence?: EvidenceMetrics | null;
  gates?: QualityGates;
};

export type ScoredStatus = "success" | "at_risk" | "failed";
export type MilestoneValidationStatus = ScoredStatus | "pending_sign_off" | "not_scored";
export type ScoreSource = "entered" | "evidence" | "sign_off" | "pending_sign_off" | "unscored";

export type CriterionContribution = {
  name: string;
  weight: number;
  validationMethod: string;
  requiresSignOff: boolean;
  /** the score counted (0–100); pending sign-offs count 0 in the provisional score */
  score: number;
  weightedScore: number;
  source: ScoreSource;
  reason: string;
};
export type PendingSignOff = {
  name: string;
  validationMethod: string;
  decision: "none" | "changes_requested";
  reason: string;
};

export type MilestoneValidationResult = {
  status: MilestoneValidationStatus;
  /** 0–100, 2 decimals; provisional while sign-offs are pending or criteria are not scored */
  score: number;
  provisional: boolean;
  /** the score if every pending sign-off were approved and every unscored criterion scored at 100 (= score when none is) */
  bestCaseScore: number;
  /** the status the score alone gives, and the best case's */
  scoredStatus: ScoredStatus;
  bestCaseStatus: ScoredStatus;
  minimumSuccessThreshold: number;
  escalationThreshold: number;
  contributions: CriterionContribution[];
  pendingSignOffs: PendingSignOff[];
  unscored: string[];
  reasons: string[];
  actions: MilestoneAction[];
};

/** Two decimals; the epsilon absorbs binary noise such as 69.99999999999999. */
export const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
const fmt = (n: number) => String(round2(n));
const clampScore = (s: number | null | undefined): number | null =>
  typeof s === "number" && Number.isFinite(s) ? Math.min(100, Math.max(0, s)) : null;

/** docs/domain.md#milestones: the status a (rounded) score earns against the milestone's thresholds. */
export function statusForScore(
  score: number,
  t: { minimumSuccessThreshold: number; escalationThreshold: number },
): ScoredStatus {
  const s = round2(score);
  if (s >= t.minimumSuccessThreshold) return "success";
  if (s >= t.escalationThreshold) return "at_risk";
  return "failed";
}

type Counted = CriterionContribution & { pending: PendingSignOff | null; deliverable?: string };

function countCriterion(c: CriterionInput, input: MilestoneInput): Counted {
  const signOff = c.requiresSignOff ?? methodRequiresSignOff(c.validationMethod);
  const entered = clampScore(c.score);
  const base = {
    name: c.name,
    weight: c.weight,
    validationMethod: c.validationMethod,
    requiresSignOff: signOff,
    deliverable: c.deliverable,
  };
  const counted = (score: number, source: ScoreSource, reason: string): Counted => ({
    ...base,
    score,
    weightedScore: round2(c.weight * score),
    source,
    reason: `${reason}; × ${c.weight} = ${fmt(c.weight * score)}`,
    pending: null,
  });

  if (signOff && c.signOff !== "APPROVED") {
    const decision = c.signOff === "CHANGES_REQUESTED" ? "changes_requested" : "none";
    const why =
      decision === "changes_requested" ? "the customer requested changes" : "awaiting the customer's sign-off";
    const reason = `${why}: counts 0 until approved (best case 100 × ${c.weight} = ${fmt(c.weight * 100)})`;
    return {
      ...base,
      score: 0,
      weightedScore: 0,
      source: "pending_sign_off",
      reason,
      pending: { name: c.name, validationMethod: c.validationMethod, decision, reason: why },
    };
  }
  if (signOff) {
    return entered === null
      ? counted(100, "sign_off", "approved by the customer, no partial score entered: 100")
      : counted(entered, "entered", `approved by the customer, scored ${fmt(entered)}`);
  }
  if (entered !== null) return counted(entered, "entered", `scored ${fmt(entered)}`);
  const suggested = scoreFromEvidence(c.validationMethod, input.evidence, input.gates);
  if (suggested) return counted(suggested.score, "evidence", `from CI evidence: ${suggested.reasons.join("; ")}`);
  return counted(0, "unscored", "not scored yet: no verdict until it is scored (counts 0 in the provisional score)");
}

export function validateMilestone(input: MilestoneInput): MilestoneValidationResult {
  const t = { minimumSuccessThreshold: input.minimumSuccessThreshold, escalationThreshold: input.escalationThreshold };
  const counted = input.criteria.map((c) => countCriterion(c, input));
  const pendingSignOffs = counted.flatMap((c) => (c.pending ? [c.pending] : []));
  const unscored = counted.filter((c) => c.source === "unscored").map((c) => c.name);
  const raw = counted.reduce((s, c) => s + c.weight * c.score, 0);
  const score = round2(raw);
  const open = (c: Counted) => c.pending !== null || c.source === "unscored";
  const bestCaseScore = round2(raw + counted.reduce((s, c) => s + (open(c) ? c.weight * 100 : 0), 0));
  const scoredStatus = statusForScore(score, t);
  const bestCaseStatus = statusForScore(bestCaseScore, t);
  const notScored = unscored.length > 0;
  const provisional = pendingSignOffs.length > 0 || notScored;
  // waiting only means something while a sign-off could still make the week succeed; when even the best
  // case misses the bar, the week is at risk (or failed) now, whatever the customer decides. A criterion
  // nobody scored yet is different: judging the week without it would be judging a guess.
  const status: MilestoneValidationStatus = notScored
    ? "not_scored"
    : !provisional
      ? scoredStatus
      : bestCaseStatus === "success"
        ? "pending_sign_off"
        : bestCaseStatus;

  const weak: WeakCriterion[] = counted
    .filter((c) => !open(c) && c.score < t.minimumSuccessThreshold)
    .map((c) => ({
      name: c.name,
      score: c.score,
      weight: c.weight,
      pointsLost: c.weight * (100 - c.score),
      deliverable: c.deliverable,
    }))
    .sort((a, b) => b.pointsLost - a.pointsLost);
  // while sign-offs are pending, act on what even the best case gives; while criteria are not scored, no verdict
  const outlook = notScored ? null : provisional ? bestCaseStatus : scoredStatus;
  const actions = [
    ...signOffActions(
      counted.flatMap((c) =>
        c.pending ? [{ name: c.name, decision: c.pending.decision, deliverable: c.deliverable }] : [],
      ),
    ),
    ...(outlook === "at_risk"
      ? recoveryActions(provisional ? bestCaseScore : score, t, weak, provisional ? "Best-case score" : "Score")
      : []),
    ...(outlook === "failed"
      ? escalationActions(provisional ? bestCaseScore : score, t, weak, provisional ? "Best-case score" : "Score")
      : []),
  ];

  const sum = `Weighted score ${fmt(score)} = ${counted.map((c) => `${c.weight} × ${fmt(c.score)}`).join(" + ")}`;
  const bar = `success at ≥ ${t.minimumSuccessThreshold}, at risk at ≥ ${t.escalationThreshold}, failed below`;
  const reasons = [sum, bar];
  if (notScored) {
    reasons.push(`Not scored yet: ${unscored.join(", ")}. The week stays in progress until every criterion is scored.`);
  } else if (provisional) {
    reasons.push(
      `${plural(pendingSignOffs.length, "criterion")} await the customer's sign-off: the score is provisional (${scoredStatus.replace("_", " ")}); with every sign-off approved at 100 it would be ${fmt(bestCaseScore)} (${bestCaseStatus.replace("_", " ")})`,
    );
  } else {
    reasons.push(`${fmt(score)} → ${status.replace("_", " ")}`);
  }

  return {
    status,
    score,
    provisional,
    bestCaseScore,
    scoredStatus,
    bestCaseStatus,
    ...t,
    contributions: counted.map(({ pending: _p, deliverable: _d, ...c }) => c),
    pendingSignOffs,
    unscored,
    reasons,
    actions,
  };
}
