import { startOfWeek, addDays, subDays } from "date-fns";
import { deliveryOverview, executiveOverview, pipelineOverview } from "@/server/db/overview";
import type { ServiceContext } from "./context";

export function executiveHome(ctx: ServiceContext) {
  return executiveOverview(ctx.db, ctx.tenantId, subDays(ctx.now, 30));
}

export function csmHome(ctx: ServiceContext) {
  return pipelineOverview(ctx.db, ctx.tenantId, ctx.actorId);
}

export function techLeadHome(ctx: ServiceContext) {
  const weekStart = startOfWeek(ctx.now, { weekStartsOn: 1 });
  return deliveryOverview(ctx.db, ctx.tenantId, weekStart, addDays(weekStart, 7));
}
