import "server-only";
import { JOB_NAMES, type JobName } from "@/lib/schemas/jobs";
import { recordAudit } from "@/server/db/audit";
import { listJobRunsFor } from "@/server/db/jobs";
import { JOBS } from "@/server/jobs/registry";
import { STALE_AFTER_MS, runJob, type JobCounts, type JobError } from "@/server/jobs/runner";
import type { ServiceContext } from "./context";

/**
 * The admin "Jobs" page: each job with its schedule, and recent runs with what they did for this
 * tenant (a scheduled run covers every tenant; its counts and errors are kept per tenant, and only
 * the caller's are shown; platform-wide numbers, such as the survey job's, are not). "Run now" runs the
 * job for the caller's tenant only, once per period; the period's scheduled run counts as that run
 * (README.md "Scheduled jobs and messages", server/jobs/runner.ts).
 */
type RunRow = Awaited<ReturnType<typeof listJobRunsFor>>[number];

/** Budget of a "run now" (the admin waits for the answer); what is left resumes on the next run. */
const RUN_NOW_BUDGET_MS = 20_000;

function stateOf(run: RunRow, now: Date) {
  if (run.status === "SUCCEEDED") return "succeeded";
  if (run.status === "FAILED") return "failed";
  if (run.finishedAt) return "paused";
  // a run whose process ended without finishing; the next call of its period takes it over
  return run.startedAt.getTime() < now.getTime() - STALE_AFTER_MS ? "abandoned" : "running";
}

function runView(tenantId: string, run: RunRow, now: Date) {
  const counts = (run.counts ?? {}) as JobCounts;
  const errors = ((run.errors ?? []) as JobError[]).filter((e) => e.tenantId === tenantId);
  const manual = run.periodKey.endsWith(`@${tenantId}`);
  const state = stateOf(run, now);
  return {
    id: run.id,
    job: run.job as JobName,
    periodKey: manual ? run.periodKey.slice(0, -(tenantId.length + 1)) : run.periodKey,
    trigger: manual ? ("run now" as const) : ("scheduled" as const),
    state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    counts: counts[tenantId] ?? {},
    errors: errors.map((e) => ({ ref: e.ref, message: e.message })),
  };
}

export async function jobsOverview(ctx: ServiceContext, input: { job?: JobName; take: number }) {
  const runs = (await listJobRunsFor(ctx.db, ctx.tenantId, input)).map((r) => runView(ctx.tenantId, r, ctx.now));
  const jobs = JOB_NAMES.map((name) => {
    const def = JOBS[name];
    return {
      name,
      title: def.title,
      description: def.description,
      schedule: def.schedule,
      lastRun: runs.find((r) => r.job === name) ?? null,
    };
  });
  return { jobs, runs };
}

export async function runJobNow(ctx: ServiceContext, job: JobName) {
  const result = await runJob(ctx.db, JOBS[job], { now: ctx.now, tenantId: ctx.tenantId, budgetMs: RUN_NOW_BUDGET_MS });
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "job.run_now",
      entityType: "JobRun",
      entityId: result.runId ?? null,
      after: { job, status: result.status, reason: result.reason ?? null },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    }),
  );
  return {
    job,
    status: result.status,
    reason: result.reason ?? null,
    counts: result.counts[ctx.tenantId] ?? {},
    errors: result.errors,
  };
}
