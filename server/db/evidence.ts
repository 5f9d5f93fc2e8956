import "server-only";
import type { EvidenceSource } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { ReportMetric, ReportMetrics } from "@/domain/quality/reports/detect";
import type { DbOrTx } from "./client";

/** Code-quality evidence (CI API or entered by hand). Every read is scoped by tenant and project. */

export const evidenceSelect = {
  id: true,
  source: true,
  coverage: true,
  complexity: true,
  maintainability: true,
  vulnerabilitiesHigh: true,
  vulnerabilitiesCritical: true,
  benchmarkP95Ms: true,
  testsPassed: true,
  testsFailed: true,
  commitSha: true,
  buildUrl: true,
  metrics: true,
  branch: true,
  job: true,
  provenance: true,
  createdAt: true,
  updatedAt: true,
  apiToken: { select: { name: true, prefix: true } },
} satisfies Prisma.EvidenceSelect;

export type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

export function insertEvidence(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string;
    source: EvidenceSource;
    apiTokenId: string | null;
    commitSha?: string;
    buildUrl?: string;
    branch?: string;
    job?: string;
    metrics: Prisma.InputJsonValue;
    provenance?: Prisma.InputJsonValue;
    at: Date;
  } & ReportMetrics,
) {
  const { at, ...data } = row;
  return prisma.evidence.create({ data: { ...data, createdAt: at }, select: evidenceSelect });
}

/** The code metrics of a commit's merged evidence (docs/ci-evidence.md#merging-per-commit). */
export type EvidenceMetricColumns = { [K in ReportMetric]-?: number | null };

/**
 * Serialises posts for one commit: held until the caller's transaction ends, so two pipelines posting
 * for the same commit at once merge one after the other instead of both reading the same old state.
 */
export async function lockCommitEvidence(tx: DbOrTx, tenantId: string, projectId: string, commitSha: string) {
  const key = `evidence:${tenantId}:${projectId}:${commitSha}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** The commit's evidence row (the newest, should older duplicate rows exist from before the merge). */
export function commitEvidence(prisma: DbOrTx, tenantId: string, projectId: string, commitSha: string) {
  return prisma.evidence.findFirst({
    where: { tenantId, projectId, commitSha },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: evidenceSelect,
  });
}

/** Writes the merged metrics of a commit; its createdAt (first post) never moves. */
export function updateCommitEvidence(
  prisma: DbOrTx,
  tenantId: string,
  id: string,
  row: EvidenceMetricColumns & {
    apiTokenId: string | null;
    buildUrl: string | null;
    branch: string | null;
    job: string | null;
    metrics: Prisma.InputJsonValue;
    provenance: Prisma.InputJsonValue;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.evidence.update({ where: { id, tenantId }, data: { ...data, updatedAt: at }, select: evidenceSelect });
}

export function insertEvidencePost(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    evidenceId: string;
    apiTokenId: string | null;
    commitSha: string | null;
    branch: string | null;
    job: string | null;
    buildUrl: string | null;
    files: Prisma.InputJsonValue;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.evidencePost.create({ data: { ...data, createdAt: at }, select: { id: true } });
}

/** The project's most recent evidence (what the code gates and automated milestone criteria read). */
export function latestEvidence(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.evidence.findFirst({
    where: { tenantId, projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: evidenceSelect,
  });
}

export function listEvidence(prisma: DbOrTx, tenantId: string, projectId: string, take: number) {
  return prisma.evidence.findMany({
    where: { tenantId, projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: evidenceSelect,
  });
}
