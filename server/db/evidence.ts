import "server-only";
import type { EvidenceSource } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
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
  createdAt: true,
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
    coverage?: number;
    complexity?: number;
    maintainability?: number;
    vulnerabilitiesHigh?: number;
    vulnerabilitiesCritical?: number;
    benchmarkP95Ms?: number;
    testsPassed?: number;
    testsFailed?: number;
    commitSha?: string;
    buildUrl?: string;
    metrics: Prisma.InputJsonValue;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.evidence.create({ data: { ...data, createdAt: at }, select: evidenceSelect });
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
