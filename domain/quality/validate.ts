/**
 * Quality validation (docs/domain.md#quality-gates execute_quality_validation). Pure and deterministic: a validation type,
 * the metrics and the tenant's gates in; every gate's verdict with its reason, family scores, the overall
 * score, escalation and a recommendation per failed gate out.
 *
 * Rules:
 * - a gate passes when actual ≥ threshold (minimums) or actual ≤ threshold (maximums), exactly at the
 *   threshold included. A delivery or process metric without data fails its gate ("no data"): an
 *   unmeasured gate is not met. A code metric no CI report gave is "no data" and the gate is skipped —
 *   neither passed nor failed — unless the tenant marks it required (docs/quality-gates.md#no-data).
 * - family score = gates passed ÷ gates counted in the family × 100 (docs/domain.md#quality-gates
 *   _validate_code_quality), 2 decimals; skipped gates are not counted.
 * - overall: a single family's score, or for "comprehensive" Σ weight × family score (default: code 0.4,
 *   delivery 0.3, process 0.3) of the unrounded family scores, rounded to 2 decimals; a family with no
 *   gate counted drops out and the other weights are scaled up to add to 1.
 * - escalate when the score < escalationScore (80) or gates failed > maxFailedGates (2) (docs/domain.md#quality-gates);
 *   a validation with no gate counted has nothing to escalate.
 * - recommendations are ordered by impact (critical first), then in gate order.
 */
import {
  DEFAULT_QUALITY_CONFIG,
  type CodeGateKey,
  QUALITY_FAMILIES,
  type QualityConfig,
  type QualityFamily,
  type QualityValidationKind,
} from "./config";
import {
  GATES_BY_FAMILY,
  fmt,
  gateThreshold,
  passes,
  type Comparator,
  type GateDefinition,
  type Impact,
  type QualityMetrics,
} from "./gates";

export type { Comparator, Impact, QualityMetrics } from "./gates";

export type GateResult = {
  gate: string;
  label: string;
  family: QualityFamily;
  threshold: number;
  comparator: Comparator;
  unit: string;
  /** null: no data (the gate fails, or is skipped: see `status`) */
  actual: number | null;
  passed: boolean;
  /** "no_data": skipped, counted neither as passed nor as failed (results stored before it: read `passed`) */
  status?: GateStatus;
  impact: Impact;
  reason: string;
};

export type GateStatus = "passed" | "failed" | "no_data";

export type FamilyResult = {
  family: QualityFamily;
  score: number;
  gatesPassed: number;
  /** gates counted (skipped "no data" gates are not) */
  gatesTotal: number;
  gatesNoData?: number;
  reason: string;
};
export type QualityRecommendation = { gate: string; family: QualityFamily; impact: Impact; text: string };

export type QualityValidationResult = {
  type: QualityValidationKind;
  gates: GateResult[];
  families: FamilyResult[];
  /** 0–100, 2 decimals */
  score: number;
  scoreReason: string;
  gatesPassed: number;
  gatesFailed: number;
  /** gates skipped for want of data */
  gatesNoData: number;
  escalate: boolean;
  /** empty when no escalation */
  escalationReasons: string[];
  recommendations: QualityRecommendation[];
};

const IMPACT_ORDER: Record<Impact, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

function checkGate(def: GateDefinition, metrics: QualityMetrics, config: QualityConfig): GateResult {
  const threshold = gateThreshold(config.gates, def);
  const { actual, note } = def.read(metrics);
  const bound = `${def.comparator} ${fmt(threshold)}${def.unit}`;
  const base = {
    gate: def.key,
    label: def.label,
    family: def.family,
    threshold,
    comparator: def.comparator,
    unit: def.unit,
    actual,
    impact: def.impact,
  };
  if (actual === null) {
    const required = def.family !== "code" || config.requiredCodeGates[def.key as CodeGateKey];
    return required
      ? {
          ...base,
          passed: false,
          status: "failed",
          reason: `${def.label}: no data — the gate (${bound}) cannot be met without a measurement`,
        }
      : {
          ...base,
          passed: false,
          status: "no_data",
          reason: `${def.label}: no data — no report gave it, so the gate (${bound}) is skipped`,
        };
  }
  const passed = passes(actual, def.comparator, threshold);
  const detail = note ? ` (${note})` : "";
  return {
    ...base,
    passed,
    status: passed ? "passed" : "failed",
    reason: `${def.label} ${fmt(actual)}${def.unit}${detail} ${passed ? "meets" : "misses"} the gate ${bound}`,
  };
}

function recommend(result: GateResult, def: GateDefinition): QualityRecommendation {
  const bound = `${result.comparator === "≥" ? "<" : ">"} ${fmt(result.threshold)}${result.unit}`;
  const text =
    result.actual === null
      ? `No ${def.label.toLowerCase()} data: report it (CI evidence API or manual entry) so the gate can be checked`
      : `${def.label} ${fmt(result.actual)}${result.unit} ${bound}: ${def.advice}`;
  return { gate: result.gate, family: result.family, impact: result.impact, text };
}

