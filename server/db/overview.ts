import "server-only";
import type { Db } from "./client";

/**
 * The first numbers each role sees. Each is a constant number of aggregate queries (groupBy /
 * count), never a loop over rows; the executive's numbers are the dashboard's (server/services/dashboard.ts).
 */
const IN_PROGRESS = ["KICKOFF", "ACTIVE", "AT_RISK"] as const;

export async function pipelineOverview(prisma: Db, tenantId: string, userId: string) {
  const [byStage, topLeads, myOpenTasks] = await prisma.$transaction([
    prisma.lead.groupBy({ by: ["stage"], where: { tenantId }, orderBy: { stage: "asc" }, _count: { _all: true } }),
    prisma.lead.findMany({
      where: { tenantId, stage: { in: ["NEW", "QUALIFYING", "QUALIFIED", "FEASIBILITY", "PROPOSAL"] } },
      orderBy: [{ latestScore: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: 10,
      select: {
        id: true,
        company: true,
        stage: true,
        latestScore: true,
        source: true,
        owner: { select: { name: true } },
      },
    }),
    prisma.actionItem.count({ where: { tenantId, assigneeId: userId, status: "OPEN" } }),
  ]);
  return { byStage: byStage.map((r) => ({ stage: r.stage, count: countOf(r._count) })), topLeads, myOpenTasks };
}

export async function deliveryOverview(prisma: Db, tenantId: string, weekStart: Date, weekEnd: Date) {
  const [projects, dueThisWeek, failingGates] = await prisma.$transaction([
    prisma.project.findMany({
      where: { tenantId, status: { in: [...IN_PROGRESS] } },
      orderBy: [{ status: "desc" }, { name: "asc" }],
      take: 50,
      select: {
        id: true,
        name: true,
        status: true,
        serviceType: true,
        customerAccount: { select: { name: true } },
        techLead: { select: { name: true } },
      },
    }),
    prisma.milestone.count({ where: { tenantId, dueDate: { gte: weekStart, lt: weekEnd } } }),
    prisma.qualityValidation.count({ where: { tenantId, escalated: true, createdAt: { gte: weekStart } } }),
  ]);
  return { projects, dueThisWeek, failingGates };
}

function countOf(count: unknown): number {
  return typeof count === "object" && count !== null && "_all" in count ? Number((count as { _all: number })._all) : 0;
}
