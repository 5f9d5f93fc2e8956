import { listTenantsForJobs, type JobTenant } from "@/server/db/workspaces";
import type { JobContext } from "./runner";

/**
 * Batch processing with a resumable cursor "<phase>|<tenantId>|<lastItemId>": each phase walks every
 * tenant (or the "run now" tenant) in id order, loads items in batches after the last id, handles each
 * one (a failure is recorded and the walk goes on), saves the cursor after every batch, and stops
 * with "paused" when the time budget is used up — the next run of the period resumes there.
 * A phase with `handleBatch` handles its page at once (bench/README.md, P5); if that throws, the page is
 * handled again item by item, so one bad item is recorded alone and the others still get done.
 */
export type Phase<T extends { id: string }> = {
  name: string;
  // methods (not function properties) so phases of different item types fit in one Phase<Item>[] list
  load(tenant: JobTenant, afterId: string | null, take: number): T[] | Promise<T[]>;
  handle(tenant: JobTenant, item: T): void | Promise<void>;
  handleBatch?(tenant: JobTenant, items: T[]): void | Promise<void>;
  /** page size of this phase (else the runner's) */
  batchSize?: number;
};

export const BATCH_SIZE = 25;

function parseCursor(cursor: string | null): { phase: string; tenantId: string; afterId: string | null } | null {
  if (!cursor) return null;
  const [phase, tenantId, afterId] = cursor.split("|");
  if (!phase || !tenantId) return null;
  return { phase, tenantId, afterId: afterId || null };
}

export async function runPhases(
  ctx: JobContext,
  phases: Phase<{ id: string }>[],
  batchSize = BATCH_SIZE,
): Promise<"done" | "paused"> {
  const tenants = await listTenantsForJobs(ctx.db, ctx.tenantId);
  const resume = parseCursor(ctx.cursor);
  const startPhase = resume
    ? Math.max(
        0,
        phases.findIndex((p) => p.name === resume.phase),
      )
    : 0;
  let batches = 0;
  for (let p = startPhase; p < phases.length; p += 1) {
    const phase = phases[p];
    if (!phase) continue;
    const resuming = resume && p === startPhase && resume.phase === phase.name ? resume : null;
    for (const tenant of tenants) {
      if (resuming && tenant.id < resuming.tenantId) continue;
      let afterId = resuming && tenant.id === resuming.tenantId ? resuming.afterId : null;
      for (;;) {
        // at least one batch per run, so a tiny budget still makes progress
        if (batches > 0 && ctx.outOfTime()) return "paused";
        const take = phase.batchSize ?? batchSize;
        const items = await phase.load(tenant, afterId, take);
        if (!(await handledAsBatch(phase, tenant, items))) {
          for (const item of items) {
            try {
              await phase.handle(tenant, item);
            } catch (error) {
              ctx.error(tenant.id, `${phase.name}:${item.id}`, error);
            }
          }
        }
        afterId = items.at(-1)?.id ?? afterId;
        if (items.length > 0) batches += 1;
        await ctx.checkpoint(`${phase.name}|${tenant.id}|${afterId ?? ""}`);
        if (items.length < take) break;
      }
    }
  }
  return "done";
}

async function handledAsBatch<T extends { id: string }>(
  phase: Phase<T>,
  tenant: JobTenant,
  items: T[],
): Promise<boolean> {
  if (!phase.handleBatch || items.length === 0) return false;
  try {
    await phase.handleBatch(tenant, items);
    return true;
  } catch {
    // the item-by-item pass records which item failed; what the batch wrote is rolled back or idempotent
    return false;
  }
}
