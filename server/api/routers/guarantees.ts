import { ZCloseEarlySchema, ZProjectGuaranteeSchema, ZRecordDelaySchema } from "@/lib/schemas/guarantees";
import { serviceContext } from "@/server/services/context";
import { closeGuaranteeEarly, projectGuarantee, recordDelay, reproduceOutcome } from "@/server/services/guarantees";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Staff side of the 30-day guarantee (docs/domain.md#guarantee): clock and delays, final validation, success dossier. */
export const guaranteesRouter = createTRPCRouter({
  forProject: permissionProcedure("delivery:read")
    .input(ZProjectGuaranteeSchema)
    .query(({ ctx, input }) => projectGuarantee(serviceContext(ctx), input.projectId)),
  recordDelay: permissionProcedure("guarantee:write")
    .input(ZRecordDelaySchema)
    .mutation(({ ctx, input }) => recordDelay(serviceContext(ctx), input)),
  closeEarly: permissionProcedure("guarantee:finalize")
    .input(ZCloseEarlySchema)
    .mutation(({ ctx, input }) => closeGuaranteeEarly(serviceContext(ctx), input)),
  reproduce: permissionProcedure("delivery:read")
    .input(ZProjectGuaranteeSchema)
    .query(({ ctx, input }) => reproduceOutcome(serviceContext(ctx), input.projectId)),
});
