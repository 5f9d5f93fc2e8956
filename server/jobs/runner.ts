import type { JobName } from "@/lib/schemas/jobs";
import type { Db, Prisma } from "@/server/db/client";
import { findJobRun, finishJobRun, insertJobRun, saveJobRun, takeOverJobRun } from "@/server/db/jobs";
import { logger } from "@/server/logger";
import { withImmediateAlerts } from "@/server/services/immediate-alerts";

/**
 * Runs a job once per period (docs/architecture.md#jobs): the JobRun row for (job, period key) is
 * the lock and the record. A second call for the same period — at the same moment or later — finds
 * the row and does nothing, unless the first run failed, paused at its time budget (then it resumes
 * from the saved cursor), or went silent for STALE_AFTER_MS (its process died). The work itself is
 * idempotent too (unique outbox keys, one ProgressUpdate per project and period, conditional status
 * changes), so even overlapping runs of different periods send and write nothing twice.
 */
export const DEFAULT_BUDGET_MS = 45_000;
export const STALE_AFTER_MS = 10 * 60_000;
const MAX_ERRORS = 100;

/** tenant id (or "_all" for platform-wide work) → counter → n */
export type JobCounts = Record<string, Record<string, number>>;
export type JobError = { tenantId: string | null; ref: string; message: string };

export type JobRunResult = {
  job: JobName;
  periodKey: string;
  status: "succeeded" | "paused" | "failed" | "skipped";
  reason?: string;
  runId?: string;
  counts: JobCounts;
  errors: number;
};

class RunTakenOver extends Error {}

export class JobContext {
  /** the run id, as the request id of this run's log lines */
  requestId: string | null = null;

  constructor(
    readonly db: Db,
    readonly now: Date,
    /** null: every tenant (the scheduled run); else the "run now" tenant */
    readonly tenantId: string | null,
    readonly deadline: number,
    public cursor: string | null,
    readonly counts: JobCounts,
    readonly errors: JobError[],
    private readonly persist: () => boolean | Promise<boolean>,
  ) {}

  count(tenantId: string, key: string, n = 1) {
    const bucket = (this.counts[tenantId] ??= {});
    bucket[key] = (bucket[key] ?? 0) + n;
  }

  error(tenantId: string | null, ref: string, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ requestId: this.requestId, tenantId, ref, err: error }, "job item failed");
    if (this.errors.length < MAX_ERRORS) this.errors.push({ tenantId, ref, message: message.slice(0, 500) });
    if (tenantId) this.count(tenantId, "errors");
  }

  outOfTime(): boolean {
    return Date.now() >= this.deadline;
  }

  /** Saves the cursor and counts; stops the run if another process took it over meanwhile. */
  async checkpoint(cursor: string | null) {
    this.cursor = cursor;
    if (!(await this.persist())) throw new RunTakenOver("another run took over this period");
  }
}

export type JobDefinition = {
  name: JobName;
  title: string;
  description: string;
  /** cron expression, UTC (vercel.json and the scheduler script use the same) */
  schedule: string;
  period: (now: Date) => string;
  run: (ctx: JobContext) => Promise<"done" | "paused">;
};

const json = (v: unknown) => v as Prisma.InputJsonValue;

/** A scheduled run of the period finished and did every item of this tenant (no error of its own). */
function coveredByScheduledRun(run: Awaited<ReturnType<typeof findJobRun>>, tenantId: string): boolean {
  return run?.status === "SUCCEEDED" && !(run.errors as JobError[]).some((e) => e.tenantId === tenantId);
}

