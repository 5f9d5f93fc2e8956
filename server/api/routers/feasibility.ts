import { ZAnalyzeFeasibilitySchema } from "@/lib/schemas/feasibility";
import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { analyzeLead, latestFeasibilityFor } from "@/server/services/acquisition";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const feasibilityRouter = createTRPCRouter({
  analyze: permissionProcedure("leads:write")
    .input(ZAnalyzeFeasibilitySchema)
    .mutation(({ ctx, input }) => analyzeLead(serviceContext(ctx), input.leadId, input.request)),
  latest: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => latestFeasibilityFor(serviceContext(ctx), input.leadId)),
});