/**
 * Where a stored validation stands on its gates, for the badge on the project's quality card: escalated,
 * some gates failed (fewer than escalate), or every gate passed. A failed gate is never shown as "within
 * gates" (docs/quality-gates.md).
 */
export type GateStanding = { state: "escalated" | "gates_failed" | "all_passed"; failed: number; total: number };
export function gateStanding(v: { escalated: boolean; gatesPassed: number; gatesFailed: number }): GateStanding {
  const total = v.gatesPassed + v.gatesFailed;
  return {
    state: v.escalated ? "escalated" : v.gatesFailed > 0 ? "gates_failed" : "all_passed",
    failed: v.gatesFailed,
    total,
  };
}

/** docs/domain.md#quality-gates: escalate below the score bar or with too many failed gates. */
export function qualityEscalation(score: number, gatesFailed: number, config: QualityConfig = DEFAULT_QUALITY_CONFIG) {
  const { escalationScore, maxFailedGates } = config.escalation;
  const reasons: string[] = [];
  if (score < escalationScore) reasons.push(`Quality score ${fmt(score)} is below ${fmt(escalationScore)}`);
  if (gatesFailed > maxFailedGates)
    reasons.push(`${gatesFailed} gates failed, more than the ${maxFailedGates} tolerated`);
  return { escalate: reasons.length > 0, reasons };
}

export function validateQuality(
  type: QualityValidationKind,
  metrics: QualityMetrics,
  config: QualityConfig = DEFAULT_QUALITY_CONFIG,
): QualityValidationResult {
  const families: readonly QualityFamily[] = type === "comprehensive" ? QUALITY_FAMILIES : [type];
  const gates: GateResult[] = [];
  const recommendations: QualityRecommendation[] = [];
  const familyResults: (FamilyResult & { raw: number })[] = families.map((family) => {
    const defs = GATES_BY_FAMILY[family];
    const results = defs.map((def) => checkGate(def, metrics, config));
    results.forEach((r, i) => {
      gates.push(r);
      const def = defs[i];
      if (r.status === "failed" && def) recommendations.push(recommend(r, def));
    });
    const passed = results.filter((r) => r.status === "passed").length;
    const counted = results.filter((r) => r.status !== "no_data").length;
    const noData = results.length - counted;
    const raw = counted > 0 ? (passed / counted) * 100 : 0;
    const skipped = noData > 0 ? ` (${noData} skipped for want of data)` : "";
    return {
      family,
      raw,
      score: round2(raw),
      gatesPassed: passed,
      gatesTotal: counted,
      gatesNoData: noData,
      reason:
        counted > 0
          ? `${passed} of ${counted} ${family} gates passed = ${fmt(raw)}${skipped}`
          : `no ${family} gate had data`,
    };
  });

  const counted = familyResults.filter((f) => f.gatesTotal > 0);
  let score: number;
  let scoreReason: string;
  if (counted.length === 0) {
    score = 0;
    scoreReason = "No gate had data: nothing to score";
  } else if (type === "comprehensive") {
    const w = config.weights;
    const weightSum = counted.reduce((sum, f) => sum + w[f.family], 0);
    const scale = weightSum > 0 ? 1 / weightSum : 0;
    score = round2(counted.reduce((sum, f) => sum + w[f.family] * scale * f.raw, 0));
    const weightOf = (f: QualityFamily) => fmt(w[f] * scale);
    const dropped = familyResults.filter((f) => f.gatesTotal === 0).map((f) => `${f.family} had no data`);
    scoreReason = `Comprehensive ${fmt(score)} = ${counted.map((f) => `${f.family} ${fmt(f.raw)} × ${weightOf(f.family)}`).join(" + ")}${dropped.length > 0 ? ` (${dropped.join(", ")})` : ""}`;
  } else {
    const only = familyResults[0];
    score = only ? only.score : 0;
    scoreReason = `${type} score ${fmt(score)}: ${only?.reason ?? "no gates"}`;
  }

  const gatesPassed = gates.filter((g) => g.status === "passed").length;
  const gatesFailed = gates.filter((g) => g.status === "failed").length;
  const gatesNoData = gates.length - gatesPassed - gatesFailed;
  const { escalate, reasons } =
    counted.length > 0 ? qualityEscalation(score, gatesFailed, config) : { escalate: false, reasons: [] };
  recommendations.sort((a, b) => IMPACT_ORDER[a.impact] - IMPACT_ORDER[b.impact]);
  return {
    type,
    gates,
    families: familyResults.map(({ raw: _raw, ...f }) => f),
    score,
    scoreReason,
    gatesPassed,
    gatesFailed,
    gatesNoData,
    escalate,
    escalationReasons: reasons,
    recommendations,
  };
}
