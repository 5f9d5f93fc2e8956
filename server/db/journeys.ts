import "server-only";
import type { JourneyStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";

/** Journey rows (docs/domain.md#journey): one per lead, its phases as JSON. Every query is tenant-scoped. */
const json = (v: unknown) => v as Prisma.InputJsonValue;

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

export function findJourneyByLead(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.journey.findFirst({ where: { tenantId, leadId }, select: journeySelect });
}

export function findJourneyById(prisma: DbOrTx, tenantId: string, journeyId: string) {
  return prisma.journey.findFirst({ where: { tenantId, id: journeyId }, select: journeySelect });
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
    phases: unknown;
    error: string | null;
    at: Date;
  },
) {
  const data = {
    projectId: row.projectId,
    status: row.status,
    currentPhase: row.currentPhase,
    phases: json(row.phases),
    error: row.error,
    completedAt: row.status === "COMPLETED" ? row.at : null,
  };
  return prisma.journey.upsert({
    where: { leadId: row.leadId },
    create: { tenantId: row.tenantId, leadId: row.leadId, startedAt: row.at, ...data },
    update: data,
    select: { id: true },
  });
}

export function listJourneys(
  prisma: Db,
  tenantId: string,
  opts: { status?: JourneyStatus; skip: number; take: number },
) {
  const where: Prisma.JourneyWhereInput = { tenantId, ...(opts.status ? { status: opts.status } : {}) };
  return prisma.$transaction([
    prisma.journey.count({ where }),
    prisma.journey.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: opts.skip,
      take: opts.take,
      select: journeySelect,
    }),
  ]);
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
