/**
 * Lead qualification configuration (docs/domain.md#qualification QUALIFICATION_CRITERIA + SERVICE_FIT_MATRIX), stored per
 * tenant with the seed's values as defaults. Pure data + validation: no I/O.
 *
 * The shape extends the TenantConfig v1 the demo seed writes ({ criteria, partialCredit, passScore,
 * fitMatrix }): the two additions (disqualifierRules, categoryFactorShares) default to ours, so a v1 row
 * parses unchanged.
 */
import { z } from "zod";
import type { ServiceType } from "@/generated/prisma/enums";

export {
  ANSWER_MEANING,
  CATEGORY_LABELS,
  CRITERION_TEXT,
  SERVICE_TYPE_LABELS,
  categoryLabel,
  criterionAction,
  criterionLabel,
} from "./labels";

export const ANSWER_LEVELS = ["full", "partial", "none"] as const;
export type Answer = (typeof ANSWER_LEVELS)[number];
export const SERVICE_TYPES = [
  "MVP_DEVELOPMENT",
  "LEGACY_MODERNIZATION",
  "TEAM_AUGMENTATION",
] as const satisfies readonly ServiceType[];

/**
 * A disqualifier rules a service out whatever the score (docs/domain.md#service-fit "disqualifiers"). The seed only names
 * them; each is derived from the form by one of three rule kinds:
 * - answer_none: any listed criterion answered "none" (or left blank);
 * - timeline_under: the desired timeline (context) is shorter than minWeeks;
 * - critical_without_fallback: the system is business critical (context) and no fallback plan is recorded.
 */
export type DisqualifierRule =
  | { kind: "answer_none"; label: string; criteria: string[] }
  | { kind: "timeline_under"; label: string; minWeeks: number }
  | { kind: "critical_without_fallback"; label: string };

export type FitRule = {
  /** [low, high] on the 0–100 score: inside it the service is an ideal fit */
  idealScoreRange: [number, number];
  minimumScore: number;
  /** criterion keys or whole category keys */
  keyFactors: string[];
  /** keys of disqualifierRules */
  disqualifiers: string[];
};

export type QualificationConfig = {
  /** category → criterion → points (docs/domain.md#qualification: 4 categories, 14 criteria, 235 points) */
  criteria: Record<string, Record<string, number>>;
  /** share of a criterion's points a "partial" answer earns, rounded down to whole points */
  partialCredit: number;
  /** docs/domain.md#journey: a score below this stops the journey */
  passScore: number;
  fitMatrix: Record<ServiceType, FitRule>;
  disqualifierRules: Record<string, DisqualifierRule>;
  /** a category named as a key factor is present at ≥ `present` of its points, partly at ≥ `partial` */
  categoryFactorShares: { present: number; partial: number };
};

/** docs/domain.md#qualification QUALIFICATION_CRITERIA, verbatim. */
export const SEED_CRITERIA: Record<string, Record<string, number>> = {
  technical_readiness: {
    existing_codebase: 25,
    development_team: 20,
    project_documentation: 15,
    technical_stack_clarity: 10,
  },
  business_readiness: { clear_requirements: 30, defined_timeline: 20, stakeholder_alignment: 15, success_criteria: 10 },
  financial_readiness: { budget_defined: 25, decision_authority: 20, contract_timeline: 10 },
  organizational_readiness: { change_management: 15, team_availability: 10, communication_structure: 10 },
};

/** Ours: partial = half the points, rounded down (the demo seed's rows are computed the same way). */
export const DEFAULT_PARTIAL_CREDIT = 0.5;
/** docs/domain.md#journey: qualification_score < 60 → unqualified lead. */
export const DEFAULT_PASS_SCORE = 60;
/**
 * Shortest timeline we call realistic: docs/domain.md#tiers's shortest package (Startup MVP) runs 4–8 weeks and the
 * guarantee's milestone framework (docs/domain.md#milestones) is four weekly milestones.
 */
export const MIN_REALISTIC_WEEKS = 4;
/** A category key factor is "present" at 70% of its points (a clear majority), "partly" at half of that. */
export const CATEGORY_PRESENT_SHARE = 0.7;
export const CATEGORY_PARTIAL_SHARE = 0.35;

