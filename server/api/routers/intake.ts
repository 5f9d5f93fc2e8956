import {
  ZIntakeCallRequestSchema,
  ZIntakeFormSchema,
  ZIntakeResultSchema,
  ZIntakeSubmissionSchema,
} from "@/lib/schemas/intake";
import { serverEnv } from "@/lib/env";
import { intakeForm, readResult, requestCall, submitAssessment, type PublicContext } from "@/server/services/intake";
import { createTRPCRouter, publicProcedure, type TRPCContext } from "../trpc";

/**
 * The public self-service assessment (docs/domain.md#self-service-assessment): no sign-in. The tenant comes from the page's slug;
 * reading a result or booking a call needs the result link's token, and writes only to that lead.
 */
const publicContext = (ctx: TRPCContext): PublicContext => ({
  db: ctx.db,
  ip: ctx.ip,
  requestId: ctx.requestId,
  now: ctx.now(),
});

export const intakeRouter = createTRPCRouter({
  form: publicProcedure
    .input(ZIntakeFormSchema)
    .query(({ ctx, input }) => intakeForm(publicContext(ctx), input.tenantSlug)),
  submit: publicProcedure
    .input(ZIntakeSubmissionSchema)
    .mutation(({ ctx, input }) => submitAssessment(publicContext(ctx), input, serverEnv().APP_URL)),
  result: publicProcedure
    .input(ZIntakeResultSchema)
    .query(({ ctx, input }) => readResult(publicContext(ctx), input.tenantSlug, input.token)),
  requestCall: publicProcedure
    .input(ZIntakeCallRequestSchema)
    .mutation(({ ctx, input }) => requestCall(publicContext(ctx), input.tenantSlug, input.token, input.preference)),
});
