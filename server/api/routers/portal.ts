import { ZCompleteEducationSchema } from "@/lib/schemas/education";
import { ZPortalProjectSchema } from "@/lib/schemas/portal";
import { portalCompleteEducation, portalEducation } from "@/server/services/education";
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
  education: portalProcedure.query(({ ctx }) => portalEducation({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId })),
  completeEducation: portalProcedure
    .input(ZCompleteEducationSchema)
    .mutation(({ ctx, input }) => portalCompleteEducation({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.deliveryId)),
});
