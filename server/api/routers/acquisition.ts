import { ZAssessmentIdSchema } from "@/lib/schemas/assessments";
import { ZConfigKindSchema, ZUpdateConfigSchema } from "@/lib/schemas/config";
import { ZAnalyzeFeasibilitySchema } from "@/lib/schemas/feasibility";
import { ZLeadIdSchema } from "@/lib/schemas/leads";
import { ZSaveAssessmentSchema } from "@/lib/schemas/qualification";
import { ZChooseTierSchema, ZRecommendTiersSchema } from "@/lib/schemas/tiers";
import {
  analyzeLead,
  assessmentHistory,
  chooseTier,
  latestFeasibilityFor,
  latestTiersFor,
  recommendForLead,
  reproduceAssessment,
  saveAssessment,
} from "@/server/services/acquisition";
import { configForEditing, updateConfig } from "@/server/services/config";
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

export const feasibilityRouter = createTRPCRouter({
  analyze: permissionProcedure("leads:write")
    .input(ZAnalyzeFeasibilitySchema)
    .mutation(({ ctx, input }) => analyzeLead(serviceContext(ctx), input.leadId, input.request)),
  latest: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => latestFeasibilityFor(serviceContext(ctx), input.leadId)),
});

export const tiersRouter = createTRPCRouter({
  recommend: permissionProcedure("leads:write")
    .input(ZRecommendTiersSchema)
    .mutation(({ ctx, input }) => recommendForLead(serviceContext(ctx), input.leadId)),
  choose: permissionProcedure("leads:write")
    .input(ZChooseTierSchema)
    .mutation(({ ctx, input }) => chooseTier(serviceContext(ctx), input.leadId, input.tierKey)),
  latest: permissionProcedure("pipeline:read")
    .input(ZLeadIdSchema)
    .query(({ ctx, input }) => latestTiersFor(serviceContext(ctx), input.leadId)),
});

export const configRouter = createTRPCRouter({
  get: permissionProcedure("config:read")
    .input(ZConfigKindSchema)
    .query(({ ctx, input }) => configForEditing(serviceContext(ctx), input.kind)),
  update: permissionProcedure("config:write")
    .input(ZUpdateConfigSchema)
    .mutation(({ ctx, input }) => updateConfig(serviceContext(ctx), input.kind, input.data, input.expectedVersion)),
});
