/**
 * The 30-day success guarantee's configuration (docs/domain.md#guarantee success_guarantee_explanation, docs/domain.md#success-validation
 * SuccessMetricsValidator), stored per tenant as the "guarantee" TenantConfig kind with the seed's values
 * as defaults. Pure data + validation: no I/O.
 *
 * Seed: functional MVP delivered within timeline 40 %, 95 %+ test coverage 30 %, customer satisfaction
 * ≥ 8.5/10 30 %; if the criteria are not met the customer chooses a full refund of the guarantee amount,
 * continued development at no cost, or migration assistance.
 * Ours: how each criterion is measured (see validation.ts), the limits on customer-caused delays, the
 * case-study rule (the seed leaves _assess_case_study_potential undefined; 95 matches the executive
 * dashboard's case-study line) and the due date of a chosen non-refund remedy's task.
 */
import { z } from "zod";

/** Where a criterion's actual value comes from (validation.ts). */
export const GUARANTEE_METRICS = ["delivery", "coverage", "csat"] as const;
export type GuaranteeMetric = (typeof GUARANTEE_METRICS)[number];

export type GuaranteeCriterion = {
  key: string;
  name: string;
  metric: GuaranteeMetric;
  weight: number;
  /** delivery: % of weekly milestones met by the clock's end; coverage: %; csat: mean on 0–10 */
  target: number;
};

export type GuaranteeConfig = {
  criteria: GuaranteeCriterion[];
  delays: {
    /** one customer-caused delay pauses the clock for at most this many days */
    maxDaysPerDelay: number;
    /** all delays of one guarantee (acknowledged or awaiting the customer) together */
    maxTotalDays: number;
  };
  caseStudy: { minSuccessScore: number; minCriterionAchievement: number };
  remedies: { followUpDays: number };
};

export const METRIC_UNIT: Record<GuaranteeMetric, string> = {
  delivery: "% of weeks met",
  coverage: "% coverage",
  csat: "/10",
};
export const METRIC_MAX: Record<GuaranteeMetric, number> = { delivery: 100, coverage: 100, csat: 10 };

export const DEFAULT_GUARANTEE_CONFIG: GuaranteeConfig = {
  criteria: [
    {
      key: "mvp_delivered",
      name: "Functional MVP delivered within timeline",
      metric: "delivery",
      weight: 0.4,
      target: 100,
    },
    { key: "test_coverage", name: "95%+ test coverage maintained", metric: "coverage", weight: 0.3, target: 95 },
    {
      key: "customer_satisfaction",
      name: "Customer satisfaction score ≥ 8.5/10",
      metric: "csat",
      weight: 0.3,
      target: 8.5,
    },
  ],
  delays: { maxDaysPerDelay: 30, maxTotalDays: 60 },
  caseStudy: { minSuccessScore: 95, minCriterionAchievement: 90 },
  remedies: { followUpDays: 3 },
};

export const WEIGHT_SUM_TOLERANCE = 1e-6;

const num = (what: string, min: number, max: number) =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(min, `The ${what} is at least ${min}`)
    .max(max, `The ${what} is at most ${max}`);
const days = (what: string, max: number) => num(what, 1, max).int(`The ${what} is in whole days`);

export const ZGuaranteeConfigSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          key: z
            .string()
            .regex(/^[a-z][a-z0-9_]{0,63}$/, "A criterion key is 1–64 lower-case letters, digits or underscores"),
          name: z.string().trim().min(1, "Name the criterion").max(120, "A criterion name is at most 120 characters"),
          metric: z.enum(GUARANTEE_METRICS, { message: `The metric is one of: ${GUARANTEE_METRICS.join(", ")}` }),
          weight: num("weight", 0, 1).positive("A weight is above 0 (remove the criterion instead)"),
          target: num("target", 0, 100).positive("A target is above 0"),
        }),
      )
      .min(1, "The guarantee needs at least one success criterion")
      .max(GUARANTEE_METRICS.length, `At most ${GUARANTEE_METRICS.length} criteria, one per metric`),
    delays: z.object({ maxDaysPerDelay: days("longest delay", 90), maxTotalDays: days("total of delays", 180) }),
    caseStudy: z.object({
      minSuccessScore: num("case-study success score", 0, 100),
      minCriterionAchievement: num("case-study criterion achievement", 0, 100),
    }),
    remedies: z.object({ followUpDays: days("remedy follow-up", 60) }),
  })
  .superRefine((c, ctx) => {
    const sum = c.criteria.reduce((s, x) => s + x.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `The criteria weights must add up to 1 (they add up to ${Number(sum.toFixed(4))})`,
      });
    }
    const seen = new Set<string>();
    c.criteria.forEach((x, i) => {
      if (seen.has(x.metric))
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "metric"],
          message: `The ${x.metric} metric is measured once; merge the criteria`,
        });
      seen.add(x.metric);
      if (x.target > METRIC_MAX[x.metric])
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "target"],
          message: `A ${x.metric} target is at most ${METRIC_MAX[x.metric]}`,
        });
    });
    if (c.delays.maxTotalDays < c.delays.maxDaysPerDelay) {
      ctx.addIssue({
        code: "custom",
        path: ["delays", "maxTotalDays"],
        message: "The total of delays cannot be below the longest single delay",
      });
    }
  }) satisfies z.ZodType<GuaranteeConfig>;
