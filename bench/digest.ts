import { createPrismaClient } from "../server/db/client";
import { progressDigestsJob } from "../server/jobs/progress-digests";
import { runJob } from "../server/jobs/runner";
import type { CountingProxy } from "./count-proxy";

/**
 * P5 (bench/README.md): the daily digest job over one tenant, in-process as the scheduler runs it (progress
 * updates, then digests into the outbox — nothing is sent), with no time budget so one run covers the
 * tenant. Wall time, statements (through the counting proxy) and the peak RSS / heap seen while it ran.
 */
export type DigestFigures = {
  wallS: number;
  statements: number;
  perProject: number;
  projects: number;
  peakRssMb: number;
  peakHeapMb: number;
  counts: Record<string, number>;
};

export async function measureDigest(
  proxy: CountingProxy,
  tenantId: string,
  projects: number,
  now: Date,
): Promise<DigestFigures> {
  const prisma = createPrismaClient(proxy.url);
  await prisma.$queryRaw`SELECT 1`;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const before = proxy.statements();
  const started = performance.now();
  try {
    let result = await runJob(prisma, progressDigestsJob, { now, tenantId, budgetMs: 30 * 60_000 });
    while (result.status === "paused")
      result = await runJob(prisma, progressDigestsJob, { now, tenantId, budgetMs: 30 * 60_000 });
    if (result.status !== "succeeded")
      throw new Error(`digest job ${result.status}: ${result.reason ?? ""} (${result.errors} errors)`);
    const wallS = (performance.now() - started) / 1000;
    sample();
    const statements = proxy.statements() - before;
    return {
      wallS,
      statements,
      perProject: statements / projects,
      projects,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      counts: result.counts[tenantId] ?? {},
    };
  } finally {
    clearInterval(timer);
    await prisma.$disconnect();
  }
}
