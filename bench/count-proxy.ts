import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * Statement counting (bench/README.md, P2) at the Postgres wire level, so it sees every statement a
 * process sends — Prisma's, the auth adapter's, raw SQL — without touching the app: a TCP proxy in
 * front of the database that counts the client's Query ('Q', simple protocol) and Execute ('E',
 * extended protocol) messages. Both servers under load go through it, so its cost is the same on
 * both sides of the P1 ratio.
 */
export type CountingProxy = { url: string; port: number; statements: () => number; close: () => Promise<void> };

export async function startCountingProxy(targetUrl: string, port: number): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  let statements = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(upstream);
    let started = false;
    let pending: Buffer = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // the startup message has no type byte: int32 length, then the protocol version
      if (!started) {
        if (pending.length < 4) return;
        const len = pending.readInt32BE(0);
        if (pending.length < len) return;
        started = true;
        pending = pending.subarray(len);
      }
      while (pending.length >= 5) {
        const len = pending.readInt32BE(1);
        if (pending.length < len + 1) break;
        const type = pending[0];
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) statements += 1;
        pending = pending.subarray(len + 1);
      }
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    port,
    statements: () => statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
