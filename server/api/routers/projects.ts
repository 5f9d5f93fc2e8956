import {
  ZListProjectsSchema,
  ZProjectIdSchema,
  ZUpdateActionSchema,
  ZUpdateEnvironmentSchema,
  ZValidateMilestoneSchema,
} from "@/lib/schemas/projects";
import { serviceContext } from "@/server/services/context";
import {
  projectDetail,
  projectsPage,
  setEnvironment,
  updateActionStatus,
  validateMilestoneFor,
} from "@/server/services/projects";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const projectsRouter = createTRPCRouter({
  list: permissionProcedure("delivery:read")
    .input(ZListProjectsSchema)
    .query(({ ctx, input }) => projectsPage(serviceContext(ctx), input)),
  get: permissionProcedure("delivery:read")
    .input(ZProjectIdSchema)
    .query(({ ctx, input }) => projectDetail(serviceContext(ctx), input.projectId)),
  validateMilestone: permissionProcedure("delivery:write")
    .input(ZValidateMilestoneSchema)
    .mutation(({ ctx, input }) => validateMilestoneFor(serviceContext(ctx), input)),
  updateEnvironment: permissionProcedure("delivery:write")
    .input(ZUpdateEnvironmentSchema)
    .mutation(({ ctx, input }) => setEnvironment(serviceContext(ctx), input)),
  updateAction: permissionProcedure("actions:write")
    .input(ZUpdateActionSchema)
    .mutation(({ ctx, input }) => updateActionStatus(serviceContext(ctx), input.actionId, input.status)),
});
