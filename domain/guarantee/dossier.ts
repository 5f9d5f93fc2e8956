/**
 * The success dossier of a met guarantee (docs/domain.md#success-validation _generate_success_documentation). Pure: the stored
 * final validation and the project's facts in, the document's sections out; dossier-html.ts renders it.
 *
 * Seed: project summary (customer, service type, duration, success score, threshold, margin);
 * achievements for every criterion with achievement ≥ 100 and the improvement % = (actual ÷ target − 1)
 * × 100; metrics evidence per criterion; stakeholder testimonials; technical deliverables; business
 * impact; case-study potential; expansion opportunities.
 * Ours: the duration runs from the project start to the guarantee's decision; a criterion met exactly is
 * listed as "Met" (improvement 0), above its target as "Exceeded"; business impact is stated only from
 * stored facts (timeline, margin, the refund not needed, milestones met, the production system).
 */
import { formatMoney } from "@/lib/money";
import type { ExpansionOpportunity } from "@/domain/retention/expansion";
import { DAY_MS } from "./clock";
import type { FinalValidation } from "./validation";
import { plural } from "@/lib/format";

export type DossierInput = {
  provider: string;
  customer: string;
  currency: string;
  project: {
    id: string;
    name: string;
    serviceType: string;
    tierKey: string;
    startDate: Date;
    targetEndDate: Date;
    completedAt: Date | null;
    contractValueCents: number;
  };
  guarantee: { amountCents: number; startsAt: Date; endsAt: Date; decidedAt: Date | null; threshold: number };
  outcome: FinalValidation;
  weeks: {
    weekNumber: number;
    title: string;
    status: string;
    score: number | null;
    criteria: { name: string; deliverable: string; score: number | null }[];
  }[];
  environments: { kind: string; status: string; url: string | null }[];
  latestEvidence: {
    coverage: number | null;
    testsPassed: number | null;
    testsFailed: number | null;
    commitSha: string | null;
    buildUrl: string | null;
    vulnerabilitiesHigh: number | null;
    vulnerabilitiesCritical: number | null;
    benchmarkP95Ms: number | null;
    at: Date;
  } | null;
  testimonials: string[];
  opportunities: ExpansionOpportunity[];
  issuedAt: Date;
};

export type Achievement = {
  criterion: string;
  achievement: string;
  target: number;
  actual: number;
  unit: string;
  improvement: number;
};

export type SuccessDossier = {
  provider: string;
  issuedAt: Date;
  project: DossierInput["project"];
  projectSummary: {
    customerName: string;
    serviceType: string;
    projectDurationDays: number;
    successScore: number;
    guaranteeThreshold: number;
    successMargin: number;
  };
  achievements: Achievement[];
  metricsEvidence: {
    criterion: string;
    target: number;
    actual: number | null;
    unit: string;
    achievementScore: number;
    weightedScore: number;
    evidence: string[];
    confirmation: string;
  }[];
  stakeholderTestimonials: string[];
  technicalDeliverables: {
    weeks: { weekNumber: number; title: string; status: string; score: number | null; deliverables: string[] }[];
    productionUrl: string | null;
    codebase: string[];
  };
  businessImpact: string[];
  caseStudy: { potential: boolean; reasons: string[] };
  expansionOpportunities: ExpansionOpportunity[];
};

const round1 = (x: number) => Math.round(x * 10) / 10;

export function successDossier(d: DossierInput): SuccessDossier {
  const o = d.outcome;
  const end = d.guarantee.decidedAt ?? d.guarantee.endsAt;
  const durationDays = Math.max(0, Math.round((end.getTime() - d.project.startDate.getTime()) / DAY_MS));
  const achievements = o.criteria
    .filter((c) => c.achievementScore >= 100 && c.actual !== null)
    .map((c) => {
      const improvement = round1(((c.actual ?? 0) / c.target - 1) * 100);
      return {
        criterion: c.name,
        achievement: `${improvement > 0 ? "Exceeded" : "Met"} the ${c.name} target`,
        target: c.target,
        actual: c.actual ?? 0,
        unit: c.unit,
        improvement,
      };
    });
  const e = d.latestEvidence;
  const codebase = e
    ? [
        e.coverage !== null ? `Test coverage ${e.coverage}%` : null,
        e.testsPassed !== null
          ? `${e.testsPassed} tests passing${e.testsFailed ? `, ${e.testsFailed} failing` : ""}`
          : null,
        e.vulnerabilitiesHigh !== null || e.vulnerabilitiesCritical !== null
          ? `${e.vulnerabilitiesCritical ?? 0} critical and ${e.vulnerabilitiesHigh ?? 0} high vulnerabilities open`
          : null,
        e.benchmarkP95Ms !== null ? `p95 response time ${e.benchmarkP95Ms} ms` : null,
        e.commitSha ? `Commit ${e.commitSha.slice(0, 12)}${e.buildUrl ? ` (${e.buildUrl})` : ""}` : null,
      ].filter((x): x is string => x !== null)
    : [];
  const production = d.environments.find((x) => x.kind === "PRODUCTION" && x.status === "READY" && x.url)?.url ?? null;
  const met = d.weeks.filter((w) => w.status === "SUCCESS").length;
  const finished = d.project.completedAt ?? end;
  const slack = Math.round((d.project.targetEndDate.getTime() - finished.getTime()) / DAY_MS);
  const money = formatMoney(d.guarantee.amountCents, d.currency);
  const businessImpact = [
    slack >= 0
      ? `Delivered ${slack === 0 ? "on" : `${plural(slack, "day")} before`} the target date (${d.project.targetEndDate.toISOString().slice(0, 10)}).`
      : `Delivered ${plural(-slack, "day")} after the target date (${d.project.targetEndDate.toISOString().slice(0, 10)}).`,
    `The guarantee was met with ${o.successScore} against a threshold of ${o.threshold} (margin ${o.margin >= 0 ? "+" : ""}${o.margin}); no part of the ${money} guarantee had to be refunded.`,
    `${met} of ${d.weeks.length} weekly milestones met.`,
    production ? `The production system is live at ${production}.` : null,
  ].filter((x): x is string => x !== null);
  return {
    provider: d.provider,
    issuedAt: d.issuedAt,
    project: d.project,
    projectSummary: {
      customerName: d.customer,
      serviceType: d.project.serviceType,
      projectDurationDays: durationDays,
      successScore: o.successScore,
      guaranteeThreshold: o.threshold,
      successMargin: o.margin,
    },
    achievements,
    metricsEvidence: o.criteria.map((c) => ({
      criterion: c.name,
      target: c.target,
      actual: c.actual,
      unit: c.unit,
      achievementScore: c.achievementScore,
      weightedScore: c.weightedScore,
      evidence: c.evidence,
      confirmation: c.stakeholderConfirmation.text,
    })),
    stakeholderTestimonials: d.testimonials,
    technicalDeliverables: {
      weeks: d.weeks.map((w) => ({
        weekNumber: w.weekNumber,
        title: w.title,
        status: w.status,
        score: w.score,
        deliverables: w.criteria.map((c) => `${c.name}: ${c.deliverable}`),
      })),
      productionUrl: production,
      codebase,
    },
    businessImpact,
    caseStudy: { potential: o.caseStudyPotential, reasons: o.caseStudyReasons },
    expansionOpportunities: d.opportunities,
  };
}

export function dossierFileName(d: Pick<SuccessDossier, "project">): string {
  const slug =
    d.project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "project";
  return `success-dossier-${slug}.html`;
}
