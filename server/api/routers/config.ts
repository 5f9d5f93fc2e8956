import { ZConfigKindSchema, ZUpdateConfigSchema } from "@/lib/schemas/config";
import { configForEditing, updateConfig } from "@/server/services/config";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const configRouter = createTRPCRouter({
  get: permissionProcedure("config:read")
    .input(ZConfigKindSchema)
    .query(({ ctx, input }) => configForEditing(serviceContext(ctx), input.kind)),
  update: permissionProcedure("config:write")
    .input(ZUpdateConfigSchema)
    .mutation(({ ctx, input }) => updateConfig(serviceContext(ctx), input.kind, input.data, input.expectedVersion)),
});
