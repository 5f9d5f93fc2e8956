/**
 * The Content-Security-Policy for pages: scripts only with this request's nonce (Next.js puts it on its own
 * scripts when it finds the nonce in the request's CSP header; next-themes gets it from the root layout).
 * No 'unsafe-inline' for scripts. Styles allow inline attributes (progress bars set widths inline), which
 * cannot run code. Development adds 'unsafe-eval' for React's dev tooling only.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
