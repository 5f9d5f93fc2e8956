import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import pg from "pg";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

/**
 * Rate limits kept in PostgreSQL (table rate_limits, created by a migration), so they hold across
 * any number of app instances. One pg pool, created lazily.
 */
const holder = globalThis as unknown as { onwardRatePool?: pg.Pool; onwardLimiters?: Map<string, RateLimiterPostgres> };

/** the pool's application_name, as pg_stat_activity shows its connections */
export const RATE_POOL_NAME = "onward-rate-limit";

function pool(): pg.Pool {
  if (!holder.onwardRatePool) {
    const created = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 4,
      application_name: RATE_POOL_NAME,
    });
    // an idle connection the server drops (restart, failover, idle timeout) emits "error" on the pool;
    // unheard, that event would end the process — the pool replaces the connection on the next query
    created.on("error", (error) => logger.warn({ err: error }, "rate-limit pool: idle connection lost"));
    holder.onwardRatePool = created;
  }
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
    typeof config === "string"
      ? pool().query(config, values)
      : pool().query({ text: config.text, values: config.values }),
};

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Every rate limit of the app (docs/security.md), in one place. Each entry: what the key is, how many
 * points (events) a key may spend per window (`duration`, seconds), and why that number. A refused
 * event answers 429 with `Retry-After` (REST, tRPC) or a message with the wait (server actions).
 * Counters live in PostgreSQL (table rate_limits), so they hold across app instances.
 */
export const LIMITS = {
  /**
   * key: account email (lower-cased) and client IP. Failed sign-ins for one account from one address: 10 per 15 min,
   * then that address is refused for that account; other addresses are not (docs/security.md#sign-in-throttling). A success resets it
   */
  loginAccountIp: { points: 10, duration: 15 * 60 },
  /** key: client IP. Failed sign-ins from one network, any accounts: 100 per hour (issue target ≤ 100/hour; an office behind one NAT still fits) */
  loginIp: { points: 100, duration: 60 * 60 },
  /** key: user id. Wrong two-factor codes (docs/security.md#two-factor-sign-in): 5 per 15 min — with ±1 step, 3 of a million codes pass, so guessing takes years; a success resets it */
  twoFactor: { points: 5, duration: 15 * 60 },
  /** key: email address. Magic-link requests: 5 per 15 min — each one sends an email, so this caps mail-bombing one inbox */
  magicLink: { points: 5, duration: 15 * 60 },
  /** key: client IP. Magic-link requests from one network, any addresses: 20 per hour (a customer office with a few stakeholders fits) */
  magicLinkIp: { points: 20, duration: 60 * 60 },
  /** key: email address (lower-cased). Single sign-on starts (docs/security.md#single-sign-on): 10 per 15 min — each one asks the workspace's identity provider; a person retrying a few times fits */
  ssoEmail: { points: 10, duration: 15 * 60 },
  /** key: client IP. Single sign-on starts from one network, any addresses or domains: 100 per hour (an office signing in behind one NAT still fits) */
  ssoIp: { points: 100, duration: 60 * 60 },
  /** key: client IP. One-time survey link views and answers: 60 per hour — against guessing tokens (a person needs 2–3 calls per link) */
  surveyIp: { points: 60, duration: 60 * 60 },
  /** key: sha-256 of the survey token. Calls on one link: 20 per hour — against hammering a single link */
  surveyToken: { points: 20, duration: 60 * 60 },
  /** key: client IP. Public self-service assessments (docs/domain.md#self-service-assessment): 10 per hour */
  intakeIp: { points: 10, duration: 60 * 60 },
  /** key: email address. Public self-service assessments: 3 per hour */
  intakeEmail: { points: 3, duration: 60 * 60 },
  /** key: evidence API token id. CI evidence posts (docs/ci-evidence.md): 120 a minute, far above any pipeline's need */
  evidenceToken: { points: 120, duration: 60 },
  /** key: tenant API key id. Journey REST API calls: 60 a minute */
  journeyKey: { points: 60, duration: 60 },
  /** key: client IP. Workspace sign-ups (docs/signup.md#limits): 5 per hour — each one sends an email; a real founder needs one or two */
  signupIp: { points: 5, duration: 60 * 60 },
  /** key: the email's domain. Workspace sign-ups per company domain, any addresses: 10 per day — against one domain's inboxes being flooded */
  signupDomain: { points: 10, duration: 24 * 60 * 60 },
  /** key: session id. Calls through /api/trpc by one signed-in session: 600 a minute (a busy page makes 10–20), so only a script trips it; TRPC_CALLS_PER_MINUTE overrides */
  trpcSession: { points: positiveIntFromEnv("TRPC_CALLS_PER_MINUTE", 600), duration: 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * The progressive delay per account, any address (docs/security.md#sign-in-throttling): from the
 * `afterFailures`-th failure on, the next attempt waits 1 s, then 2, 4, … up to `maxSeconds` after the last
 * failure — a slowdown, never a lock. A success clears it, and so do `forgetAfterHours` without a failure.
 */
export const LOGIN_DELAY = { afterFailures: 5, maxSeconds: 60, forgetAfterHours: 24 } as const;

/** Seconds an account waits after its last failure, given its failure count. */
export function loginDelaySeconds(failures: number): number {
  if (failures < LOGIN_DELAY.afterFailures) return 0;
  return Math.min(2 ** (failures - LOGIN_DELAY.afterFailures), LOGIN_DELAY.maxSeconds);
}

function limiter(name: LimitName): RateLimiterPostgres {
  holder.onwardLimiters ??= new Map();
  let l = holder.onwardLimiters.get(name);
  if (!l) {
    // tableCreated: the table comes from a migration, so the limiter is ready at once
    l = new RateLimiterPostgres({
      storeClient: unnamedStatements,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      ...LIMITS[name],
    });
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

/** Counts one event (or `points` events at once); returns seconds to wait when that went over the limit, else 0. */
export async function hit(name: LimitName, key: string, points = 1): Promise<number> {
  try {
    await limiter(name).consume(key, points);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
    throw error;
  }
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** "Try again in 3 minutes." — the wait as a person reads it. */
export function tryAgainIn(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Counts one event and throws TOO_MANY_REQUESTS (429 + Retry-After wherever AppErrors are mapped) when it went over. */
export async function enforce(name: LimitName, key: string, what: string): Promise<void> {
  const wait = await hit(name, key);
  if (wait > 0) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}. ${tryAgainIn(wait)}`, { retryAfterSeconds: wait });
  }
}
