/**
 * The production web server: Next.js through its custom-server API (`next({ dir, hostname, port })`
 * + `getRequestHandler()` on node:http), run by `npm start` / `npm run demo` (scripts/launch.ts), the
 * e2e and crash-safety runs and the bench — started with the arguments of serveCommand()
 * (scripts/serve-command.ts).
 *
 * Why not `next start`: Next.js sets X-Forwarded-For to the connection's address only when the
 * request has none, so a client's own header reached the app untouched. Here every request's
 * X-Forwarded-For gets the connection's address APPENDED, and the app reads the client's address
 * from the right end of the list (server/http/client-ip.ts, docs/security.md#client-ip).
 *
 * Usage: serve.ts --port 3000 [--hostname 127.0.0.1]   (no hostname: every interface, as `next start`)
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { withPeerAddress } from "../server/http/client-ip";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// as `next start` does, before Next.js is loaded
Object.assign(process.env, { NODE_ENV: "production" });

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-forwarded-for"] = withPeerAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress);
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`• Next.js serving on ${hostname ?? "every interface"}, port ${port}`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
