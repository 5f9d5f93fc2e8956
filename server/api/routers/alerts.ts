import { ZListAlertsSchema, ZResolveAlertSchema } from "@/lib/schemas/alerts";
import { alertsPage, resolveAlert } from "@/server/services/alerts";
import { serviceContext } from "@/server/services/context";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const alertsRouter = createTRPCRouter({
  list: permissionProcedure("alerts:read")
    .input(ZListAlertsSchema)
    .query(({ ctx, input }) => alertsPage(serviceContext(ctx), input)),
  resolve: permissionProcedure("alerts:resolve")
    .input(ZResolveAlertSchema)
    .mutation(({ ctx, input }) => resolveAlert(serviceContext(ctx), input)),
});
