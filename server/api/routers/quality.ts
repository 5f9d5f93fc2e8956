import { ZListEvidenceSchema } from "@/lib/schemas/evidence";
import {
  ZCreateApiTokenSchema,
  ZProjectRefSchema,
  ZRevokeApiTokenSchema,
  ZValidateQualitySchema,
} from "@/lib/schemas/quality";
import { createApiToken, projectApiTokens, revokeApiToken } from "@/server/services/api-tokens";
import { serviceContext } from "@/server/services/context";
import { projectEvidence } from "@/server/services/evidence";
import { qualityHistory, validateProjectQuality } from "@/server/services/quality";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Quality gates (docs/domain.md#quality-gates), the CI tokens that feed them, and the evidence received. */
export const qualityRouter = createTRPCRouter({
  validate: permissionProcedure("delivery:write")
    .input(ZValidateQualitySchema)
    .mutation(({ ctx, input }) => validateProjectQuality(serviceContext(ctx), input)),
  history: permissionProcedure("delivery:read")
    .input(ZProjectRefSchema)
    .query(({ ctx, input }) => qualityHistory(serviceContext(ctx), input.projectId)),
});

export const apiTokensRouter = createTRPCRouter({
  list: permissionProcedure("delivery:read")
    .input(ZProjectRefSchema)
    .query(({ ctx, input }) => projectApiTokens(serviceContext(ctx), input.projectId)),
  create: permissionProcedure("delivery:write")
    .input(ZCreateApiTokenSchema)
    .mutation(({ ctx, input }) => createApiToken(serviceContext(ctx), input)),
  revoke: permissionProcedure("delivery:write")
    .input(ZRevokeApiTokenSchema)
    .mutation(({ ctx, input }) => revokeApiToken(serviceContext(ctx), input.tokenId)),
});

export const evidenceRouter = createTRPCRouter({
  list: permissionProcedure("delivery:read")
    .input(ZListEvidenceSchema)
    .query(({ ctx, input }) => projectEvidence(serviceContext(ctx), input.projectId, input.take)),
});
