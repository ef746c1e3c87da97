// The console's HTTP server: Next.js through its programmatic API (`next start` / `next dev` would do the
// rest the same), so that route handlers learn the TCP peer. Every request carries the socket's address
// in x-tenantry-peer, replacing any copy a client sent; lib/api/client-info.ts decides from it how far
// X-Forwarded-For may be believed. `next start` itself only fills X-Forwarded-For when a request lacks
// it, so there any client could name its own address. Run by scripts/start.mts: `node scripts/serve.mjs [--dev]`.
import { createServer } from "node:http";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
// Next and React choose their builds from NODE_ENV when first loaded, so it is set before importing them.
process.env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();

createServer((req, res) => {
  req.headers["x-tenantry-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}).listen(port, () => console.log(`Ready on http://localhost:${port}`));
