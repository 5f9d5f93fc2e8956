import { ZKickoffSchema } from "@/lib/schemas/kickoff";
import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { serverEnv } from "@/lib/env";
import { serviceContext } from "@/server/services/context";
import { kickoffOptions, kickoffProject, kickoffStatus } from "@/server/services/kickoff";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const kickoffRouter = createTRPCRouter({
  start: permissionProcedure("kickoff:write")
    .input(ZKickoffSchema)
    .mutation(({ ctx, input }) => kickoffProject(serviceContext(ctx), input, serverEnv().APP_URL)),
  options: permissionProcedure("kickoff:write").query(({ ctx }) => kickoffOptions(serviceContext(ctx))),
  status: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => kickoffStatus(serviceContext(ctx), input.leadId)),
});
