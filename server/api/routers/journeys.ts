import { ZJourneyIdSchema, ZListJourneysSchema, ZStartJourneySchema } from "@/lib/schemas/journeys";
import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { serverEnv } from "@/lib/env";
import { serviceContext } from "@/server/services/context";
import { journeyForLead, journeyStatusFor, journeysPage, startJourney } from "@/server/services/journeys";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const journeysRouter = createTRPCRouter({
  start: permissionProcedure("kickoff:write")
    .input(ZStartJourneySchema)
    .mutation(({ ctx, input }) => startJourney(serviceContext(ctx), input, serverEnv().APP_URL)),
  status: permissionProcedure("pipeline:read")
    .input(ZJourneyIdSchema)
    .query(({ ctx, input }) => journeyStatusFor(serviceContext(ctx), input.journeyId)),
  forLead: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => journeyForLead(serviceContext(ctx), input.leadId)),
  list: permissionProcedure("pipeline:read")
    .input(ZListJourneysSchema)
    .query(({ ctx, input }) => journeysPage(serviceContext(ctx), input)),
});
