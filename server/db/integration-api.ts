import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";
import { leadRowSelect } from "./leads";

/**
 * Reads of the integration REST API (docs/api.md#paging): leads and projects in (updatedAt, id) order,
 * so a cursor — the last item's pair — resumes exactly, and `updated_since` is a lower bound on the
 * same column. Every query is the tenant's.
 */
export type Keyset = { updatedAt: Date; id: string };
export type KeysetQuery = { after?: Keyset; updatedSince?: Date; take: number };

function keysetWhere(q: KeysetQuery) {
  const and: { updatedAt?: { gte: Date }; OR?: object[] }[] = [];
  if (q.updatedSince) and.push({ updatedAt: { gte: q.updatedSince } });
  if (q.after)
    and.push({
      OR: [{ updatedAt: { gt: q.after.updatedAt } }, { updatedAt: q.after.updatedAt, id: { gt: q.after.id } }],
    });
  return and;
}

const ORDER = [{ updatedAt: "asc" as const }, { id: "asc" as const }];

/** The list's row fields without the owner (integrations see no staff), plus the phone. */
const { owner: _owner, ...leadFields } = leadRowSelect;
const apiLeadSelect = { ...leadFields, contactPhone: true } satisfies Prisma.LeadSelect;

export function apiLeads(prisma: DbOrTx, tenantId: string, q: KeysetQuery) {
  return prisma.lead.findMany({
    where: { tenantId, AND: keysetWhere(q) },
    orderBy: ORDER,
    take: q.take,
    select: apiLeadSelect,
  });
}

export function apiLead(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.lead.findFirst({ where: { tenantId, id }, select: apiLeadSelect });
}

const apiProjectSelect = {
  id: true,
  name: true,
  status: true,
  serviceType: true,
  customerAccount: { select: { id: true, name: true } },
  startDate: true,
  targetEndDate: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProjectSelect;

export function apiProjects(prisma: DbOrTx, tenantId: string, q: KeysetQuery) {
  return prisma.project.findMany({
    where: { tenantId, AND: keysetWhere(q) },
    orderBy: ORDER,
    take: q.take,
    select: apiProjectSelect,
  });
}

export function apiProject(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.project.findFirst({
    where: { tenantId, id },
    select: {
      ...apiProjectSelect,
      milestones: {
        orderBy: { weekNumber: "asc" },
        select: {
          id: true,
          weekNumber: true,
          title: true,
          dueDate: true,
          status: true,
          score: true,
          validatedAt: true,
        },
      },
      guarantee: { select: { status: true, amountCents: true, successThreshold: true, startsAt: true, endsAt: true } },
    },
  });
}
