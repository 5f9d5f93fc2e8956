/**
 * Lead qualification (docs/domain.md#qualification LeadQualificationEngine). Pure and deterministic: form answers in,
 * points per criterion and category, a 0–100 score, the service-fit verdicts and what would raise the
 * score most out — every number with the sentence that explains it.
 *
 * Rules (ours where the seed is silent):
 * - "full" earns all of a criterion's points, "partial" earns `partialCredit` of them rounded down to whole
 *   points (the specification's points are integers; rounding down never over-credits), "none" or a blank earns 0.
 * - score = points / maxPoints × 100, one decimal; passed when score ≥ passScore (docs/domain.md#journey: < 60 stops).
 * - fit per service type: see ./fit (disqualifiers first, then ideal range, then minimum score).
 * - improvements: every criterion not answered "full", by the points raising it to "full" would add.
 */
import type { ServiceType } from "@/generated/prisma/enums";
import { DEFAULT_QUALIFICATION_CONFIG, SERVICE_TYPES, type Answer, type QualificationConfig } from "./config";
import { evaluateFit, rankFits, type FitFacts, type QualificationContext, type ServiceFit } from "./fit";
import { categoryLabel, criterionAction, criterionLabel } from "./labels";

export type { QualificationContext, ServiceFit, FitStatus, KeyFactorResult, DisqualifierResult, Presence } from "./fit";

export type QualificationAnswers = Readonly<Partial<Record<string, Answer>>>;
export type CriterionResult = {
  key: string;
  label: string;
  answer: Answer;
  points: number;
  maxPoints: number;
  reason: string;
};
export type CategoryResult = {
  key: string;
  label: string;
  points: number;
  maxPoints: number;
  criteria: CriterionResult[];
};
export type Improvement = {
  criterion: string;
  label: string;
  from: Answer;
  gainPoints: number;
  /** what the 0–100 score would gain, one decimal */
  gainScore: number;
  /** labels of disqualifiers this answer alone currently triggers */
  lifts: string[];
  message: string;
};

export type QualificationResult = {
  points: number;
  maxPoints: number;
  /** 0–100, one decimal */
  score: number;
  passScore: number;
  passed: boolean;
  categories: CategoryResult[];
  /** one entry per service type, in SERVICE_TYPES order */
  fit: ServiceFit[];
  /** service types that fit (ideal or fits, not disqualified), best first */
  recommendedServiceTypes: ServiceType[];
  improvements: Improvement[];
  /** answered keys that are not criteria of this configuration (not scored) */
  ignoredAnswers: string[];
  explanation: string;
};

/** Tolerance so 0.29 × 100 counts as 29 points, not 28.999…; far below one point. */
const FLOAT_EPSILON = 1e-9;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function partialPoints(maxPoints: number, partialCredit: number): number {
  return Math.floor(maxPoints * partialCredit + FLOAT_EPSILON);
}

function scoreCriterion(
  key: string,
  maxPoints: number,
  given: Answer | undefined,
  config: QualificationConfig,
): CriterionResult {
  // anything but "full" / "partial" (a blank, or a value the form schema would refuse) earns nothing
  const answer: Answer = given === "full" || given === "partial" ? given : "none";
  const label = criterionLabel(key);
  if (answer === "full")
    return { key, label, answer, points: maxPoints, maxPoints, reason: `Answered "full": all ${maxPoints} points` };
  if (answer === "partial") {
    const points = partialPoints(maxPoints, config.partialCredit);
    const exact = maxPoints * config.partialCredit;
    const rounding = Math.abs(exact - points) > FLOAT_EPSILON ? " (rounded down)" : "";
    return {
      key,
      label,
      answer,
      points,
      maxPoints,
      reason: `Answered "partial": ${Math.round(config.partialCredit * 100)}% of ${maxPoints} = ${points} points${rounding}`,
    };
  }
  const how = given === "none" ? `Answered "none"` : `Left blank, counted as "none"`;
  return { key, label, answer, points: 0, maxPoints, reason: `${how}: 0 of ${maxPoints} points` };
}

