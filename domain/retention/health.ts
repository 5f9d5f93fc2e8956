/**
 * Customer health score 0–100 (docs/health.md). Pure: facts about one customer account in, the score
 * with every component's value, weight and contribution out ("why 64?"). Tenant weights come from the
 * "retention" configuration.
 *
 * Ours — each component on 0–100:
 * - milestoneSuccess: weekly milestones met ÷ weekly milestones validated in the window.
 * - csat: mean CSAT (0–10) × 10.       - nps: (NPS + 100) ÷ 2, so −100 → 0, 0 → 50, 100 → 100.
 * - signOffLatency: median hours from a week's due date to the customer's sign-off: ≤ target → 100,
 *   ≥ the longest → 0, linear between (signing before the due date counts as 0 hours).
 * - escalations: 100 − penalty × escalations raised in the window (0 at worst).
 * - qualityGates: gates passed ÷ gates evaluated in the window.
 * - education: education deliveries completed ÷ deliveries sent.
 * - engagement: distinct days the account's stakeholders used the portal in the last n days ÷ the
 *   target number of active days (capped at 100). Scored once the portal has been open to the account
 *   for the whole window (or the target is already reached); before that it has no data.
 * A component without data drops out and its weight goes to the others (weighted.ts). "No escalation"
 * is evidence only next to other data: with nothing else known, the account is not scored yet (score
 * null) rather than scored 100 (docs/health.md#no-data).
 */
import type { HealthComponent, RetentionConfig } from "./config";
import { clamp100, explainWeighted, round1, weightedScore, type ScoredPart, type WeightedPart } from "./weighted";
import { formatHours, plural } from "@/lib/format";

export type HealthFacts = {
  milestones: { validated: number; met: number };
  csat: { mean: number | null; responses: number };
  nps: { score: number | null; responses: number };
  signOffLatencyHours: number[];
  escalations: number;
  qualityGates: { passed: number; failed: number };
  education: { sent: number; completed: number };
  /** portalDays: whole days the portal has been open to the account (since its first customer user), 0 without one */
  engagement: { activeDays: number; portalDays: number };
};

export type HealthComponentResult = ScoredPart<HealthComponent>;
/** score null: not scored yet, no component has data (the explanation says so) */
export type HealthScore = { score: number | null; components: HealthComponentResult[]; explanation: string };

export const HEALTH_LABEL: Record<HealthComponent, string> = {
  milestoneSuccess: "Milestone success",
  csat: "CSAT",
  nps: "NPS",
  signOffLatency: "Sign-off latency",
  escalations: "Escalations",
  qualityGates: "Quality gate pass rate",
  education: "Education completion",
  engagement: "Portal engagement",
};

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function part(
  key: HealthComponent,
  display: string | null,
  score: number | null,
  reason: string,
): WeightedPart<HealthComponent> {
  return { key, label: HEALTH_LABEL[key], display, score: score === null ? null : round1(clamp100(score)), reason };
}

