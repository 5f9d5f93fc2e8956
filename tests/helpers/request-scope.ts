/**
 * Next's request scope (`next/headers`) for server code called outside Next.js: `headers()` answers the
 * headers of the request under test, `cookies()` holds none. A test file mocks next/headers with it —
 * `vi.mock("next/headers", () => import("../helpers/request-scope"))` — and sets `requestScope.headers`
 * before each call (the login and invite actions read the client IP from it).
 */
export const requestScope = { headers: new Headers() };

export const headers = () => requestScope.headers;

export const cookies = () => ({
  get: () => undefined,
  getAll: () => [],
  has: () => false,
  set: () => undefined,
  delete: () => undefined,
});
