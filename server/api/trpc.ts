import { initTRPC, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { ZodError } from "zod";
import { db, type Db, type ReadReplica } from "@/server/db/client";
import { can, type Permission } from "@/domain/access/permissions";
import type { SessionUser } from "@/server/auth/session-user";
import { AppError, describeZodError, fromPrismaError, toTRPCError } from "@/server/errors";
import { clientIpFrom } from "@/server/http/client-ip";
import { hit } from "@/server/auth/rate-limit";
import { blockedUntilTwoFactor, TWO_FACTOR_SETUP_MESSAGE } from "@/server/auth/two-factor-gate";
import { logger } from "@/server/logger";
import { withImmediateAlerts } from "@/server/services/immediate-alerts";

/**
 * tRPC is created once here; only named procedures are exported. Every procedure is one of:
 * public, authed (signed in), permission-checked (role via domain/access/permissions.ts, tenant id
 * narrowed into ctx), or portal (a customer, narrowed to their customer account).
 */
export type TRPCContext = {
  db: Db;
  /** the read replica pure reads may use (server/services/context.ts `onReplica`); unset → from the environment */
  replica?: ReadReplica | null;
  user: SessionUser | null;
  ip: string;
  /** the caller's User-Agent header (recorded with sign-offs); null when absent */
  userAgent: string | null;
  requestId: string;
  now: () => Date;
};

/** The context tests build directly (tRPC starter's createContextInner). */
export function createInnerContext(opts: {
  user: SessionUser | null;
  db?: Db;
  replica?: ReadReplica | null;
  ip?: string;
  userAgent?: string | null;
  now?: () => Date;
}): TRPCContext {
  return {
    db: opts.db ?? db(),
    replica: opts.replica,
    user: opts.user,
    ip: opts.ip ?? "127.0.0.1",
    userAgent: opts.userAgent ?? null,
    requestId: randomUUID(),
    now: opts.now ?? (() => new Date()),
  };
}

/** A User-Agent longer than this is cut: it is stored with each sign-off. */
const MAX_USER_AGENT = 512;

export async function createTRPCContext(opts: { headers: Headers }): Promise<TRPCContext> {
  const { currentUser } = await import("@/server/auth/current-user");
  const ip = clientIpFrom(opts.headers);
  const userAgent = opts.headers.get("user-agent")?.slice(0, MAX_USER_AGENT) || null;
  return {
    ...createInnerContext({ user: await currentUser(), ip, userAgent }),
    requestId: opts.headers.get("x-request-id") ?? randomUUID(),
  };
}

/**
 * Seconds a signed-in session must wait before more calls over HTTP (limit `trpcSession`, docs/security.md), else 0.
 * Counted once per HTTP request with the batch's size; the server caller pages use is not an HTTP client and
 * is not counted. Anonymous calls are limited per procedure (sign-in, surveys, assessments).
 */
export async function sessionCallsWait(ctx: TRPCContext, calls: number): Promise<number> {
  if (!ctx.user) return 0;
  return hit("trpcSession", ctx.user.sessionId, calls);
}

/**
 * What a refused call tells the person: the message and the per-field messages. The one mapping, used by the
 * error formatter below (the /api/trpc route) and by the Server Actions that call a procedure
 * (server/api/action-result.ts), so both say the same words.
 */
export function describeTRPCError(error: TRPCError): { message: string; fieldErrors?: Record<string, string> } {
  if (error.cause instanceof ZodError) return describeZodError(error.cause);
  if (error.cause instanceof AppError) return { message: error.message, fieldErrors: error.cause.fieldErrors };
  if (error.code === "INTERNAL_SERVER_ERROR")
    return { message: "Something went wrong on our side. It has been logged; please try again." };
  return { message: error.message };
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { message, fieldErrors } = describeTRPCError(error);
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const errorMapping = t.middleware(async ({ next, path, ctx }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const appError = cause instanceof AppError ? cause : fromPrismaError(cause);
    if (appError) throw toTRPCError(appError);
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "procedure failed");
    }
  }
  return result;
});

/** Text PostgreSQL cannot store: a NUL character, or a lone UTF-16 surrogate (jsonb and UTF-8 refuse it). */
const unstorable = (text: string) => text.includes("\u0000") || !text.isWellFormed();

/** Where the first unstorable text sits in an input ("" for the input itself), or null when there is none. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return unstorable(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, v] of Object.entries(value)) {
    if (unstorable(key)) return path === "" ? "input" : path;
    const found = nulPath(v, path === "" ? key : `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store a NUL character or a lone surrogate in text (the fuzzer found both as 500s,
 * the second through a name copied into an audit event's jsonb); no field of ours needs one. Refused up
 * front as bad input.
 */
const noNulCharacters = t.middleware(async ({ next, getRawInput }) => {
  const found = nulPath(await getRawInput(), "");
  if (found !== null) {
    const message = "Text may not contain NUL characters or broken Unicode (a lone surrogate).";
    throw toTRPCError(new AppError("BAD_REQUEST", message, { fieldErrors: { [found || "input"]: message } }));
  }
  return next();
});

/** Alerts a procedure raised are dispatched once it is done (server/services/immediate-alerts.ts). */
const immediateAlerts = t.middleware(({ ctx, next }) =>
  withImmediateAlerts({ db: ctx.db, now: ctx.now, requestId: ctx.requestId }, () => next()),
);

export const publicProcedure = t.procedure.use(errorMapping).use(immediateAlerts).use(noNulCharacters);

export const authedProcedure = publicProcedure.use(({ ctx, next, path }) => {
  if (!ctx.user) {
    logger.info({ path, requestId: ctx.requestId, ip: ctx.ip }, "denied: not signed in");
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, tenantId: ctx.user.tenantId } });
});

export function permissionProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next, path }) => {
    if (!can(ctx.user.role, permission)) {
      logger.info(
        { path, requestId: ctx.requestId, userId: ctx.user.id, role: ctx.user.role, permission },
        "denied: missing permission",
      );
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this." });
    }
    if (blockedUntilTwoFactor(ctx.user, permission))
      throw new TRPCError({ code: "FORBIDDEN", message: TWO_FACTOR_SETUP_MESSAGE });
    return next({ ctx });
  });
}

/** A customer stakeholder, narrowed to the one customer account they belong to. */
export const portalProcedure = permissionProcedure("portal:read").use(({ ctx, next }) => {
  const customerAccountId = ctx.user.customerAccountId;
  if (!customerAccountId)
    throw new TRPCError({ code: "FORBIDDEN", message: "Your user is not linked to a customer account." });
  return next({ ctx: { ...ctx, customerAccountId } });
});
