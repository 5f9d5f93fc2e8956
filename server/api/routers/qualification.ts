import { ZAssessmentIdSchema } from "@/lib/schemas/assessments";
import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { ZSaveAssessmentSchema } from "@/lib/schemas/qualification";
import { assessmentHistory, reproduceAssessment, saveAssessment } from "@/server/services/acquisition";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const qualificationRouter = createTRPCRouter({
  save: permissionProcedure("leads:write")
    .input(ZSaveAssessmentSchema)
    .mutation(({ ctx, input }) => saveAssessment(serviceContext(ctx), input)),
  history: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => assessmentHistory(serviceContext(ctx), input.leadId)),
  reproduce: permissionProcedure("pipeline:read")
    .input(ZAssessmentIdSchema)
    .query(({ ctx, input }) => reproduceAssessment(serviceContext(ctx), input.assessmentId)),
});
