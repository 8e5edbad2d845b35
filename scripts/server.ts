// The web server of `npm run dev`, `npm start` and the e2e suite: Next.js's own request handler behind a plain
// Node HTTP server, for the one thing Next does not give route handlers: the address of the TCP peer. It
// travels in an AsyncLocalStorage (read by src/server/http/client-ip.ts), never in a header a client could
// send. Usage: tsx scripts/server.ts [--dev] (PORT, HOSTNAME_BIND from the environment).
import { createServer } from "node:http";
import { runWithPeerAddress } from "../src/server/http/client-ip";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND || undefined;

const { default: next } = await import("next");
const app = next({ dev, port, hostname: hostname ?? "localhost", ...(dev ? { turbopack: true } : {}) });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  runWithPeerAddress(req.socket.remoteAddress, () => {
    handle(req, res).catch((error: unknown) => {
      console.error("[server] request failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
});
// A client that trickles its headers or body cannot hold a socket for minutes (Node's defaults: 60 s / 300 s).
server.headersTimeout = 15_000;
server.requestTimeout = 30_000;
server.listen(port, hostname, () => console.log(`[server] ready on http://${hostname ?? "localhost"}:${port}${dev ? " (dev)" : ""}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
