import "server-only";
import { findPortalProject, listPortalProjects } from "@/server/db/portal";
import { clockDelays } from "@/domain/guarantee/clock";
import { customerOutlook } from "@/domain/progress/customer-outlook";
import { projectProgress } from "@/domain/progress/project-progress";
import { notFound } from "@/server/errors";
import type { ServiceContext } from "./context";

export type PortalContext = ServiceContext & { customerAccountId: string };

export async function portalProjects(ctx: PortalContext) {
  const rows = await listPortalProjects(ctx.db, ctx.tenantId, ctx.customerAccountId);
  return rows.map(({ milestones, ...project }) => ({
    ...project,
    progress: projectProgress(milestones, null, ctx.now),
  }));
}

export async function portalProject(ctx: PortalContext, projectId: string) {
  const project = await findPortalProject(ctx.db, ctx.tenantId, ctx.customerAccountId, projectId);
  if (!project) throw notFound("Project");
  const progress = projectProgress(
    project.milestones,
    project.guarantee && { ...project.guarantee, delays: clockDelays(project.guarantee.delays) },
    ctx.now,
  );
  // docs/domain.md#sign-offs: risks in plain language, what awaits the customer's sign-off, the next deliverables
  const outlook = customerOutlook(
    project.milestones.map((m) => ({
      ...m,
      criteria: m.criteria.map((c) => ({ ...c, latestDecision: c.signOffs[0]?.decision ?? null })),
    })),
    progress.guaranteeDaysLeft,
    ctx.now,
  );
  return { ...project, progress, outlook };
}
