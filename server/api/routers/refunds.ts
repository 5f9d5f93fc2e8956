import {
  ZApproveRefundSchema,
  ZListRefundsSchema,
  ZMarkPaidSchema,
  ZRejectRefundSchema,
  ZStartReviewSchema,
} from "@/lib/schemas/refunds";
import { serviceContext } from "@/server/services/context";
import { approveRefund, markRefundPaid, refundQueue, rejectRefund, startRefundReview } from "@/server/services/refunds";
import { createTRPCRouter, permissionProcedure } from "../trpc";

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
