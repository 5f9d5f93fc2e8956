import "server-only";
import type { JourneyStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { PhaseState } from "@/domain/journey/phases";
import type { Db, DbOrTx } from "./client";
import { journeyPhasesJson, readJourneyPhases } from "./workflow-state";

/**
 * Journey rows (docs/domain.md#journey): one per lead, its phases as JSON read and written through
 * workflow-state.ts. Every query is tenant-scoped.
 */

const journeySelect = {
  id: true,
  leadId: true,
  projectId: true,
  status: true,
  currentPhase: true,
  phases: true,
  error: true,
  startedAt: true,
  updatedAt: true,
  completedAt: true,
  lead: { select: { id: true, company: true, stage: true, latestScore: true, owner: { select: { name: true } } } },
} satisfies Prisma.JourneySelect;

function withPhases<T extends { phases: Prisma.JsonValue }>(row: T): Omit<T, "phases"> & { phases: PhaseState[] } {
  return { ...row, phases: readJourneyPhases(row.phases) };
}

export async function findJourneyByLead(prisma: DbOrTx, tenantId: string, leadId: string) {
  const row = await prisma.journey.findFirst({ where: { tenantId, leadId }, select: journeySelect });
  return row && withPhases(row);
}

export async function findJourneyById(prisma: DbOrTx, tenantId: string, journeyId: string) {
  const row = await prisma.journey.findFirst({ where: { tenantId, id: journeyId }, select: journeySelect });
  return row && withPhases(row);
}

/** Creates or replaces the lead's journey record. */
export function saveJourney(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    leadId: string;
    projectId: string | null;
    status: JourneyStatus;
    currentPhase: string;
    phases: readonly PhaseState[];
    error: string | null;
    at: Date;
  },
) {
  const data = {
    projectId: row.projectId,
    status: row.status,
    currentPhase: row.currentPhase,
    phases: journeyPhasesJson(row.phases),
    error: row.error,
    completedAt: row.status === "COMPLETED" ? row.at : null,
  };
  // the tenant in `where` too, like every query: a lead id of another workspace never reaches its journey
  return prisma.journey.upsert({
    where: { leadId: row.leadId, tenantId: row.tenantId },
    create: { tenantId: row.tenantId, leadId: row.leadId, startedAt: row.at, ...data },
    update: data,
    select: { id: true },
  });
}

export async function listJourneys(
  prisma: Db,
  tenantId: string,
  opts: { status?: JourneyStatus; skip: number; take: number },
) {
  const where: Prisma.JourneyWhereInput = { tenantId, ...(opts.status ? { status: opts.status } : {}) };
  const [total, rows] = await prisma.$transaction([
    prisma.journey.count({ where }),
    prisma.journey.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: opts.skip,
      take: opts.take,
      select: journeySelect,
    }),
  ]);
  return [total, rows.map(withPhases)] as const;
}

/** What the status needs from the journey's project: weeks and guarantee. */
export function journeyProject(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.project.findFirst({
    where: { tenantId, id: projectId },
    select: {
      id: true,
      name: true,
      status: true,
      guarantee: { select: { successThreshold: true, endsAt: true, status: true } },
      milestones: {
        orderBy: { weekNumber: "asc" },
        select: { weekNumber: true, title: true, dueDate: true, status: true, score: true },
      },
    },
  });
}
