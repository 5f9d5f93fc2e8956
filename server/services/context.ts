import "server-only";
import { readReplica, type Db, type ReadReplica } from "@/server/db/client";

/** What a use case needs to know about the call: who, for which tenant, when, from where. */
export type ServiceContext = {
  db: Db;
  /** where `onReplica` reads: unset → DATABASE_REPLICA_URL's replica (or none); tests pass their own */
  replica?: ReadReplica | null;
  tenantId: string;
  actorId: string;
  ip: string;
  requestId: string;
  now: Date;
};

export function serviceContext(ctx: {
  db: Db;
  replica?: ReadReplica | null;
  tenantId: string;
  user: { id: string };
  ip: string;
  requestId: string;
  now: () => Date;
}): ServiceContext {
  return {
    db: ctx.db,
    replica: ctx.replica,
    tenantId: ctx.tenantId,
    actorId: ctx.user.id,
    ip: ctx.ip,
    requestId: ctx.requestId,
    now: ctx.now(),
  };
}

/**
 * A pure read that may be served by the read replica (docs/architecture.md#read-replica): on the replica
 * while it is fresh, else on `ctx.db`; with no replica, simply on `ctx.db`. Only for reads that are not
 * read-after-write: the listed pages, never a service that writes or reads what its caller just wrote.
 */
export function onReplica<T>(ctx: ServiceContext, query: (db: Db) => Promise<T>): Promise<T> {
  const replica = ctx.replica === undefined ? readReplica() : ctx.replica;
  return replica ? replica.read(ctx.db, query) : query(ctx.db);
}
