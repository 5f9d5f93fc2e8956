import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { INPUT_KEY, formErrors } from "@/lib/form-errors";

/**
 * The one error type domain and service code throws. Routers never build TRPCErrors themselves:
 * the error formatter (server/api/trpc.ts) and REST helpers map AppError codes in one place.
 */
export const APP_ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages for forms: { "email": "Enter a valid email address" } */
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    extra: { fieldErrors?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

/**
 * PostgreSQL cannot store a NUL character in text (SQLSTATE 22021) or JSON (22P05), and an id holding
 * one matches nothing: the input is at fault, so it is a 400 with a message, never a 500 (docs/security.md fuzzing).
 */
export function fromUnstorableInput(error: unknown): AppError | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  if (cause?.originalCode !== "22021" && cause?.originalCode !== "22P05") return null;
  return new AppError(
    "BAD_REQUEST",
    "The input contains a character that cannot be stored (a NUL byte). Remove it and try again.",
    { cause: error },
  );
}

/** Prisma's known request errors, by code, as user-facing errors. */
export function fromPrismaError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^P\d{4}$/.test(code)) return null;
  if (code === "P2002") return new AppError("CONFLICT", "That already exists.", { cause: error });
  if (code === "P2025") return new AppError("NOT_FOUND", "Not found.", { cause: error });
  return null;
}

/**
 * Anything thrown, as the AppError a person can act on — our own, a Prisma error we can name, or input
 * PostgreSQL cannot store — or null for a fault of ours. The tRPC middleware and the REST wrappers both
 * call this, so a thrown error answers the same through either.
 */
export function toAppError(thrown: unknown): AppError | null {
  if (thrown instanceof AppError) return thrown.code === "INTERNAL" ? null : thrown;
  return fromPrismaError(thrown) ?? fromUnstorableInput(thrown);
}

/** Unknown ids and other tenants' ids read the same. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

/** zod issues → { "path.to.field": "message" } for forms, and one readable sentence. */
export function describeZodError(error: z.ZodError): { message: string; fieldErrors: Record<string, string> } {
  const fieldErrors = formErrors(error);
  const message = Object.entries(fieldErrors)
    .map(([field, msg]) => (field === INPUT_KEY ? msg : `${field}: ${msg}`))
    .join("; ");
  return { message: message || "Invalid input", fieldErrors };
}
