/**
 * Opportunities (docs/domain.md#dashboard `_identify_opportunities`): accounts ready to expand and successes worth a
 * case study. Pure rules over what the data layer found; each opportunity says why it is one.
 */

/** docs/domain.md#retention: the retention strategy whose actions are an expansion proposal */
export const EXPANSION_STRATEGY = "HIGH_SATISFACTION_EXPANSION";
/** an account whose latest expansion potential (health snapshot) is at least this is worth a proposal */
export const EXPANSION_SCORE_MIN = 75;
export const MAX_OPPORTUNITIES = 6;

export type ExpansionCandidate = {
  accountId: string;
  accountName: string;
  healthScore: number | null;
  expansionScore: number | null;
  strategy: string | null;
  nextTouchpointAt: Date | null;
  latestProjectId: string | null;
};

export type CaseStudyCandidate = {
  projectId: string;
  projectName: string;
  accountName: string;
  successScore: number | null;
  decidedAt: Date;
  source: "flag" | "derived";
};

export type Opportunity = {
  kind: "expansion" | "case_study";
  key: string;
  title: string;
  reason: string;
  href: string | null;
  at: Date | null;
};

const fmt = (x: number | null) => (x === null ? "—" : String(Math.round(x)));

export function isExpansionCandidate(c: ExpansionCandidate): boolean {
  return c.strategy === EXPANSION_STRATEGY || (c.expansionScore !== null && c.expansionScore >= EXPANSION_SCORE_MIN);
}

export function expansionOpportunities(candidates: readonly ExpansionCandidate[]): Opportunity[] {
  return candidates
    .filter(isExpansionCandidate)
    .sort((a, b) => (b.expansionScore ?? -1) - (a.expansionScore ?? -1) || a.accountName.localeCompare(b.accountName))
    .slice(0, MAX_OPPORTUNITIES)
    .map((c) => {
      const why =
        c.strategy === EXPANSION_STRATEGY
          ? "retention plan: high-satisfaction expansion"
          : `expansion potential ${fmt(c.expansionScore)} ≥ ${EXPANSION_SCORE_MIN}`;
      return {
        kind: "expansion",
        key: `expansion:${c.accountId}`,
        title: c.accountName,
        reason: `${why[0]?.toUpperCase()}${why.slice(1)} (health ${fmt(c.healthScore)}, expansion potential ${fmt(c.expansionScore)}).`,
        href: c.latestProjectId ? `/projects/${c.latestProjectId}` : null,
        at: c.nextTouchpointAt,
      };
    });
}

export function caseStudyOpportunities(candidates: readonly CaseStudyCandidate[]): Opportunity[] {
  return [...candidates]
    .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime() || a.projectName.localeCompare(b.projectName))
    .slice(0, MAX_OPPORTUNITIES)
    .map((c) => ({
      kind: "case_study",
      key: `case_study:${c.projectId}`,
      title: `${c.projectName} · ${c.accountName}`,
      reason:
        c.source === "flag"
          ? `The success validation flagged case-study potential (success score ${fmt(c.successScore)}).`
          : `Guarantee met with a success score of ${fmt(c.successScore)}.`,
      href: `/projects/${c.projectId}`,
      at: c.decidedAt,
    }));
}
