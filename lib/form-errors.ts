import type { z } from "zod";

/** The key of an error about the whole input rather than one field. */
export const INPUT_KEY = "input";

/** A zod issue path as a field key: ["stakeholders", 0, "email"] → "stakeholders.0.email". */
export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/**
 * zod issues → { "dotted.path": first message }, an issue about the whole input under "input". The one
 * mapping (docs/architecture.md): the server's error formatter (server/errors.ts) and every client form use
 * it, so an error reaches the same key whichever side found it — "stakeholders.0.email" on both.
 */
export function formErrors(error: Pick<z.ZodError, "issues">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[pathKey(issue.path) || INPUT_KEY] ??= issue.message;
  return out;
}

/** A field's error, or the first error of something inside it ("events" → the error of "events.2"). */
export function fieldError(errors: Record<string, string>, field: string): string | undefined {
  return (
    errors[field] ||
    Object.entries(errors).find(([key, message]) => key.startsWith(`${field}.`) && message)?.[1] ||
    undefined
  );
}

/** A Server Action's answer: done, or refused with what to show (read it with `readError`). */
export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

export { readError, type ErrorView } from "./read-error";
