import "server-only";
import { z } from "zod";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { BUDGET_BANDS, ZIntakeProjectSchema, type IntakeProject } from "@/lib/schemas/intake";
import { DEFAULT_EDUCATION_LIBRARY, GUARANTEE_ITEM_KEY, renderEducationBody } from "@/domain/education/library";
import { analyzeFeasibility, type ProjectRequest } from "@/domain/feasibility/analyze";
import type { FeasibilityConfig } from "@/domain/feasibility/config";
import type { ServiceType } from "@/generated/prisma/enums";
import { ANSWER_LEVELS, type QualificationConfig } from "@/domain/qualification/config";
import { scoreQualification } from "@/domain/qualification/score";
import { type TierCatalogue } from "@/domain/tiers/config";
import { recommendTiers } from "@/domain/tiers/recommend";
import { escapeHtml } from "@/lib/html";

/**
 * The self-service result (docs/domain.md#self-service-assessment), pure: the stored inputs through the same engines as the CSM's
 * flow (qualification → feasibility → tiers), the view a prospect may see, and the email copy.
 */
export const RESULT_TTL_DAYS = 90;
const SHOWN_IMPROVEMENTS = 5;
const SHOWN_RISKS = 4;

/** What an assessment row stores in `answers` (answers + context are what the CSM form stores too). */
export const ZStoredIntakeSchema = z.object({
  answers: z.record(z.string(), z.enum(ANSWER_LEVELS)),
  context: z.object({
    desiredTimelineWeeks: z.number().optional(),
    businessCritical: z.boolean().optional(),
    hasFallbackPlan: z.boolean().optional(),
  }),
  selfService: z.object({
    project: ZIntakeProjectSchema,
    contact: z.object({ name: z.string(), company: z.string() }),
    feasibilityConfigVersion: z.number().int(),
    tiersConfigVersion: z.number().int(),
  }),
});
export type StoredIntake = z.infer<typeof ZStoredIntakeSchema>;
export type Evaluated = ReturnType<typeof evaluate>;

function projectRequest(project: IntakeProject): ProjectRequest {
  return {
    requirements: project.features,
    timelineWeeks: project.timelineWeeks,
    budgetCents: BUDGET_BANDS[project.budgetBand].cents,
    teamSize: project.teamSize,
    techStack: project.techStack,
    integrations: project.integrations,
    compliance: project.compliance,
  };
}

/** The CSM flow's defaults where the prospect gives no choice: the best-fitting service type, else MVP. */
export function evaluate(
  stored: StoredIntake,
  configs: { qualification: QualificationConfig; feasibility: FeasibilityConfig; tiers: TierCatalogue },
) {
  const qualification = scoreQualification(stored.answers, stored.context, configs.qualification);
  const request = projectRequest(stored.selfService.project);
  const feasibility = analyzeFeasibility(request, qualification.score, configs.feasibility);
  const serviceType: ServiceType = qualification.recommendedServiceTypes[0] ?? "MVP_DEVELOPMENT";
  const tiers = recommendTiers(
    {
      serviceType,
      teamSize: request.teamSize,
      budgetCents: request.budgetCents,
      timelineWeeks: request.timelineWeeks,
      complexity: feasibility.complexity,
      complianceRequired: request.compliance.length > 0,
      requirementsCount: request.requirements.length,
      integrationsCount: request.integrations.length,
    },
    configs.tiers,
  );
  return { qualification, feasibility, tiers };
}

