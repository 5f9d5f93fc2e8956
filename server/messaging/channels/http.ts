import http from "node:http";
import https from "node:https";
import { parseRetryAfter } from "../retry";
import { guardedLookup, parseOutgoingUrl, UnsafeUrlError } from "../ssrf";

/**
 * One POST to a customer-supplied URL: SSRF-guarded (shape now, addresses at connect time), no
 * redirects followed, a hard timeout, and at most 4 KB of the response kept for the delivery log.
 */
export type HttpResult =
  | { kind: "response"; status: number; body: string; retryAfterSeconds: number | null; durationMs: number }
  | { kind: "error"; error: string; unsafe: boolean; durationMs: number };

export const HTTP_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 4096;

function retryAfter(header: string | string[] | undefined): number | null {
  return parseRetryAfter(Array.isArray(header) ? header[0] : header, new Date());
}

export function postJson(
  rawUrl: string,
  body: string,
  opts: { headers?: Record<string, string>; allowPrivate: boolean; timeoutMs?: number },
): Promise<HttpResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = parseOutgoingUrl(rawUrl, opts.allowPrivate);
  } catch (error) {
    return Promise.resolve({
      kind: "error",
      error: error instanceof Error ? error.message : String(error),
      unsafe: true,
      durationMs: 0,
    });
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Onward-Webhooks/1",
          ...opts.headers,
          "content-length": Buffer.byteLength(body),
        },
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs ?? HTTP_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          resolve({
            kind: "response",
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_BODY_BYTES),
            retryAfterSeconds: retryAfter(res.headers["retry-after"]),
            durationMs: elapsed(),
          }),
        );
        res.on("error", (error) =>
          resolve({ kind: "error", error: error.message, unsafe: false, durationMs: elapsed() }),
        );
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`No response within ${Math.round((opts.timeoutMs ?? HTTP_TIMEOUT_MS) / 1000)} s`)),
    );
    req.on("error", (error) =>
      resolve({ kind: "error", error: error.message, unsafe: error instanceof UnsafeUrlError, durationMs: elapsed() }),
    );
    req.end(body);
  });
}
