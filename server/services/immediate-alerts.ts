import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { alertsForDispatch } from "@/server/db/alerts";
import type { Db } from "@/server/db/client";
import { listTenantsForJobs } from "@/server/db/workspaces";
import { logger } from "@/server/logger";
import { deliveryConfig } from "@/server/messaging/config";
import { deliverMessageNow } from "@/server/messaging/worker";
import { dispatchAlert } from "./urgent-alerts";

/**
 * Alerts leave as soon as the work that raised them is done (docs/alerts.md#delivery): a request, a REST
 * call or a job runs inside `withImmediateAlerts`; `raiseAlerts` notes every alert it writes in that scope;
 * when the work settles — its transactions committed or rolled back — each noted alert that exists is
 * dispatched (webhook event, urgent messages to the people responsible) and its urgent messages are sent
 * at once. Everything still goes through the outbox with its idempotency keys, so the five-minute sweep
 * that dispatches the same alerts finds nothing left to do, a failed send is retried by it, and two
 * instances dispatching the same alert write and send one message. Outside a scope (a script, a test
 * calling a service) nothing changes: the sweep dispatches.
 */
type Raised = Map<string, Set<string>>; // tenant id → alert ids

const scope = new AsyncLocalStorage<Raised>();

/** Called by `raiseAlerts` with the ids it wrote; a no-op outside a scope. */
export function noteRaisedAlerts(tenantId: string, alertIds: readonly string[]): void {
  const raised = scope.getStore();
  if (!raised || alertIds.length === 0) return;
  const ids = raised.get(tenantId) ?? new Set<string>();
  for (const id of alertIds) ids.add(id);
  raised.set(tenantId, ids);
}

/**
 * Runs `work`, then dispatches the alerts it raised. A scope inside a scope adds to the outer one. The
 * work's result (or error) is returned unchanged: a failed dispatch is logged and left to the sweep.
 */
export async function withImmediateAlerts<T>(
  deps: { db: Db; now: () => Date; requestId?: string },
  work: () => Promise<T>,
): Promise<T> {
  if (scope.getStore()) return work();
  const raised: Raised = new Map();
  try {
    return await scope.run(raised, work);
  } finally {
    if (raised.size > 0) await dispatchRaised(deps, raised);
  }
}

async function dispatchRaised(deps: { db: Db; now: () => Date; requestId?: string }, raised: Raised) {
  const config = deliveryConfig();
  for (const [tenantId, ids] of raised) {
    try {
      const [tenant] = await listTenantsForJobs(deps.db, tenantId);
      if (!tenant) continue;
      const alerts = await alertsForDispatch(deps.db, tenantId, [...ids]);
      const messageIds: string[] = [];
      for (const alert of alerts) {
        const r = await dispatchAlert(deps.db, tenant, alert, deps.now(), config.appUrl);
        messageIds.push(...r.messageIds);
      }
      for (const id of messageIds) await deliverMessageNow(deps.db, id, deps.now(), config);
    } catch (err) {
      logger.error({ err, tenantId, requestId: deps.requestId }, "immediate alert dispatch failed; the sweep retries");
    }
  }
}
