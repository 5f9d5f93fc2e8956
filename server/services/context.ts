import "server-only";
import type { Db } from "@/server/db/client";

/** What a use case needs to know about the call: who, for which tenant, when, from where. */
export type ServiceContext = {
  db: Db;
  tenantId: string;
  actorId: string;
  ip: string;
  requestId: string;
  now: Date;
};

export function serviceContext(ctx: {
  db: Db;
  tenantId: string;
  user: { id: string };
  ip: string;
  requestId: string;
  now: () => Date;
}): ServiceContext {
  return {
    db: ctx.db,
    tenantId: ctx.tenantId,
    actorId: ctx.user.id,
    ip: ctx.ip,
    requestId: ctx.requestId,
    now: ctx.now(),
  };
}