function improvementsFor(
  categories: CategoryResult[],
  fit: ServiceFit[],
  config: QualificationConfig,
  maxPoints: number,
): Improvement[] {
  // a criterion lifts a disqualifier when it is the only "none" answer making it apply
  const lifting = new Map<string, Set<string>>();
  for (const d of fit.flatMap((f) => f.disqualifiers).filter((x) => x.applies)) {
    const rule = config.disqualifierRules[d.key];
    if (rule?.kind !== "answer_none") continue;
    const blank = rule.criteria.filter(
      (c) => !categories.some((cat) => cat.criteria.some((r) => r.key === c && r.answer !== "none")),
    );
    const only = blank.length === 1 ? blank[0] : undefined;
    if (only !== undefined) lifting.set(only, (lifting.get(only) ?? new Set()).add(d.label));
  }
  const list = categories
    .flatMap((cat) => cat.criteria)
    .filter((c) => c.answer !== "full" && c.maxPoints > c.points)
    .map((c): Improvement => {
      const gainPoints = c.maxPoints - c.points;
      const gainScore = maxPoints > 0 ? round1((gainPoints / maxPoints) * 100) : 0;
      const lifts = [...(lifting.get(c.key) ?? [])];
      const also = lifts.length > 0 ? `; also lifts ${lifts.map((l) => `"${l}"`).join(" and ")}` : "";
      return {
        criterion: c.key,
        label: c.label,
        from: c.answer,
        gainPoints,
        gainScore,
        lifts,
        message: `${criterionAction(c.key)}: +${gainPoints} points (+${gainScore})${also}`,
      };
    });
  // stable sort: equal gains keep the form's order
  return list.sort((a, b) => b.gainPoints - a.gainPoints || b.lifts.length - a.lifts.length);
}

function explain(r: Omit<QualificationResult, "explanation">): string {
  const parts = [
    `${r.points} of ${r.maxPoints} points → ${r.score}/100, ${r.passed ? "at or above" : "below"} the ${r.passScore} qualification bar`,
  ];
  parts.push(r.categories.map((c) => `${c.label} ${c.points}/${c.maxPoints}`).join(", "));
  const byType = new Map(r.fit.map((f) => [f.serviceType, f]));
  const recommended = r.recommendedServiceTypes.map((t) => byType.get(t)).filter((f) => f !== undefined);
  parts.push(
    recommended.length > 0
      ? `Fits: ${recommended.map((f) => `${f.label} (${f.status})`).join(", ")}`
      : "No service type fits",
  );
  const ruledOut = r.fit.filter((f) => f.status === "disqualified");
  if (ruledOut.length > 0) {
    parts.push(
      `Ruled out: ${ruledOut
        .map(
          (f) =>
            `${f.label} (${f.disqualifiers
              .filter((d) => d.applies)
              .map((d) => d.label)
              .join(", ")})`,
        )
        .join(", ")}`,
    );
  }
  const best = r.improvements[0];
  if (best) parts.push(`Biggest gain: ${best.message}`);
  return parts.join(". ") + ".";
}

export function scoreQualification(
  answers: QualificationAnswers,
  context: QualificationContext = {},
  config: QualificationConfig = DEFAULT_QUALIFICATION_CONFIG,
): QualificationResult {
  const known = new Set<string>();
  const categories = Object.entries(config.criteria).map(([key, criteria]): CategoryResult => {
    const results = Object.entries(criteria).map(([criterion, max]) => {
      known.add(criterion);
      return scoreCriterion(criterion, max, Object.hasOwn(answers, criterion) ? answers[criterion] : undefined, config);
    });
    return {
      key,
      label: categoryLabel(key),
      criteria: results,
      points: results.reduce((s, c) => s + c.points, 0),
      maxPoints: results.reduce((s, c) => s + c.maxPoints, 0),
    };
  });
  const points = categories.reduce((s, c) => s + c.points, 0);
  const maxPoints = categories.reduce((s, c) => s + c.maxPoints, 0);
  const score = maxPoints > 0 ? round1((points / maxPoints) * 100) : 0;

  const facts: FitFacts = {
    score,
    answers: new Map(categories.flatMap((c) => c.criteria.map((r) => [r.key, r.answer] as const))),
    categories: new Map(categories.map((c) => [c.key, { points: c.points, maxPoints: c.maxPoints }])),
    context,
  };
  const fit = SERVICE_TYPES.map((t) => evaluateFit(t, facts, config));
  const recommendedServiceTypes = rankFits(fit, score)
    .filter((f) => f.status === "ideal" || f.status === "fits")
    .map((f) => f.serviceType);

  const result = {
    points,
    maxPoints,
    score,
    passScore: config.passScore,
    passed: score >= config.passScore,
    categories,
    fit,
    recommendedServiceTypes,
    improvements: improvementsFor(categories, fit, config, maxPoints),
    ignoredAnswers: Object.keys(answers)
      .filter((k) => !known.has(k))
      .sort(),
  };
  return { ...result, explanation: explain(result) };
}
