import { csmHome, techLeadHome } from "@/server/services/overview";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const overviewRouter = createTRPCRouter({
  pipeline: permissionProcedure("pipeline:read").query(({ ctx }) => csmHome(serviceContext(ctx))),
  delivery: permissionProcedure("delivery:read").query(({ ctx }) => techLeadHome(serviceContext(ctx))),
});
