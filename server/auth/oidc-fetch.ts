import "server-only";
import http from "node:http";
import https from "node:https";
import type { CustomFetch } from "openid-client";
import { guardedLookup, parseOutgoingUrl } from "@/server/messaging/ssrf";

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 256 * 1024;

/**
 * The fetch openid-client uses for a workspace's identity provider (discovery, keys, token endpoint): every
 * URL passes the SSRF guard (server/messaging/ssrf.ts) — its shape before the request and every address its
 * host resolves to at connect time — unless private networks are allowed (tests, local development). No
 * redirect is followed, answers are capped at 256 KB and 10 s (docs/security.md#single-sign-on).
 */
export function guardedFetch(allowPrivate: boolean): CustomFetch {
  return async (input, init) => {
    const url = parseOutgoingUrl(input, allowPrivate);
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : init.body instanceof URLSearchParams
            ? init.body.toString()
            : init.body instanceof Uint8Array
              ? Buffer.from(init.body)
              : undefined;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const req = client.request(
        url,
        { method: init.method ?? "GET", headers, lookup: guardedLookup(allowPrivate), timeout: TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BYTES) req.destroy(new Error("The identity provider's answer is too large"));
            else chunks.push(chunk);
          });
          res.on("end", () => {
            const responseHeaders = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(", ") : v);
            const status = res.statusCode ?? 502;
            const nullBody = status === 204 || status === 304;
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
          });
          res.on("error", reject);
        },
      );
      init.signal?.addEventListener("abort", () => req.destroy(new Error("aborted")));
      req.on("timeout", () => req.destroy(new Error("The identity provider did not answer in time")));
      req.on("error", reject);
      req.end(body);
    });
  };
}
