/**
 * Expansion potential 0–100 with its reasons, and the expansion offerings worth proposing (docs/domain.md#retention
 * _analyze_expansion_potential and docs/domain.md#success-validation _identify_expansion_opportunities, both left undefined). Pure.
 *
 * Ours — factors on 0–100, weighted by the tenant's "retention" configuration (weighted.ts drops
 * factors without data):
 * - health: the account's health score.
 * - guaranteeSuccess: the success score of the latest decided guarantee.
 * - satisfaction: mean CSAT × 10.      - advocacy: (NPS + 100) ÷ 2.
 * - relationship: projects delivered: none yet 30, one 60, two 85, three or more 100; no data only when
 *   the account has no project at all (a project that ended undelivered still counts: none delivered, 30).
 * Offerings come from the seed's expansion_offerings, each proposed when its reason holds.
 */
import type { ExpansionFactor, RetentionConfig } from "./config";
import { clamp100, explainWeighted, round1, weightedScore, type ScoredPart, type WeightedPart } from "./weighted";
import { plural } from "@/lib/format";

export type ServiceType = "MVP_DEVELOPMENT" | "LEGACY_MODERNIZATION" | "TEAM_AUGMENTATION";

export type ExpansionFacts = {
  /** null: the account is not scored yet (health.ts) */
  health: number | null;
  latestGuarantee: { status: string; successScore: number | null } | null;
  csatMean: number | null;
  npsScore: number | null;
  completedProjects: number;
  activeProjects: number;
  /** projects that ended without being delivered (failed, refunded, cancelled) */
  endedProjects: number;
  /** service types of the projects whose guarantee was met */
  succeededServiceTypes: ServiceType[];
  /** the largest contract of the account, in cents */
  largestContractCents: number;
};

export const EXPANSION_LABEL: Record<ExpansionFactor, string> = {
  health: "Health score",
  guaranteeSuccess: "Guarantee success",
  satisfaction: "Satisfaction",
  advocacy: "Advocacy (NPS)",
  relationship: "Relationship depth",
};

export const OFFERINGS = [
  "additional_mvp_features",
  "enterprise_scaling",
  "team_augmentation",
  "maintenance_contract",
] as const;
export type Offering = (typeof OFFERINGS)[number];
export const OFFERING_TITLE: Record<Offering, string> = {
  additional_mvp_features: "Additional MVP features",
  enterprise_scaling: "Enterprise scaling",
  team_augmentation: "Team augmentation",
  maintenance_contract: "Maintenance contract",
};
/** A contract at least this large suggests enterprise scaling (ours). */
export const ENTERPRISE_CONTRACT_CENTS = 25_000_000;

export type ExpansionFactorResult = ScoredPart<ExpansionFactor>;
export type ExpansionOpportunity = { key: Offering; title: string; reason: string };
export type ExpansionPotential = {
  score: number;
  factors: ExpansionFactorResult[];
  explanation: string;
  reasons: string[];
  opportunities: ExpansionOpportunity[];
};

const RELATIONSHIP = [30, 60, 85, 100] as const;

function part(
  key: ExpansionFactor,
  display: string | null,
  score: number | null,
  reason: string,
): WeightedPart<ExpansionFactor> {
  return { key, label: EXPANSION_LABEL[key], display, score: score === null ? null : round1(clamp100(score)), reason };
}

export function expansionOpportunities(
  f: Pick<ExpansionFacts, "completedProjects" | "activeProjects" | "succeededServiceTypes" | "largestContractCents">,
): ExpansionOpportunity[] {
  const out: ExpansionOpportunity[] = [];
  const add = (key: Offering, reason: string) => out.push({ key, title: OFFERING_TITLE[key], reason });
  if (f.succeededServiceTypes.includes("MVP_DEVELOPMENT"))
    add("additional_mvp_features", "An MVP met its guarantee: the next features build on a proven base.");
  if (f.succeededServiceTypes.includes("LEGACY_MODERNIZATION") || f.largestContractCents >= ENTERPRISE_CONTRACT_CENTS) {
    add(
      "enterprise_scaling",
      f.succeededServiceTypes.includes("LEGACY_MODERNIZATION")
        ? "A modernised system is ready to scale to more users and regions."
        : "A contract of enterprise size suggests scaling needs.",
    );
  }
  if (f.activeProjects > 0 || f.succeededServiceTypes.includes("TEAM_AUGMENTATION"))
    add(
      "team_augmentation",
      f.activeProjects > 0
        ? "A project is running: extra specialists can speed it up."
        : "The augmented team delivered: extend it.",
    );
  if (f.completedProjects > 0)
    add("maintenance_contract", "Delivered software needs maintenance, monitoring and upgrades.");
  return out;
}

export function expansionPotential(f: ExpansionFacts, config: RetentionConfig["expansion"]): ExpansionPotential {
  const g = f.latestGuarantee;
  const gScore = g && g.successScore !== null && g.status !== "ACTIVE" && g.status !== "PAUSED" ? g.successScore : null;
  const projects = f.completedProjects + f.activeProjects + f.endedProjects;
  const relationship =
    projects === 0 ? null : (RELATIONSHIP[Math.min(f.completedProjects, RELATIONSHIP.length - 1)] ?? 100);
  const parts = [
    f.health === null
      ? part("health", null, null, "Health not scored yet.")
      : part("health", String(f.health), f.health, `Health score ${f.health}.`),
    gScore === null
      ? part("guaranteeSuccess", null, null, "No guarantee decided yet.")
      : part(
          "guaranteeSuccess",
          `${gScore} (${g?.status.toLowerCase()})`,
          gScore,
          `The latest guarantee scored ${gScore} (${g?.status.toLowerCase()}).`,
        ),
    f.csatMean === null
      ? part("satisfaction", null, null, "No CSAT answer yet.")
      : part("satisfaction", `${f.csatMean}/10`, f.csatMean * 10, `Mean CSAT ${f.csatMean}/10.`),
    f.npsScore === null
      ? part("advocacy", null, null, "No NPS answer yet.")
      : part("advocacy", `NPS ${f.npsScore}`, (f.npsScore + 100) / 2, `NPS ${f.npsScore}.`),
    relationship === null
      ? part("relationship", null, null, "No project yet.")
      : part(
          "relationship",
          `${f.completedProjects} delivered, ${f.activeProjects} running${f.endedProjects > 0 ? `, ${f.endedProjects} ended undelivered` : ""}`,
          relationship,
          `${plural(f.completedProjects, "project")} delivered and ${f.activeProjects} running${f.endedProjects > 0 ? `; ${f.endedProjects} ended without being delivered` : ""}.`,
        ),
  ];
  const { score, parts: factors } = weightedScore(parts, config.weights);
  const reasons = factors
    .filter((p) => p.available)
    .sort((a, b) => Math.abs((b.score ?? 0) - 50) - Math.abs((a.score ?? 0) - 50))
    .map((p) => `${(p.score ?? 0) >= 70 ? "For" : (p.score ?? 0) < 50 ? "Against" : "Neutral"}: ${p.reason}`);
  return {
    score,
    factors,
    explanation: explainWeighted(score, factors),
    reasons,
    opportunities: expansionOpportunities(f),
  };
}
