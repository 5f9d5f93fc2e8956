import { ZCreateApiTokenSchema, ZProjectRefSchema, ZRevokeApiTokenSchema } from "@/lib/schemas/quality";
import { createApiToken, projectApiTokens, revokeApiToken } from "@/server/services/api-tokens";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

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
