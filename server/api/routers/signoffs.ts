import { ZProjectSignOffsSchema } from "@/lib/schemas/signoffs";
import { projectSignOffs, verifyProjectSignOffs } from "@/server/services/signoffs";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Staff side of customer sign-offs (docs/domain.md#sign-offs): state per week and the hash chain, and its verifier. */
export const signoffsRouter = createTRPCRouter({
  forProject: permissionProcedure("delivery:read")
    .input(ZProjectSignOffsSchema)
    .query(({ ctx, input }) => projectSignOffs(serviceContext(ctx), input.projectId)),
  verify: permissionProcedure("delivery:read")
    .input(ZProjectSignOffsSchema)
    .query(({ ctx, input }) => verifyProjectSignOffs(serviceContext(ctx), input.projectId)),
});