/** docs/domain.md#guarantee success_guarantee_explanation, as the education library words it, with this tier's refund. */
function guaranteeText(guaranteeCents: number | null) {
  const item = DEFAULT_EDUCATION_LIBRARY.find((i) => i.key === GUARANTEE_ITEM_KEY);
  const refundAmount = guaranteeCents
    ? formatMoney(guaranteeCents, DEFAULT_CURRENCY, "short")
    : "the guarantee amount in your contract";
  return {
    title: item?.title ?? "30-Day Success Guarantee",
    body: renderEducationBody(item?.body ?? "", { refundAmount }),
  };
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, 1)}${"•".repeat(Math.max(1, Math.min(6, at - 1)))}${email.slice(at)}`;
}

/** The explained result a prospect sees: only numbers and reasons, nothing of anyone else's. */
export function resultView(stored: StoredIntake, evaluated: Evaluated) {
  const { qualification: q, feasibility: f, tiers } = evaluated;
  const primary = tiers.primary;
  return {
    score: {
      score: q.score,
      points: q.points,
      maxPoints: q.maxPoints,
      passScore: q.passScore,
      passed: q.passed,
      explanation: q.explanation,
    },
    categories: q.categories.map((c) => ({ key: c.key, label: c.label, points: c.points, maxPoints: c.maxPoints })),
    fit: q.fit.map((fit) => ({
      serviceType: fit.serviceType,
      label: fit.label,
      status: fit.status,
      reasons: fit.reasons,
    })),
    recommendedServiceTypes: q.recommendedServiceTypes,
    improvements: q.improvements.slice(0, SHOWN_IMPROVEMENTS).map((i) => ({
      criterion: i.criterion,
      label: i.label,
      gainPoints: i.gainPoints,
      gainScore: i.gainScore,
      message: i.message,
    })),
    feasibility: {
      score: f.feasibilityScore,
      passScore: f.passScore,
      successProbability: f.successProbability,
      requiredWeeks: f.timeline.requiredWeeks,
      offeredWeeks: f.timeline.offeredWeeks,
      estimatedCostCents: f.resource.estimatedCostCents,
      budgetCents: f.resource.budgetCents,
      complexity: f.complexity,
      risks: f.riskFactors
        .slice(0, SHOWN_RISKS)
        .map((r) => ({ key: r.key, label: r.label, severity: r.severity, detail: r.detail })),
      blockers: f.blockers.map((b) => ({ key: b.key, detail: b.detail })),
    },
    tier: primary
      ? {
          name: primary.name,
          compatibility: primary.compatibility,
          priceCents: primary.price.cents,
          priceRangeCents: primary.price.rangeCents,
          timelineWeeks: primary.estimatedTimelineWeeks,
          valueProposition: primary.valueProposition,
          refundAmountCents: primary.guaranteeCents,
          successThreshold: primary.guarantees.successThreshold,
        }
      : null,
    tierReasoning: tiers.reasoning,
    budgetBand: BUDGET_BANDS[stored.selfService.project.budgetBand].label,
    guarantee: guaranteeText(primary?.guaranteeCents ?? null),
  };
}

export function resultEmail(m: {
  tenantId: string;
  tenantName: string;
  to: string;
  name: string;
  assessmentId: string;
  url: string;
  evaluated: Evaluated;
}) {
  const q = m.evaluated.qualification;
  const tier = m.evaluated.tiers.primary;
  const best = q.improvements[0];
  const lines = [
    `Hi ${m.name},`,
    "",
    `Thank you for taking the ${m.tenantName} readiness assessment. Your readiness score is ${q.score}/100 (${q.points} of ${q.maxPoints} points).`,
    tier
      ? `Recommended package: ${tier.name}, about ${tier.estimatedTimelineWeeks} weeks, estimated ${formatMoney(tier.price.cents, DEFAULT_CURRENCY, "short")}.`
      : "No package fits yet; your result explains what would change that.",
    best ? `Biggest step up: ${best.message}.` : "",
    "",
    `Your full result, with the reasons behind every number (the link works for ${RESULT_TTL_DAYS} days):`,
    m.url,
    "",
    `A customer success manager from ${m.tenantName} will be in touch. Keep this link private: anyone with it can read your result.`,
  ].filter((line, i, all) => line !== "" || all[i - 1] !== "");
  const html = [
    `<p>Hi ${escapeHtml(m.name)},</p>`,
    `<p>Thank you for taking the ${escapeHtml(m.tenantName)} readiness assessment. Your readiness score is <strong>${q.score}/100</strong>.</p>`,
    `<p><a href="${escapeHtml(m.url)}">Open your full result</a> (the link works for ${RESULT_TTL_DAYS} days; keep it private).</p>`,
  ].join("");
  return {
    tenantId: m.tenantId,
    to: m.to,
    subject: `Your readiness assessment with ${m.tenantName}: ${q.score}/100`,
    text: lines.join("\n"),
    html,
    idempotencyKey: `intake-result/${m.assessmentId}`,
  };
}
