import { ZCompleteEducationSchema } from "@/lib/schemas/education";
import { ZChooseRemedySchema, ZDecideDelaySchema, ZProjectGuaranteeSchema } from "@/lib/schemas/guarantees";
import { ZPortalProjectSchema } from "@/lib/schemas/portal";
import { ZSignOffReviewSchema, ZSignOffSchema } from "@/lib/schemas/signoffs";
import { ZAnswerSurveySchema, ZPortalSurveysSchema } from "@/lib/schemas/surveys";
import { portalCompleteEducation, portalEducation } from "@/server/services/education";
import { chooseRemedy, decideDelay, portalGuarantee } from "@/server/services/guarantees";
import { portalProject, portalProjects } from "@/server/services/portal";
import { recordSignOff, signOffReview } from "@/server/services/signoffs";
import { answerPortalSurvey, portalSurveys } from "@/server/services/surveys";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, portalProcedure } from "../trpc";

export const portalRouter = createTRPCRouter({
  projects: portalProcedure.query(({ ctx }) =>
    portalProjects({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }),
  ),
  project: portalProcedure
    .input(ZPortalProjectSchema)
    .query(({ ctx, input }) =>
      portalProject({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.projectId),
    ),
  education: portalProcedure.query(({ ctx }) =>
    portalEducation({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }),
  ),
  completeEducation: portalProcedure
    .input(ZCompleteEducationSchema)
    .mutation(({ ctx, input }) =>
      portalCompleteEducation({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.deliveryId),
    ),
  // docs/domain.md#surveys: milestone sign-off and surveys
  signOffReview: portalProcedure
    .input(ZSignOffReviewSchema)
    .query(({ ctx, input }) =>
      signOffReview({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.criterionId),
    ),
  signOff: portalProcedure.input(ZSignOffSchema).mutation(({ ctx, input }) =>
    recordSignOff(
      {
        ...serviceContext(ctx),
        customerAccountId: ctx.customerAccountId,
        userAgent: ctx.userAgent,
        isApprover: ctx.user.isApprover,
      },
      input,
    ),
  ),
  surveys: portalProcedure
    .input(ZPortalSurveysSchema)
    .query(({ ctx, input }) =>
      portalSurveys({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input?.projectId),
    ),
  answerSurvey: portalProcedure
    .input(ZAnswerSurveySchema)
    .mutation(({ ctx, input }) =>
      answerPortalSurvey({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input),
    ),
  // docs/domain.md#guarantee: the guarantee clock's delays, the remedy choice on failure, the success dossier
  guarantee: portalProcedure
    .input(ZProjectGuaranteeSchema)
    .query(({ ctx, input }) =>
      portalGuarantee({ ...serviceContext(ctx), customerAccountId: ctx.customerAccountId }, input.projectId),
    ),
  decideDelay: portalProcedure
    .input(ZDecideDelaySchema)
    .mutation(({ ctx, input }) =>
      decideDelay(
        { ...serviceContext(ctx), customerAccountId: ctx.customerAccountId, isApprover: ctx.user.isApprover },
        input,
      ),
    ),
  chooseRemedy: portalProcedure
    .input(ZChooseRemedySchema)
    .mutation(({ ctx, input }) =>
      chooseRemedy(
        { ...serviceContext(ctx), customerAccountId: ctx.customerAccountId, isApprover: ctx.user.isApprover },
        input,
      ),
    ),
});
