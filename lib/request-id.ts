/**
 * Request ids (docs/security.md): every request carries `x-request-id` — the caller's when it is a sane
 * token (it ends up in log lines), else a fresh UUID. proxy.ts sets it for pages, /api/trpc and the REST
 * routes read it the same way, and job runs use their run id.
 */
export const REQUEST_ID_HEADER = "x-request-id";

export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}