export const DEFAULT_DISQUALIFIER_RULES: Record<string, DisqualifierRule> = {
  no_stakeholder_alignment: {
    kind: "answer_none",
    label: "No stakeholder alignment",
    criteria: ["stakeholder_alignment"],
  },
  unrealistic_timeline: { kind: "timeline_under", label: "Unrealistic timeline", minWeeks: MIN_REALISTIC_WEEKS },
  no_technical_team: { kind: "answer_none", label: "No technical team", criteria: ["development_team"] },
  business_critical_without_fallback: {
    kind: "critical_without_fallback",
    label: "Business critical without fallback",
  },
  // augmentation embeds engineers in the customer's team: it must exist and have time to work with them
  no_existing_team: {
    kind: "answer_none",
    label: "No existing team",
    criteria: ["development_team", "team_availability"],
  },
  poor_communication_structure: {
    kind: "answer_none",
    label: "Poor communication structure",
    criteria: ["communication_structure"],
  },
};

export const DEFAULT_QUALIFICATION_CONFIG: QualificationConfig = {
  criteria: SEED_CRITERIA,
  partialCredit: DEFAULT_PARTIAL_CREDIT,
  passScore: DEFAULT_PASS_SCORE,
  // docs/domain.md#service-fit SERVICE_FIT_MATRIX, keyed by our ServiceType enum
  fitMatrix: {
    MVP_DEVELOPMENT: {
      idealScoreRange: [70, 100],
      minimumScore: 60,
      keyFactors: ["clear_requirements", "defined_timeline", "budget_defined"],
      disqualifiers: ["no_stakeholder_alignment", "unrealistic_timeline"],
    },
    LEGACY_MODERNIZATION: {
      idealScoreRange: [75, 100],
      minimumScore: 65,
      keyFactors: ["existing_codebase", "technical_readiness", "change_management"],
      disqualifiers: ["no_technical_team", "business_critical_without_fallback"],
    },
    TEAM_AUGMENTATION: {
      idealScoreRange: [65, 100],
      minimumScore: 55,
      keyFactors: ["development_team", "clear_requirements", "communication_structure"],
      disqualifiers: ["no_existing_team", "poor_communication_structure"],
    },
  },
  disqualifierRules: DEFAULT_DISQUALIFIER_RULES,
  categoryFactorShares: { present: CATEGORY_PRESENT_SHARE, partial: CATEGORY_PARTIAL_SHARE },
};

/** criterion key → its category key, in config order. */
export function criterionIndex(config: QualificationConfig): Map<string, string> {
  const index = new Map<string, string>();
  for (const [category, criteria] of Object.entries(config.criteria)) {
    for (const key of Object.keys(criteria)) index.set(key, category);
  }
  return index;
}

export const DEFAULT_CRITERION_KEYS: readonly string[] = [...criterionIndex(DEFAULT_QUALIFICATION_CONFIG).keys()];

// ---------------------------------------------------------------- validation (tenant edits)

const MAX_POINTS_PER_CRITERION = 1000;
const MAX_TIMELINE_WEEKS = 520;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const keySchema = z
  .string()
  .regex(KEY, "Keys are 1–64 lower-case letters, digits or underscores, starting with a letter");
const labelSchema = z
  .string()
  .trim()
  .min(1, "Give the disqualifier a label")
  .max(120, "Labels are at most 120 characters");
const points = z
  .number({ message: "Points must be a number" })
  .int("Points must be whole numbers")
  .min(0, "Points cannot be negative")
  .max(MAX_POINTS_PER_CRITERION, "A criterion is worth at most 1,000 points");
const score = (what: string) =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(0, `The ${what} is a score from 0 to 100`)
    .max(100, `The ${what} is a score from 0 to 100`);
const share = (what: string) =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(0, `The ${what} is a fraction from 0 to 1 (0.5 = half)`)
    .max(1, `The ${what} is a fraction from 0 to 1 (0.5 = half)`);

const ZFitRuleSchema = z.object({
  idealScoreRange: z.tuple([score("ideal range start"), score("ideal range end")]),
  minimumScore: score("minimum score"),
  keyFactors: z.array(keySchema).max(20, "At most 20 key factors per service"),
  disqualifiers: z.array(keySchema).max(20, "At most 20 disqualifiers per service"),
});

const ZDisqualifierRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("answer_none"),
      label: labelSchema,
      criteria: z.array(keySchema).min(1, "Name at least one criterion").max(20),
    }),
    z.object({
      kind: z.literal("timeline_under"),
      label: labelSchema,
      minWeeks: z
        .number()
        .int("Use whole weeks")
        .min(1, "The minimum timeline is at least 1 week")
        .max(MAX_TIMELINE_WEEKS, "The minimum timeline is at most 520 weeks"),
    }),
    z.object({ kind: z.literal("critical_without_fallback"), label: labelSchema }),
  ],
  { message: "A disqualifier rule's kind is answer_none, timeline_under or critical_without_fallback" },
);

/** Cross-field checks: everything a name points at must exist, ranges must be ordered. */
function checkReferences(config: QualificationConfig, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const owner = new Map<string, string>();
  let total = 0;
  for (const [category, criteria] of Object.entries(config.criteria)) {
    const entries = Object.entries(criteria);
    if (entries.length === 0)
      issue(["criteria", category], `The category "${category}" has no criteria; add one or remove the category`);
    for (const [key, value] of entries) {
      total += value;
      const previous = owner.get(key);
      const path = ["criteria", category, key];
      if (previous !== undefined)
        issue(path, `The criterion "${key}" appears in both ${previous} and ${category}; keep it in one`);
      if (Object.hasOwn(config.criteria, key))
        issue(path, `"${key}" is already a category name; give the criterion another key`);
      owner.set(key, category);
    }
  }
  if (total <= 0) issue(["criteria"], "At least one criterion must be worth points, otherwise every score is 0");

  const rules = config.disqualifierRules;
  for (const [key, rule] of Object.entries(rules)) {
    if (rule.kind !== "answer_none") continue;
    for (const criterion of rule.criteria.filter((c) => !owner.has(c))) {
      issue(
        ["disqualifierRules", key, "criteria"],
        `The disqualifier "${rule.label}" reads the criterion "${criterion}", which the criteria do not include`,
      );
    }
  }

  for (const serviceType of SERVICE_TYPES) {
    const fit = config.fitMatrix[serviceType];
    const [low, high] = fit.idealScoreRange;
    const at = (field: string) => ["fitMatrix", serviceType, field];
    if (low < fit.minimumScore) {
      issue(
        at("idealScoreRange"),
        `The ideal range for ${serviceType} starts at ${low}, below its minimum score ${fit.minimumScore}; it must start at or above the minimum`,
      );
    }
    if (low > high)
      issue(
        at("idealScoreRange"),
        `The ideal range for ${serviceType} starts above where it ends (${low} > ${high}); put the lower bound first`,
      );
    for (const factor of fit.keyFactors.filter((f) => !owner.has(f) && !Object.hasOwn(config.criteria, f))) {
      issue(at("keyFactors"), `The key factor "${factor}" for ${serviceType} is neither a criterion nor a category`);
    }
    for (const d of fit.disqualifiers.filter((x) => !Object.hasOwn(rules, x))) {
      issue(
        at("disqualifiers"),
        `The disqualifier "${d}" for ${serviceType} is not defined; known: ${Object.keys(rules).join(", ") || "none"}`,
      );
    }
  }
  if (config.categoryFactorShares.partial > config.categoryFactorShares.present) {
    issue(["categoryFactorShares", "partial"], "The 'partly present' share must not be above the 'present' share");
  }
}

export const ZQualificationConfigSchema = z
  .object({
    criteria: z
      .record(keySchema, z.record(keySchema, points), { message: "Criteria are categories of criterion → points" })
      .refine((c) => Object.keys(c).length > 0, "Add at least one category of criteria"),
    partialCredit: share("partial credit"),
    passScore: score("pass score"),
    fitMatrix: z.record(z.enum(SERVICE_TYPES), ZFitRuleSchema, {
      message: "The fit matrix needs a rule for every service type",
    }),
    disqualifierRules: z
      .record(keySchema, ZDisqualifierRuleSchema)
      .default(() => structuredClone(DEFAULT_DISQUALIFIER_RULES)),
    categoryFactorShares: z
      .object({ present: share("'present' share"), partial: share("'partly present' share") })
      .default(() => ({ present: CATEGORY_PRESENT_SHARE, partial: CATEGORY_PARTIAL_SHARE })),
  })
  .superRefine(checkReferences) satisfies z.ZodType<QualificationConfig>;
