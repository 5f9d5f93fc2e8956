import "server-only";
import { startOfWeek, addDays } from "date-fns";
import { deliveryOverview, pipelineOverview } from "@/server/db/overview";
import { onReplica, type ServiceContext } from "./context";

export function csmHome(ctx: ServiceContext) {
  return onReplica(ctx, (db) => pipelineOverview(db, ctx.tenantId, ctx.actorId));
}

export function techLeadHome(ctx: ServiceContext) {
  const weekStart = startOfWeek(ctx.now, { weekStartsOn: 1 });
  return onReplica(ctx, (db) => deliveryOverview(db, ctx.tenantId, weekStart, addDays(weekStart, 7)));
}
