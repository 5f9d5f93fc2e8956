import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;

/** A refused call: tRPC's message (already written for the user) and the per-field messages, if any. */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
    readonly status: number,
  ) {
    super(message);
    this.name = "MutationError";
  }
}

type ErrorBody = { error?: { json?: { message?: unknown; data?: { fieldErrors?: Record<string, string> } } } };

/**
 * Calls one tRPC mutation over the app's own route (POST /api/trpc/<router>.<procedure>, the request the
 * tRPC client sends unbatched), for a client form that needs nothing more: no tRPC client, react-query or
 * superjson ship with it (bench/README.md, P3). The server side is exactly the same: the route's cross-site, body
 * and content-type checks, the procedure's access check and input schema, its error formatter.
 * The input must be plain JSON (no Date, Map, undefined values are dropped), which superjson reads as is;
 * the answer is not returned (reading it back would need superjson): use it for "did it work" forms.
 */
export async function mutate<R extends keyof Inputs, P extends keyof Inputs[R] & string>(
  router: R,
  procedure: P,
  input: Inputs[R][P],
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/trpc/${router}.${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  } catch {
    throw new MutationError("Onward could not be reached. Check your connection and try again.", {}, 0);
  }
  if (res.ok) return;
  const error = ((await res.json().catch(() => null)) as ErrorBody | null)?.error?.json;
  const message =
    typeof error?.message === "string" ? error.message : `Something went wrong (${res.status}). Please try again.`;
  throw new MutationError(message, error?.data?.fieldErrors ?? {}, res.status);
}
