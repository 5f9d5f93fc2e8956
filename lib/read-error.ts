/**
 * The one reader of an error on the client, on its own so a light page (the survey form, bench/README.md P3)
 * ships it without the rest of lib/form-errors.ts, which re-exports it for everyone else.
 */

/** The field errors the app's error formatter adds to a tRPC error (server/api/trpc.ts), keyed like formErrors. */
export function fieldErrorsOf(error: { data?: unknown } | null | undefined): Record<string, string> {
  const data = error?.data;
  if (typeof data !== "object" || data === null || !("fieldErrors" in data)) return {};
  const fieldErrors = (data as { fieldErrors?: unknown }).fieldErrors;
  return typeof fieldErrors === "object" && fieldErrors !== null ? (fieldErrors as Record<string, string>) : {};
}

/** What a form shows for a refused or failed call: the message, the per-field messages, tRPC's code. */
export type ErrorView = { message: string; fieldErrors: Record<string, string>; code: string | undefined };

const UNREACHABLE = "Onward could not be reached. Check your connection and try again.";

/**
 * The one reader of an error on the client (docs/architecture.md#one-way-for-each-thing): a tRPC client
 * error, a Server Action's refusal (`{ message, fieldErrors }`) or a network failure → what to show. The
 * message is already written for the user by the server's formatter (server/errors.ts).
 */
export function readError(error: unknown): ErrorView | null {
  if (error === null || error === undefined) return null;
  const data = typeof error === "object" && "data" in error ? (error as { data?: unknown }).data : undefined;
  const code =
    typeof data === "object" && data !== null && "code" in data && typeof data.code === "string"
      ? data.code
      : undefined;
  let fieldErrors = fieldErrorsOf({ data });
  if (!Object.keys(fieldErrors).length && typeof error === "object" && "fieldErrors" in error) {
    const own = (error as { fieldErrors?: unknown }).fieldErrors;
    if (typeof own === "object" && own !== null) fieldErrors = own as Record<string, string>;
  }
  const raw = typeof error === "object" && "message" in error ? (error as { message?: unknown }).message : undefined;
  // fetch's own failure ("Failed to fetch", "NetworkError …", "Load failed") never reached the server
  const network = error instanceof TypeError || (typeof raw === "string" && /fetch|network|load failed/i.test(raw));
  const message = network && !code ? UNREACHABLE : typeof raw === "string" && raw ? raw : "Something went wrong.";
  return { message, fieldErrors, code };
}
