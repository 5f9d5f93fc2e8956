import { Prisma } from "@/generated/prisma/client";
import type { Db } from "./client";
import type { BucketState } from "@/domain/messaging/pacing";

/**
 * The SendBucket row of one provider, read and written under a row lock so instances take tokens one
 * at a time (docs/messaging.md#pacing). Times travel as epoch milliseconds of the database's clock
 * (`clock_timestamp()`), never the instance's; the row is created full on first use.
 */
type Row = { tokens: number; refilled_ms: number; paused_ms: number | null; now_ms: number };

const ms = (column: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM (${column} AT TIME ZONE 'UTC')) * 1000)::float8`;
const at = (value: number) => Prisma.sql`(to_timestamp(${value}::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3)`;

export async function updateSendBucket<T>(
  db: Db,
  provider: string,
  initialTokens: number,
  change: (state: BucketState, nowMs: number) => { next: BucketState; result: T },
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SendBucket" (provider, tokens, "refilledAt")
      VALUES (${provider}, ${initialTokens}::float8, (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3))
      ON CONFLICT (provider) DO NOTHING`;
    const [row] = await tx.$queryRaw<Row[]>`
      SELECT tokens, ${ms(Prisma.sql`"refilledAt"`)} AS refilled_ms, ${ms(Prisma.sql`"pausedUntil"`)} AS paused_ms,
             (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS now_ms
      FROM "SendBucket" WHERE provider = ${provider} FOR UPDATE`;
    if (!row) throw new Error(`send bucket ${provider} vanished`);
    const { next, result } = change(
      {
        tokens: Number(row.tokens),
        refilledAtMs: Number(row.refilled_ms),
        pausedUntilMs: row.paused_ms === null ? null : Number(row.paused_ms),
      },
      Number(row.now_ms),
    );
    await tx.$executeRaw`
      UPDATE "SendBucket" SET tokens = ${next.tokens}::float8, "refilledAt" = ${at(next.refilledAtMs)},
        "pausedUntil" = ${next.pausedUntilMs === null ? Prisma.sql`NULL` : at(next.pausedUntilMs)}
      WHERE provider = ${provider}`;
    return result;
  });
}
