import { ZCreateApiKeySchema, ZRevokeApiKeySchema } from "@/lib/schemas/api-keys";
import { createTenantApiKey, revokeTenantApiKey, tenantApiKeys } from "@/server/services/api-tokens";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The workspace's API keys for the journey REST API: admins only. */
export const apiKeysRouter = createTRPCRouter({
  list: permissionProcedure("config:write").query(({ ctx }) => tenantApiKeys(serviceContext(ctx))),
  create: permissionProcedure("config:write")
    .input(ZCreateApiKeySchema)
    .mutation(({ ctx, input }) => createTenantApiKey(serviceContext(ctx), input)),
  revoke: permissionProcedure("config:write")
    .input(ZRevokeApiKeySchema)
    .mutation(({ ctx, input }) => revokeTenantApiKey(serviceContext(ctx), input.tokenId)),
});
