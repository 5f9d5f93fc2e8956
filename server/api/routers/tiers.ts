import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { ZChooseTierSchema, ZRecommendTiersSchema } from "@/lib/schemas/tiers";
import { chooseTier, latestTiersFor, recommendForLead } from "@/server/services/acquisition";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const tiersRouter = createTRPCRouter({
  recommend: permissionProcedure("leads:write")
    .input(ZRecommendTiersSchema)
    .mutation(({ ctx, input }) => recommendForLead(serviceContext(ctx), input.leadId)),
  choose: permissionProcedure("leads:write")
    .input(ZChooseTierSchema)
    .mutation(({ ctx, input }) => chooseTier(serviceContext(ctx), input.leadId, input.tierKey)),
  latest: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => latestTiersFor(serviceContext(ctx), input.leadId)),
});
