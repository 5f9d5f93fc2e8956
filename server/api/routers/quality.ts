import { ZProjectRefSchema, ZValidateQualitySchema } from "@/lib/schemas/quality";
import { serviceContext } from "@/server/services/context";
import { qualityHistory, validateProjectQuality } from "@/server/services/quality";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Quality gates (docs/domain.md#quality-gates); the CI tokens that feed them and the evidence received have routers of their own. */
export const qualityRouter = createTRPCRouter({
  validate: permissionProcedure("delivery:write")
    .input(ZValidateQualitySchema)
    .mutation(({ ctx, input }) => validateProjectQuality(serviceContext(ctx), input)),
  history: permissionProcedure("delivery:read")
    .input(ZProjectRefSchema)
    .query(({ ctx, input }) => qualityHistory(serviceContext(ctx), input.projectId)),
});
