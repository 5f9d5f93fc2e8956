/** The `fieldErrors` the app's error formatter adds to a tRPC error (server/api/trpc.ts). */
export function fieldErrorsOf(error: { data?: unknown } | null | undefined): Record<string, string> {
  return (error?.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};
}
