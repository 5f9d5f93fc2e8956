import { ZDashboardInputSchema, ZDashboardKpiInputSchema } from "@/lib/schemas/dashboard";
import { serviceContext } from "@/server/services/context";
import { dashboardTrends, executiveDashboard, kpiDetail } from "@/server/services/dashboard";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The executive dashboard (docs/domain.md#kpis): KPIs against the docs/domain.md#kpis targets, one KPI's rows, trends. */
export const dashboardRouter = createTRPCRouter({
  summary: permissionProcedure("dashboard:read")
    .input(ZDashboardInputSchema)
    .query(({ ctx, input }) => executiveDashboard(serviceContext(ctx), input)),
  kpi: permissionProcedure("dashboard:read")
    .input(ZDashboardKpiInputSchema)
    .query(({ ctx, input }) => kpiDetail(serviceContext(ctx), input)),
  trends: permissionProcedure("dashboard:read")
    .input(ZDashboardInputSchema)
    .query(({ ctx, input }) => dashboardTrends(serviceContext(ctx), input)),
});
