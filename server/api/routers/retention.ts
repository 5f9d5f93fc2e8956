import { ZAccountRefSchema, ZListAccountsSchema, ZRecomputeSchema, ZUpdateTaskSchema } from "@/lib/schemas/retention";
import { serviceContext } from "@/server/services/context";
import { accountDetail, accountsOverview, recomputeAccount, updateTask } from "@/server/services/retention";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** Customer health, expansion potential and retention plans (docs/domain.md#retention). */
export const retentionRouter = createTRPCRouter({
  accounts: permissionProcedure("retention:read")
    .input(ZListAccountsSchema)
    .query(({ ctx, input }) => accountsOverview(serviceContext(ctx), input)),
  account: permissionProcedure("retention:read")
    .input(ZAccountRefSchema)
    .query(({ ctx, input }) => accountDetail(serviceContext(ctx), input.accountId)),
  recompute: permissionProcedure("retention:write")
    .input(ZRecomputeSchema)
    .mutation(({ ctx, input }) => recomputeAccount(serviceContext(ctx), input)),
  updateTask: permissionProcedure("retention:write")
    .input(ZUpdateTaskSchema)
    .mutation(({ ctx, input }) => updateTask(serviceContext(ctx), input)),
});