export function healthComponents(f: HealthFacts, config: RetentionConfig["health"]): WeightedPart<HealthComponent>[] {
  const { targetHours, maxHours } = config.signOffLatency;
  const latency = median(f.signOffLatencyHours.map((h) => Math.max(0, h)));
  const gates = f.qualityGates.passed + f.qualityGates.failed;
  const engagement = (100 * f.engagement.activeDays) / config.engagement.targetActiveDays;
  return [
    f.milestones.validated === 0
      ? part("milestoneSuccess", null, null, "No weekly milestone validated in the window.")
      : part(
          "milestoneSuccess",
          `${f.milestones.met} of ${f.milestones.validated} weeks met`,
          (100 * f.milestones.met) / f.milestones.validated,
          `${f.milestones.met} of ${f.milestones.validated} validated weeks met their threshold.`,
        ),
    f.csat.mean === null
      ? part("csat", null, null, "No CSAT answer in the window.")
      : part(
          "csat",
          `${f.csat.mean}/10`,
          f.csat.mean * 10,
          `Mean of ${plural(f.csat.responses, "CSAT answer")}: ${f.csat.mean}/10 (× 10).`,
        ),
    f.nps.score === null
      ? part("nps", null, null, "No NPS answer in the window.")
      : part(
          "nps",
          `NPS ${f.nps.score}`,
          (f.nps.score + 100) / 2,
          `NPS ${f.nps.score} from ${plural(f.nps.responses, "answer")}, mapped from −100…100 to 0…100.`,
        ),
    latency === null
      ? part("signOffLatency", null, null, "No customer sign-off in the window.")
      : part(
          "signOffLatency",
          `${formatHours(latency)} median`,
          latency <= targetHours
            ? 100
            : latency >= maxHours
              ? 0
              : (100 * (maxHours - latency)) / (maxHours - targetHours),
          `Median ${formatHours(latency)} from due date to sign-off over ${plural(f.signOffLatencyHours.length, "sign-off")} (≤ ${formatHours(targetHours)} scores 100, ≥ ${formatHours(maxHours)} scores 0).`,
        ),
    part(
      "escalations",
      `${plural(f.escalations, "escalation")}`,
      100 - config.escalationPenalty * f.escalations,
      `${plural(f.escalations, "escalation")} in the window, ${config.escalationPenalty} points each.`,
    ),
    gates === 0
      ? part("qualityGates", null, null, "No quality validation in the window.")
      : part(
          "qualityGates",
          `${f.qualityGates.passed} of ${gates} gates passed`,
          (100 * f.qualityGates.passed) / gates,
          `${f.qualityGates.passed} of ${gates} quality gates passed.`,
        ),
    f.education.sent === 0
      ? part("education", null, null, "No education content sent yet.")
      : part(
          "education",
          `${f.education.completed} of ${f.education.sent} completed`,
          (100 * f.education.completed) / f.education.sent,
          `${f.education.completed} of ${f.education.sent} education items completed.`,
        ),
    f.engagement.portalDays < config.engagement.windowDays &&
    f.engagement.activeDays < config.engagement.targetActiveDays
      ? part(
          "engagement",
          null,
          null,
          f.engagement.portalDays === 0 && f.engagement.activeDays === 0
            ? "The portal has not been open to the account for a full day yet."
            : `The portal has been open to the account for ${f.engagement.portalDays} of the ${config.engagement.windowDays} days measured (${plural(f.engagement.activeDays, "active day")} so far): scored once it has been open for the whole period.`,
        )
      : part(
          "engagement",
          `${plural(f.engagement.activeDays, "active day")}`,
          engagement,
          `${plural(f.engagement.activeDays, "day")} with portal activity in the last ${config.engagement.windowDays} days (target ${config.engagement.targetActiveDays}).`,
        ),
  ];
}

/** "No escalation" says nothing on its own: it counts as data only next to another component's data. */
function withEscalationEvidence(
  parts: WeightedPart<HealthComponent>[],
  escalations: number,
): WeightedPart<HealthComponent>[] {
  const others = parts.some((p) => p.key !== "escalations" && p.score !== null);
  if (others || escalations > 0) return parts;
  return parts.map((p) =>
    p.key === "escalations"
      ? { ...p, display: null, score: null, reason: "No escalation, and nothing else known about the account yet." }
      : p,
  );
}

export const NOT_SCORED =
  "Not scored yet: no delivery, survey, quality, education or portal data about the account so far.";

export function healthScore(f: HealthFacts, config: RetentionConfig["health"]): HealthScore {
  const { score, parts } = weightedScore(
    withEscalationEvidence(healthComponents(f, config), f.escalations),
    config.weights,
  );
  if (!parts.some((p) => p.available)) return { score: null, components: parts, explanation: NOT_SCORED };
  return { score, components: parts, explanation: explainWeighted(score, parts) };
}
