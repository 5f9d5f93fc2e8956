import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Answer } from "@/domain/qualification/config";
import type { CategoryResult, QualificationContext, ServiceFit } from "@/domain/qualification/score";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type LeadDetail = RouterOutputs["leads"]["get"];
export type AssessmentRow = RouterOutputs["qualification"]["history"][number];
export type LatestFeasibility = NonNullable<RouterOutputs["feasibility"]["latest"]>;
export type LatestTiers = RouterOutputs["tiers"]["latest"];

export type StoredAnswers = { answers: Record<string, Answer>; context: QualificationContext };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isAnswer = (v: unknown): v is Answer => v === "full" || v === "partial" || v === "none";

/** The stored `answers` JSON ({ answers, context }) read defensively. */
export function readStoredAnswers(value: unknown): StoredAnswers {
  const answers: Record<string, Answer> = {};
  const context: QualificationContext = {};
  if (!isRecord(value)) return { answers, context };
  if (isRecord(value.answers)) {
    for (const [key, v] of Object.entries(value.answers)) if (isAnswer(v)) answers[key] = v;
  }
  if (isRecord(value.context)) {
    const c = value.context;
    if (typeof c.desiredTimelineWeeks === "number") context.desiredTimelineWeeks = c.desiredTimelineWeeks;
    if (typeof c.businessCritical === "boolean") context.businessCritical = c.businessCritical;
    if (typeof c.hasFallbackPlan === "boolean") context.hasFallbackPlan = c.hasFallbackPlan;
  }
  return { answers, context };
}

/** Stored breakdown / fit JSON: written by scoreQualification, so the shapes are trusted when they are arrays. */
export function readBreakdown(value: unknown): CategoryResult[] {
  return Array.isArray(value) ? value.filter((c): c is CategoryResult => isRecord(c) && Array.isArray(c.criteria)) : [];
}

export function readFit(value: unknown): ServiceFit[] {
  return Array.isArray(value)
    ? value.filter((f): f is ServiceFit => isRecord(f) && typeof f.status === "string" && Array.isArray(f.reasons))
    : [];
}
