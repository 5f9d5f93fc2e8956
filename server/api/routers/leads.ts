import { ZCreateLeadSchema, ZLeadIdSchema, ZListLeadsSchema, ZUpdateLeadStageSchema } from "@/lib/schemas/leads";
import { createLead, leadDetail, leadsPage, moveLead } from "@/server/services/leads";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const leadsRouter = createTRPCRouter({
  list: permissionProcedure("pipeline:read")
    .input(ZListLeadsSchema)
    .query(({ ctx, input }) => leadsPage(serviceContext(ctx), input)),
  get: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => leadDetail(serviceContext(ctx), input.leadId)),
  create: permissionProcedure("leads:write")
    .input(ZCreateLeadSchema)
    .mutation(({ ctx, input }) => createLead(serviceContext(ctx), input)),
  updateStage: permissionProcedure("leads:write")
    .input(ZUpdateLeadStageSchema)
    .mutation(({ ctx, input }) => moveLead(serviceContext(ctx), input.leadId, input.stage)),
});
