import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import pg from "pg";
import { AppError } from "@/server/errors";

/**
 * Rate limits kept in PostgreSQL (table rate_limits, created by a migration), so they hold across
 * any number of app instances. One pg pool, created lazily.
 */
const holder = globalThis as unknown as { onwardRatePool?: pg.Pool; onwardLimiters?: Map<string, RateLimiterPostgres> };

function pool(): pg.Pool {
  holder.onwardRatePool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  return holder.onwardRatePool;
}

/**
 * The library names its prepared statements; a named statement lives in the server session, and
 * sessions are shared between connections on the embedded database (and behind a transaction-mode
 * pooler), where the second connection fails with "prepared statement already exists". Unnamed
 * statements work everywhere at the cost of a re-parse.
 */
const unnamedStatements = {
  query: (config: pg.QueryConfig | string, values?: unknown[]) =>
    typeof config === "string" ? pool().query(config, values) : pool().query({ text: config.text, values: config.values }),
};

export const LIMITS = {
  /** failed sign-ins per account: 10 per 15 minutes, then wait */
  loginEmail: { points: 10, duration: 15 * 60 },
  /** failed sign-ins per IP address */
  loginIp: { points: 50, duration: 15 * 60 },
  /** magic-link requests per email address */
  magicLink: { points: 5, duration: 15 * 60 },
  /** public self-service assessments per IP address (issue 11) */
  intakeIp: { points: 10, duration: 60 * 60 },
  /** public self-service assessments per email address */
  intakeEmail: { points: 3, duration: 60 * 60 },
  /** CI evidence posts per API token (docs/ci-evidence.md): 120 a minute, far above any pipeline's need */
  evidenceToken: { points: 120, duration: 60 },
  /** journey REST API calls per tenant API key */
  journeyKey: { points: 60, duration: 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

function limiter(name: LimitName): RateLimiterPostgres {
  holder.onwardLimiters ??= new Map();
  let l = holder.onwardLimiters.get(name);
  if (!l) {
    // tableCreated: the table comes from a migration, so the limiter is ready at once
    l = new RateLimiterPostgres({ storeClient: unnamedStatements, storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: name, ...LIMITS[name] });
    holder.onwardLimiters.set(name, l);
  }
  return l;
}

/** Seconds to wait if the key is over its limit, else 0. Does not consume. */
export async function blockedFor(name: LimitName, key: string): Promise<number> {
  const res = await limiter(name).get(key);
  if (res && res.consumedPoints >= LIMITS[name].points) return Math.ceil(res.msBeforeNext / 1000);
  return 0;
}

/** Counts one event; returns seconds to wait when that event went over the limit, else 0. */
export async function hit(name: LimitName, key: string): Promise<number> {
  try {
    await limiter(name).consume(key);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
    throw error;
  }
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

export async function enforce(name: LimitName, key: string, what: string): Promise<void> {
  const wait = await hit(name, key);
  if (wait > 0) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}. Try again in ${Math.ceil(wait / 60)} minute(s).`, {
      retryAfterSeconds: wait,
    });
  }
}
