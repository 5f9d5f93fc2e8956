import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

/** Stored results of the acquisition engines (assessments, feasibility analyses, tier recommendations). */
const json = (v: unknown) => v as Prisma.InputJsonValue;

export function insertAssessment(
  prisma: DbOrTx,
  /** authorId null: the prospect wrote it (self-service); there is no user to credit */
  row: {
    tenantId: string;
    leadId: string;
    authorId: string | null;
    answers: unknown;
    breakdown: unknown;
    points: number;
    maxPoints: number;
    score: number;
    fit: unknown;
    configVersion: number;
    isDraft: boolean;
    at: Date;
  },
) {
  return prisma.qualificationAssessment.create({
    data: {
      tenantId: row.tenantId,
      leadId: row.leadId,
      authorId: row.authorId,
      answers: json(row.answers),
      breakdown: json(row.breakdown),
      points: row.points,
      maxPoints: row.maxPoints,
      score: row.score,
      fit: json(row.fit),
      configVersion: row.configVersion,
      isDraft: row.isDraft,
      createdAt: row.at,
    },
    select: { id: true },
  });
}

export const assessmentSelect = {
  id: true,
  answers: true,
  breakdown: true,
  points: true,
  maxPoints: true,
  score: true,
  fit: true,
  configVersion: true,
  isDraft: true,
  createdAt: true,
  author: { select: { name: true } },
} satisfies Prisma.QualificationAssessmentSelect;

export function listAssessments(prisma: DbOrTx, tenantId: string, leadId: string, take: number) {
  return prisma.qualificationAssessment.findMany({
    where: { tenantId, leadId },
    orderBy: { createdAt: "desc" },
    take,
    select: assessmentSelect,
  });
}

export function findAssessment(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.qualificationAssessment.findFirst({
    where: { tenantId, id },
    select: { ...assessmentSelect, leadId: true },
  });
}

/** The latest saved (non-draft) assessment, optionally the latest at or before a moment. */
export function latestFinalAssessment(prisma: DbOrTx, tenantId: string, leadId: string, atOrBefore?: Date) {
  return prisma.qualificationAssessment.findFirst({
    where: { tenantId, leadId, isDraft: false, ...(atOrBefore ? { createdAt: { lte: atOrBefore } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, score: true, fit: true },
  });
}

export function insertFeasibility(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    leadId: string;
    authorId: string;
    input: unknown;
    technicalScore: number;
    timelineScore: number;
    resourceScore: number;
    feasibilityScore: number;
    successProbability: number;
    risks: unknown;
    blockers: unknown;
    recommendation: string;
    configVersion: number;
    at: Date;
  },
) {
  const { input, risks, blockers, at, ...rest } = row;
  return prisma.feasibilityAnalysis.create({
    data: { ...rest, input: json(input), risks: json(risks), blockers: json(blockers), createdAt: at },
    select: { id: true },
  });
}

export function latestFeasibility(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.feasibilityAnalysis.findFirst({
    where: { tenantId, leadId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      input: true,
      feasibilityScore: true,
      successProbability: true,
      risks: true,
      blockers: true,
      recommendation: true,
      configVersion: true,
      createdAt: true,
    },
  });
}

export function insertTierRecommendations(
  prisma: DbOrTx,
  rows: {
    tenantId: string;
    leadId: string;
    tierKey: string;
    compatibility: number;
    priceCents: number;
    timelineWeeks: number;
    reasoning: unknown;
    configVersion: number;
    at: Date;
  }[],
) {
  return prisma.tierRecommendation.createMany({
    data: rows.map(({ reasoning, at, ...r }) => ({ ...r, reasoning: json(reasoning), createdAt: at })),
  });
}

export function latestTierRecommendation(prisma: DbOrTx, tenantId: string, leadId: string, tierKey: string) {
  return prisma.tierRecommendation.findFirst({
    where: { tenantId, leadId, tierKey },
    orderBy: { createdAt: "desc" },
    select: { id: true, priceCents: true, compatibility: true, timelineWeeks: true, reasoning: true },
  });
}

/** Every row of the lead's most recent recommendation run (rows of one run share createdAt). */
export async function latestTierBatch(prisma: DbOrTx, tenantId: string, leadId: string) {
  const newest = await prisma.tierRecommendation.findFirst({
    where: { tenantId, leadId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (!newest) return [];
  return prisma.tierRecommendation.findMany({
    where: { tenantId, leadId, createdAt: newest.createdAt },
    orderBy: [{ compatibility: "desc" }, { tierKey: "asc" }],
    select: {
      id: true,
      tierKey: true,
      compatibility: true,
      priceCents: true,
      timelineWeeks: true,
      reasoning: true,
      chosen: true,
      configVersion: true,
      createdAt: true,
    },
  });
}

/** The tier the lead chose, if any (a later run may not include it). */
export function chosenTier(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.tierRecommendation.findFirst({
    where: { tenantId, leadId, chosen: true },
    select: { tierKey: true, priceCents: true, timelineWeeks: true, createdAt: true, reasoning: true },
  });
}

export async function markTierChosen(prisma: DbOrTx, tenantId: string, leadId: string, recommendationId: string) {
  await prisma.tierRecommendation.updateMany({ where: { tenantId, leadId, chosen: true }, data: { chosen: false } });
  await prisma.tierRecommendation.updateMany({ where: { tenantId, id: recommendationId }, data: { chosen: true } });
}
