import "server-only";
import type { Db, DbOrTx, Prisma } from "./client";

/**
 * JobRun rows: one per job and period key (unique), so a second run of the same period finds the
 * row instead of starting over. JobRun is platform data, not a tenant's: a run of the scheduled job
 * covers every tenant and keeps its counts per tenant; a tenant admin's "run now" uses a period key
 * ending in "@<tenantId>". Readers for the admin page filter on that.
 */
const runSelect = {
  id: true,
  job: true,
  periodKey: true,
  status: true,
  counts: true,
  errors: true,
  cursor: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.JobRunSelect;

/** Creates the run unless one exists for (job, periodKey); true when this call created it. */
export async function insertJobRun(prisma: Db, row: { job: string; periodKey: string; at: Date }) {
  const res = await prisma.jobRun.createMany({
    data: [{ job: row.job, periodKey: row.periodKey, status: "RUNNING", startedAt: row.at }],
    skipDuplicates: true,
  });
  return res.count === 1;
}

export function findJobRun(prisma: DbOrTx, job: string, periodKey: string) {
  return prisma.jobRun.findUnique({ where: { job_periodKey: { job, periodKey } }, select: runSelect });
}

/**
 * Takes over a run that failed, paused at its time budget (RUNNING with finishedAt set), or whose
 * holder went silent (RUNNING since before `staleBefore`). One statement: two callers cannot both win.
 */
export async function takeOverJobRun(prisma: Db, id: string, at: Date, staleBefore: Date) {
  const res = await prisma.jobRun.updateMany({
    where: {
      id,
      OR: [
        { status: "FAILED" },
        { status: "RUNNING", finishedAt: { not: null } },
        { status: "RUNNING", finishedAt: null, startedAt: { lt: staleBefore } },
      ],
    },
    data: { status: "RUNNING", startedAt: at, finishedAt: null },
  });
  return res.count === 1;
}

type RunState = { counts: Prisma.InputJsonValue; errors: Prisma.InputJsonValue; cursor: string | null };

/** Saves progress while holding the run (same startedAt, not finished); false when it was taken over. */
export async function saveJobRun(prisma: Db, id: string, startedAt: Date, state: RunState) {
  const res = await prisma.jobRun.updateMany({ where: { id, startedAt, finishedAt: null }, data: state });
  return res.count === 1;
}

export async function finishJobRun(
  prisma: Db,
  id: string,
  startedAt: Date,
  state: RunState & { status: "RUNNING" | "SUCCEEDED" | "FAILED"; finishedAt: Date },
) {
  const res = await prisma.jobRun.updateMany({ where: { id, startedAt, finishedAt: null }, data: state });
  return res.count === 1;
}

/** Runs a tenant may see: the scheduled ones (all tenants) and its own "run now" runs. */
export function listJobRunsFor(prisma: DbOrTx, tenantId: string, opts: { job?: string; take: number }) {
  return prisma.jobRun.findMany({
    where: {
      ...(opts.job ? { job: opts.job } : {}),
      OR: [{ NOT: { periodKey: { contains: "@" } } }, { periodKey: { endsWith: `@${tenantId}` } }],
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: opts.take,
    select: runSelect,
  });
}
