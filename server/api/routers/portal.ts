import { ZPortalProjectSchema } from "@/lib/schemas/portal";
import { portalProject, portalProjects } from "@/server/services/portal";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, portalProcedure } from "../trpc";

export const portalRouter = createTRPCRouter({
  projects: portalProcedure.query(({ ctx }) =>
    portalProjects({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }),
  ),
  project: portalProcedure
    .input(ZPortalProjectSchema)
    .query(({ ctx, input }) => portalProject({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.projectId)),
});
