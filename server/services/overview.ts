import "server-only";
import { startOfWeek, addDays } from "date-fns";
import { deliveryOverview, pipelineOverview } from "@/server/db/overview";
import type { ServiceContext } from "./context";

export function csmHome(ctx: ServiceContext) {
  return pipelineOverview(ctx.db, ctx.tenantId, ctx.actorId);
}

export function techLeadHome(ctx: ServiceContext) {
  const weekStart = startOfWeek(ctx.now, { weekStartsOn: 1 });
  return deliveryOverview(ctx.db, ctx.tenantId, weekStart, addDays(weekStart, 7));
}
