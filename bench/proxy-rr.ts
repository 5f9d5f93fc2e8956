import { Agent, createServer, request, type Server } from "node:http";
import type { Socket } from "node:net";

/**
 * P7 (bench/README.md): the load balancer in front of the app instances — an HTTP proxy in the bench
 * process that sends each request to the next instance in turn (round robin), over kept-alive
 * connections. `use(n)` limits it to the first n instances, so one and two instances are measured
 * through the same hop.
 */
export type RoundRobinProxy = {
  url: string;
  use: (n: number) => void;
  /** requests forwarded to each instance since the start */
  forwarded: () => number[];
  close: () => Promise<void>;
};

export async function startRoundRobinProxy(port: number, targets: string[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const upstream = targets.map((t) => new URL(t));
  const forwarded = upstream.map(() => 0);
  let active = upstream.length;
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const i = next % active;
    next = (next + 1) % active;
    const target = upstream[i];
    if (!target) return void res.writeHead(502).end();
    forwarded[i] = (forwarded[i] ?? 0) + 1;
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    use: (n) => {
      active = Math.max(1, Math.min(n, upstream.length));
      next = 0;
    },
    forwarded: () => [...forwarded],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
