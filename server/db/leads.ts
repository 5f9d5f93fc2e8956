import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { LeadStage, ServiceType } from "@/generated/prisma/enums";
import type { Db, DbOrTx } from "./client";
import { containsText } from "./search";
import type { CreateLeadInput, ListLeadsInput } from "@/lib/schemas/leads";

export const leadRowSelect = {
  id: true,
  company: true,
  contactName: true,
  contactEmail: true,
  source: true,
  stage: true,
  serviceType: true,
  latestScore: true,
  estimatedValueCents: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.LeadSelect;

export type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadRowSelect }>;

const ORDER: Record<ListLeadsInput["sort"], (d: Prisma.SortOrder) => Prisma.LeadOrderByWithRelationInput[]> = {
  score: (d) => [{ latestScore: { sort: d, nulls: "last" } }, { createdAt: "desc" }],
  created: (d) => [{ createdAt: d }],
  company: (d) => [{ company: d }, { createdAt: "desc" }],
  stage: (d) => [{ stage: d }, { createdAt: "desc" }],
};

function leadWhere(
  tenantId: string,
  f: Omit<ListLeadsInput, "page" | "pageSize" | "sort" | "direction">,
): Prisma.LeadWhereInput {
  const search = f.search ? containsText(f.search) : null;
  return {
    tenantId,
    ...(f.stages?.length ? { stage: { in: f.stages } } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.minScore !== undefined || f.maxScore !== undefined
      ? {
          latestScore: {
            ...(f.minScore !== undefined ? { gte: f.minScore } : {}),
            ...(f.maxScore !== undefined ? { lte: f.maxScore } : {}),
          },
        }
      : {}),
    ...(search
      ? {
          OR: [{ company: search }, { contactName: search }, { contactEmail: search }],
        }
      : {}),
  };
}

export async function listLeads(
  prisma: Db,
  tenantId: string,
  input: ListLeadsInput,
): Promise<{ rows: LeadRow[]; total: number }> {
  const where = leadWhere(tenantId, input);
  const [rows, total] = await prisma.$transaction([
    prisma.lead.findMany({
      where,
      orderBy: ORDER[input.sort](input.direction),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: leadRowSelect,
    }),
    prisma.lead.count({ where }),
  ]);
  return { rows, total };
}

/** Every matching row for CSV export, in pages of 1 000 so memory stays flat. */
export async function* iterateLeads(prisma: Db, tenantId: string, input: Omit<ListLeadsInput, "page" | "pageSize">) {
  const where = leadWhere(tenantId, input);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.lead.findMany({
      where,
      orderBy: [...ORDER[input.sort](input.direction), { id: "asc" }],
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: leadRowSelect,
    });
    yield* batch;
    if (batch.length < 1000) return;
    cursor = batch[batch.length - 1]?.id;
  }
}

export const leadDetailSelect = {
  ...leadRowSelect,
  contactPhone: true,
  notes: true,
  qualifiedAt: true,
  convertedAt: true,
  customerAccount: { select: { id: true, name: true } },
  journey: { select: { id: true, status: true, currentPhase: true } },
} satisfies Prisma.LeadSelect;

export function findLead(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.lead.findFirst({ where: { id: leadId, tenantId }, select: leadDetailSelect });
}

export function createLead(prisma: DbOrTx, tenantId: string, ownerId: string, input: CreateLeadInput, at: Date) {
  return prisma.lead.create({
    data: { tenantId, ownerId, source: "CSM", stage: "NEW", ...input, createdAt: at, updatedAt: at },
    select: leadRowSelect,
  });
}

/** Compare-and-set on the stage, so two people moving the same lead cannot both win. */
export function setLeadStage(
  prisma: DbOrTx,
  tenantId: string,
  leadId: string,
  from: LeadStage,
  data: {
    stage: LeadStage;
    latestScore?: number | null;
    qualifiedAt?: Date | null;
    convertedAt?: Date;
    estimatedValueCents?: number;
    serviceType?: ServiceType;
    updatedAt: Date;
  },
) {
  return prisma.lead.updateMany({ where: { id: leadId, tenantId, stage: from }, data });
}

export function leadStageCounts(prisma: Db, tenantId: string) {
  return prisma.lead.groupBy({ by: ["stage"], where: { tenantId }, orderBy: { stage: "asc" }, _count: { _all: true } });
}
