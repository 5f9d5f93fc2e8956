/**
 * Sign-off rules (docs/domain.md#sign-offs stakeholder_sign_off; docs/domain.md#milestones). Pure: what an approver signs,
 * whether a request repeats the latest decision, and where a milestone's sign-offs stand.
 */
import { SIGNED_CONTENT_VERSION, type EvidenceLink, type SignOffDecision, type SignedContent } from "./chain";
import type { MilestoneStatus } from "@/generated/prisma/enums";

/** A week that has not started cannot be signed off yet (there is nothing to look at). */
export const SIGN_OFF_CLOSED_STATUSES = ["PENDING"] as const;

export type CriterionFacts = {
  project: { id: string; name: string };
  milestone: {
    id: string;
    weekNumber: number;
    title: string;
    dueDate: Date;
    score: number | null;
    status: MilestoneStatus;
  };
  criterion: {
    id: string;
    name: string;
    deliverable: string;
    validationMethod: string;
    weight: number;
    score: number | null;
    evidence: unknown;
  };
  latestBuild: { commitSha: string | null; buildUrl: string | null; createdAt: Date } | null;
};

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * The signed content: the criterion and its deliverable, the evidence the team attached (the reason
 * of the last validation and any links in it) and the latest CI build, and the score so far.
 */
export function signedContent(f: CriterionFacts): SignedContent {
  const raw: unknown = f.criterion.evidence ?? null;
  const stored = typeof raw === "object" && raw !== null ? (raw as { reason?: unknown; links?: unknown }) : null;
  const links: EvidenceLink[] = [];
  if (stored && Array.isArray(stored.links)) {
    for (const l of stored.links as { label?: unknown; url?: unknown }[]) {
      if (typeof l?.url === "string" && isHttpUrl(l.url))
        links.push({ label: typeof l.label === "string" ? l.label : l.url, url: l.url });
    }
  }
  if (f.latestBuild?.buildUrl && isHttpUrl(f.latestBuild.buildUrl)) {
    const commit = f.latestBuild.commitSha ? ` (commit ${f.latestBuild.commitSha.slice(0, 12)})` : "";
    links.push({ label: `Latest CI build${commit}`, url: f.latestBuild.buildUrl });
  }
  return {
    version: SIGNED_CONTENT_VERSION,
    project: { id: f.project.id, name: f.project.name },
    milestone: {
      id: f.milestone.id,
      weekNumber: f.milestone.weekNumber,
      title: f.milestone.title,
      dueDate: f.milestone.dueDate.toISOString(),
    },
    criterion: {
      id: f.criterion.id,
      name: f.criterion.name,
      deliverable: f.criterion.deliverable,
      validationMethod: f.criterion.validationMethod,
      weight: f.criterion.weight,
    },
    evidence: { summary: typeof stored?.reason === "string" ? stored.reason : null, links },
    scoreSoFar: { criterion: f.criterion.score, milestone: f.milestone.score, milestoneStatus: f.milestone.status },
  };
}

/**
 * Idempotency: the same person repeating the decision that is already the criterion's latest one
 * (no newer decision by anyone since) records nothing new — a double click, a retry or fifty
 * concurrent submissions give one entry.
 */
export function repeatsLatest(
  latest: { userId: string; decision: SignOffDecision } | null,
  request: { userId: string; decision: SignOffDecision },
): boolean {
  return latest !== null && latest.userId === request.userId && latest.decision === request.decision;
}

export type MilestoneSignOffState = {
  /** criteria that need a customer sign-off */
  required: number;
  decided: number;
  approved: number;
  /** every sign-off criterion has a decision (approved or changes requested): time to re-validate */
  allDecided: boolean;
  /** every sign-off criterion's latest decision is an approval: the milestone is signed off */
  signedOff: boolean;
};

/** Where a milestone's sign-offs stand, from each sign-off criterion's latest decision. */
export function milestoneSignOffState(
  criteria: readonly { requiresSignOff: boolean; latestDecision: SignOffDecision | null }[],
): MilestoneSignOffState {
  const needing = criteria.filter((c) => c.requiresSignOff);
  const decided = needing.filter((c) => c.latestDecision !== null).length;
  const approved = needing.filter((c) => c.latestDecision === "APPROVED").length;
  return {
    required: needing.length,
    decided,
    approved,
    allDecided: needing.length > 0 && decided === needing.length,
    signedOff: needing.length > 0 && approved === needing.length,
  };
}
