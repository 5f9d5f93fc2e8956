import "server-only";
import type { TrendFacts } from "@/domain/dashboard/trends";
import type { Db } from "./client";
import { bookedProjects, decidedGuarantees, surveyAnswers, ts, within, type RowRules } from "./dashboard-sources";
import { Prisma } from "@/generated/prisma/client";

type TrendRow = { series: string; bucket: number; kind: string | null; score: number | null; a: number; b: number };

/**
 * Every trend series of the range, bucketed in SQL, in one statement: guarantee decisions, survey
 * answers by score, bookings (and their expansion share), refunds paid and the accounts' daily
 * expansion potential (from the per-day sums TenantHealthDay keeps, one row a day however many
 * accounts). Bucket i covers [from + i·size, from + (i+1)·size).
 */
export async function loadTrendFacts(
  db: Db,
  tenantId: string,
  w: { from: Date; to: Date },
  bucketDays: number,
  rules: RowRules,
): Promise<TrendFacts> {
  const size = bucketDays * 86_400;
  const bucket = (column: Prisma.Sql) =>
    Prisma.sql`floor(EXTRACT(EPOCH FROM (${column} - ${ts(w.from)}))::float8 / ${size}::float8)::int`;
  const rows = await db.$queryRaw<TrendRow[]>`
    SELECT 'success' AS series, ${bucket(Prisma.sql`decided_at`)} AS bucket, NULL::text AS kind, NULL::int AS score,
           count(*)::float8 AS a, (count(*) FILTER (WHERE status = 'SUCCEEDED'))::float8 AS b
    FROM (${decidedGuarantees(tenantId, rules, w)}) g WHERE ${within(Prisma.sql`decided_at`, w)} GROUP BY 2
    UNION ALL
    SELECT 'satisfaction', ${bucket(Prisma.sql`at`)}, kind, score, count(*)::float8, 0
    FROM (${surveyAnswers(tenantId, w)}) s GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'booked', ${bucket(Prisma.sql`at`)}, NULL, NULL, sum(cents)::float8, COALESCE(sum(cents) FILTER (WHERE nth > 1), 0)::float8
    FROM (${bookedProjects(tenantId, w)}) b GROUP BY 2
    UNION ALL
    SELECT 'refunds', ${bucket(Prisma.sql`"paidAt"`)}, NULL, NULL, sum("amountCents")::float8, 0
    FROM "Refund" WHERE "tenantId" = ${tenantId} AND status = 'PAID' AND ${within(Prisma.sql`"paidAt"`, w)} GROUP BY 2
    UNION ALL
    SELECT 'health', ${bucket(Prisma.sql`day::timestamp`)}, NULL, NULL, sum("expansionScoreSum")::float8, sum("expansionSnapshots")::float8
    FROM "TenantHealthDay" WHERE "tenantId" = ${tenantId} AND ${within(Prisma.sql`day::timestamp`, w)} GROUP BY 2`;
  const facts: TrendFacts = { success: [], satisfaction: [], booked: [], refunds: [], health: [] };
  for (const r of rows) {
    if (r.series === "success") facts.success.push({ bucket: r.bucket, decided: r.a, succeeded: r.b });
    else if (r.series === "satisfaction" && (r.kind === "CSAT" || r.kind === "NPS") && r.score !== null)
      facts.satisfaction.push({ bucket: r.bucket, kind: r.kind, score: r.score, count: r.a });
    else if (r.series === "booked") facts.booked.push({ bucket: r.bucket, bookedCents: r.a, expansionCents: r.b });
    else if (r.series === "refunds") facts.refunds.push({ bucket: r.bucket, refundedCents: r.a });
    else if (r.series === "health") facts.health.push({ bucket: r.bucket, expansionScoreSum: r.a, snapshots: r.b });
  }
  return facts;
}
