import { z } from "zod";

export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/**
 * The optional read replica (docs/deploy.md#read-replica): where pure reads may go, how stale they may
 * be and how often its freshness is checked. Parsed on its own by the data layer (server/db/client.ts),
 * which scripts run without the web server's secrets, and as part of the server environment below.
 */
const ZReplicaEnvSchema = z.object({
  DATABASE_REPLICA_URL: z.string().url({ message: "DATABASE_REPLICA_URL must be a postgres:// URL" }).optional(),
  REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ message: "REPLICA_MAX_LAG_SECONDS must be a number" })
    .min(0, { message: "REPLICA_MAX_LAG_SECONDS must be 0 or more" })
    .default(10),
  REPLICA_CHECK_SECONDS: z.coerce
    .number({ message: "REPLICA_CHECK_SECONDS must be a number" })
    .min(0, { message: "REPLICA_CHECK_SECONDS must be 0 or more" })
    .default(5),
});
export type ReplicaEnv = z.infer<typeof ZReplicaEnvSchema>;

/** An empty variable means "not set" (e.g. RESEND_API_KEY= in a .env file). */
const presentEnv = () => Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));

function describeIssues(error: z.ZodError): string {
  const problems = error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
  return `Invalid environment:\n${problems}\nSee .env.example.`;
}

/** The read replica's settings, validated; read once by the data layer when it first routes a read. */
export function replicaEnv(): ReplicaEnv {
  const parsed = ZReplicaEnvSchema.safeParse(presentEnv());
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/**
 * How many reverse proxies we run in front of the app, each appending to X-Forwarded-For
 * (docs/security.md#client-ip): 0 when clients reach our web server directly (or on Vercel), 1 behind
 * one nginx. The client's address is read that many entries left of the right-most one.
 */
const ZTrustedProxyHops = z.coerce
  .number({ message: "TRUSTED_PROXY_HOPS must be a whole number: how many proxies of yours are in front (0 or more)" })
  .int({ message: "TRUSTED_PROXY_HOPS must be a whole number: how many proxies of yours are in front (0 or more)" })
  .min(0, { message: "TRUSTED_PROXY_HOPS must be 0 or more" })
  .max(10, { message: "TRUSTED_PROXY_HOPS must be at most 10" })
  .default(0);

/**
 * Server environment, validated with zod on first use (not at import), so `next build` needs no
 * secrets or database. See .env.example for what each variable does.
 */
const ZServerEnvSchema = z
  .object({
    ...ZReplicaEnvSchema.shape,
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
    AUTH_SECRET: z.string().min(32, { message: "AUTH_SECRET must be at least 32 characters" }),
    APP_URL: z.string().url().default("http://localhost:3000"),
    EMAIL_FROM: z.string().default("Onward <no-reply@onward.local>"),
    /** Comma-separated domains verified with the email provider: a tenant's own From address is used only on these (docs/branding.md#sender). */
    EMAIL_VERIFIED_DOMAINS: z.string().optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    /** Requests a second to the email provider, shared by every instance (docs/messaging.md#pacing); Resend's default limit is 2. */
    EMAIL_RATE_PER_SECOND: z.coerce
      .number({ message: "EMAIL_RATE_PER_SECOND must be a number" })
      .positive({ message: "EMAIL_RATE_PER_SECOND must be above 0" })
      .max(1000, { message: "EMAIL_RATE_PER_SECOND must be at most 1000" })
      .default(2),
    /** Bearer token of /api/cron/*; unset → every cron call is refused (launch.ts generates one for dev/demo). */
    CRON_SECRET: z.string().min(16, { message: "CRON_SECRET must be at least 16 characters" }).optional(),
    /**
     * 1 lets webhooks, Slack and Teams URLs point at loopback/private addresses (tests, e2e, local
     * development). Off by default: an outgoing URL must resolve to public addresses only (SSRF).
     */
    ALLOW_PRIVATE_WEBHOOKS: z.enum(["0", "1"]).default("0"),
    /** Demo mode (lib/demo.ts): demo credentials on the login page and the dev mail viewer; loopback only. */
    ONWARD_DEMO: z.enum(["0", "1"]).default("0"),
    /** Who may create a workspace (docs/signup.md#modes); unset → see signupMode(). */
    SIGNUP: z.enum(SIGNUP_MODES, { message: "SIGNUP must be open, invite or closed" }).optional(),
    /** Set by the launcher when it serves the embedded database (scripts/launch.ts), not by operators. */
    ONWARD_EMBEDDED_DB: z.enum(["0", "1"]).default("0"),
    TRUSTED_PROXY_HOPS: ZTrustedProxyHops,
  })
  .superRefine((env, ctx) => {
    // mail from an unverifiable .local address is rejected or lands in spam (docs/messaging.md#headers)
    if (env.NODE_ENV === "production" && env.RESEND_API_KEY && /\.local>?\s*$/i.test(env.EMAIL_FROM))
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_FROM"],
        message:
          "EMAIL_FROM must be an address on a domain verified with Resend before real mail is sent (e.g. Onward <no-reply@mail.example.com>)",
      });
  });

export type ServerEnv = z.infer<typeof ZServerEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnvSchema.safeParse(presentEnv());
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  cached = parsed.data;
  return cached;
}

/**
 * TRUSTED_PROXY_HOPS, read on every call (not cached, like signupMode()); a bad value throws the same
 * "Invalid environment" error as serverEnv(), which the launcher and the server's start-up hook show
 * before serving anything (scripts/launch.ts, instrumentation-node.ts).
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const set = env.TRUSTED_PROXY_HOPS?.trim();
  const parsed = ZTrustedProxyHops.safeParse(set === "" ? undefined : set);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  TRUSTED_PROXY_HOPS: ${i.message}`).join("\n");
  throw new Error(`Invalid environment:\n${problems}\nSee .env.example.`);
}

/**
 * Self-serve sign-up (docs/signup.md#modes): SIGNUP when set; otherwise open on the embedded database
 * (a local trial) and closed on an operator's DATABASE_URL. Read on every call (not cached), so an
 * operator's change applies at the next start and tests can switch it.
 */
export function signupMode(): SignupMode {
  const set = process.env.SIGNUP;
  if (set) {
    const parsed = z.enum(SIGNUP_MODES).safeParse(set);
    // a mistyped value closes sign-up rather than opening it (serverEnv() names the mistake)
    return parsed.success ? parsed.data : "closed";
  }
  return process.env.ONWARD_EMBEDDED_DB === "1" ? "open" : "closed";
}
