import { ZCloseEarlySchema, ZProjectGuaranteeSchema, ZRecordDelaySchema } from "@/lib/schemas/guarantees";
import {
  ZApproveRefundSchema,
  ZListRefundsSchema,
  ZMarkPaidSchema,
  ZRejectRefundSchema,
  ZStartReviewSchema,
} from "@/lib/schemas/refunds";
import { serviceContext } from "@/server/services/context";
import { closeGuaranteeEarly, projectGuarantee, recordDelay, reproduceOutcome } from "@/server/services/guarantees";
import { approveRefund, markRefundPaid, refundQueue, rejectRefund, startRefundReview } from "@/server/services/refunds";
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

/** The refund workflow: the queue and one procedure per transition (approve and reject: executives only). */
export const refundsRouter = createTRPCRouter({
  list: permissionProcedure("refunds:read")
    .input(ZListRefundsSchema)
    .query(({ ctx, input }) => refundQueue(serviceContext(ctx), input)),
  startReview: permissionProcedure("refunds:process")
    .input(ZStartReviewSchema)
    .mutation(({ ctx, input }) => startRefundReview(serviceContext(ctx), input)),
  approve: permissionProcedure("refunds:approve")
    .input(ZApproveRefundSchema)
    .mutation(({ ctx, input }) => approveRefund(serviceContext(ctx), input)),
  reject: permissionProcedure("refunds:approve")
    .input(ZRejectRefundSchema)
    .mutation(({ ctx, input }) => rejectRefund(serviceContext(ctx), input)),
  markPaid: permissionProcedure("refunds:process")
    .input(ZMarkPaidSchema)
    .mutation(({ ctx, input }) => markRefundPaid(serviceContext(ctx), input)),
});
