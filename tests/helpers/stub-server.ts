import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server standing in for Resend, Slack, Teams and webhook receivers: it records every
 * request (headers and raw body) and answers with scripted responses per path — real HTTP from the
 * real SDKs and our own client, no mocks of our code. Unscripted, it answers like Resend: an id per
 * email on /emails and /emails/batch.
 */
export type StubRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
};
/** `until`: the answer waits for this promise (a provider that is slow to answer) */
export type StubResponse = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  until?: Promise<unknown>;
};

export type Stub = {
  url: string;
  requests: StubRequest[];
  /** responses for a path, used in order; the last one repeats (default: 200 {"ok":true}) */
  script: (path: string, responses: StubResponse[]) => void;
  to: (path: string) => StubRequest[];
  /** every email that reached /emails or /emails/batch, one entry per email, with its request */
  emails: () => { email: Record<string, unknown>; request: StubRequest }[];
  reset: () => void;
  stop: () => Promise<void>;
};

export async function startStub(): Promise<Stub> {
  const requests: StubRequest[] = [];
  const scripts = new Map<string, StubResponse[]>();
  let emailIds = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      requests.push({ method: req.method ?? "GET", path, headers: req.headers, body, json });
      const queue = scripts.get(path);
      const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      const response = next ?? {
        status: 200,
        body: path.endsWith("/emails")
          ? { id: `email_${++emailIds}` }
          : path.endsWith("/emails/batch") && Array.isArray(json)
            ? { data: json.map(() => ({ id: `email_${++emailIds}` })) }
            : { ok: true },
      };
      const answer = () => {
        res.writeHead(response.status, { "content-type": "application/json", ...response.headers });
        res.end(JSON.stringify(response.body ?? {}));
      };
      if (response.until) void response.until.then(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (path, responses) => scripts.set(path, [...responses]),
    to: (path) => requests.filter((r) => r.path === path),
    emails: () =>
      requests.flatMap((request) =>
        request.path === "/emails"
          ? [{ email: request.json as Record<string, unknown>, request }]
          : request.path === "/emails/batch" && Array.isArray(request.json)
            ? (request.json as Record<string, unknown>[]).map((email) => ({ email, request }))
            : [],
      ),
    reset: () => {
      requests.length = 0;
      scripts.clear();
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