export async function runJob(
  db: Db,
  def: JobDefinition,
  opts: { now: Date; tenantId?: string | null; budgetMs?: number },
): Promise<JobRunResult> {
  const tenantId = opts.tenantId ?? null;
  const periodKey = `${def.period(opts.now)}${tenantId ? `@${tenantId}` : ""}`;
  const base = { job: def.name, periodKey };
  const startedAt = opts.now;
  const wallStart = Date.now();

  // a tenant's "run now" is once per period too, and the scheduled run of the period counts as that
  // tenant's run unless it failed on one of the tenant's items (then "run now" retries them)
  if (tenantId) {
    const scheduled = await findJobRun(db, def.name, def.period(opts.now));
    if (scheduled && coveredByScheduledRun(scheduled, tenantId)) {
      return {
        ...base,
        status: "skipped",
        reason: "already ran for this period",
        runId: scheduled.id,
        counts: {},
        errors: 0,
      };
    }
  }

  const created = await insertJobRun(db, { job: def.name, periodKey, at: startedAt });
  const row = await findJobRun(db, def.name, periodKey);
  if (!row) return { ...base, status: "skipped", reason: "the run row could not be read", counts: {}, errors: 0 };
  if (!created) {
    if (row.status === "SUCCEEDED")
      return {
        ...base,
        status: "skipped",
        reason: "already ran for this period",
        runId: row.id,
        counts: row.counts as JobCounts,
        errors: (row.errors as JobError[]).length,
      };
    if (!(await takeOverJobRun(db, row.id, startedAt, new Date(startedAt.getTime() - STALE_AFTER_MS)))) {
      return {
        ...base,
        status: "skipped",
        reason: "another run of this period is in progress",
        runId: row.id,
        counts: {},
        errors: 0,
      };
    }
  }

  const counts: JobCounts = created ? {} : { ...(row.counts as JobCounts) };
  const errors: JobError[] = created ? [] : [...(row.errors as JobError[])];
  const ctx: JobContext = new JobContext(
    db,
    opts.now,
    tenantId,
    wallStart + (opts.budgetMs ?? DEFAULT_BUDGET_MS),
    created ? null : row.cursor,
    counts,
    errors,
    () => saveJobRun(db, row.id, startedAt, { counts: json(counts), errors: json(errors), cursor: ctx.cursor }),
  );
  ctx.requestId = row.id;
  const finishedAt = () => new Date(startedAt.getTime() + (Date.now() - wallStart));
  // one start and one finish line per run (docs/security.md); the run id is the request id of its log lines
  const line = { job: def.name, periodKey, tenantId, requestId: row.id, resumed: !created };
  logger.info(line, "job run started");

  try {
    // alerts the run raised are dispatched when it is done (server/services/immediate-alerts.ts)
    const outcome = await withImmediateAlerts({ db, now: () => ctx.now, requestId: row.id }, () => def.run(ctx));
    const done = outcome === "done";
    await finishJobRun(db, row.id, startedAt, {
      status: done ? "SUCCEEDED" : "RUNNING",
      counts: json(counts),
      errors: json(errors),
      cursor: done ? null : ctx.cursor,
      finishedAt: finishedAt(),
    });
    logger.info(
      { ...line, outcome, counts, errors: errors.length, durationMs: Date.now() - wallStart },
      "job run finished",
    );
    return { ...base, status: done ? "succeeded" : "paused", runId: row.id, counts, errors: errors.length };
  } catch (error) {
    if (error instanceof RunTakenOver) {
      logger.info(
        { ...line, outcome: "taken over", counts, errors: errors.length, durationMs: Date.now() - wallStart },
        "job run finished",
      );
      return { ...base, status: "skipped", reason: error.message, runId: row.id, counts, errors: errors.length };
    }
    logger.error(
      { ...line, err: error, outcome: "failed", counts, errors: errors.length + 1, durationMs: Date.now() - wallStart },
      "job run failed",
    );
    errors.push({
      tenantId,
      ref: "run",
      message: error instanceof Error ? error.message.slice(0, 500) : String(error),
    });
    await finishJobRun(db, row.id, startedAt, {
      status: "FAILED",
      counts: json(counts),
      errors: json(errors),
      cursor: ctx.cursor,
      finishedAt: finishedAt(),
    });
    return { ...base, status: "failed", runId: row.id, counts, errors: errors.length };
  }
}
