// The console's HTTP server: Next.js through its programmatic API (`next start` / `next dev` would do the
// rest the same), so that route handlers learn the TCP peer. Every request carries the socket's address
// in x-tenantry-peer, replacing any copy a client sent; lib/api/client-info.ts decides from it how far
// X-Forwarded-For may be believed. `next start` itself only fills X-Forwarded-For when a request lacks
// it, so there any client could name its own address. Run by scripts/start.mts: `node scripts/serve.mjs [--dev]`.
// With TENANTRY_AUDIT_TLS_PORT and TENANTRY_AUDIT_TLS_DIR it also serves the Kubernetes audit webhook, and only
// that, over TLS (lib/audit/webhook-tls.ts): kube-apiserver sends its bearer token over nothing else.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { join } from "node:path";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
// Next and React choose their builds from NODE_ENV when first loaded, so it is set before importing them.
process.env.NODE_ENV = dev ? "development" : "production";
// A build runs with the configuration it was made with, as Next's standalone server.js does: the container image
// carries no next.config.ts (scripts/image-build.mts), and Next warns about standalone builds started otherwise.
const built = join(process.env.TENANTRY_NEXT_DIST_DIR || ".next", "required-server-files.json");
if (!dev && existsSync(built)) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(built, "utf8")).config);
const { default: next } = await import("next");

const app = next({ dev, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();

// The methods Next answers. Node's parser accepts more (TRACE, PROPFIND, …), on which Next fails with a 500
// (undici's Request refuses some, its routes others): those are refused here, as RFC 9110 says, with a 501.
const METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);

/** A problem+json answer from this server itself, before Next (lib/api/errors.ts writes the console's own). */
function problem(res, status, title, code, detail) {
  res.writeHead(status, { "content-type": "application/problem+json", "cache-control": "no-store" });
  res.end(JSON.stringify({ type: `https://tenantry.io/problems/${code}`, title, status, code, detail }));
}

function serve(req, res) {
  if (!METHODS.has(req.method)) return problem(res, 501, "Not Implemented", "method_not_implemented", `${req.method} is not a method this server answers.`);
  req.headers["x-tenantry-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}

// An idle keep-alive connection stays open longer than the load balancers in front keep theirs (AWS's 60 s): with
// Node's default of 5 s, a balancer (or any pooling client) could send a request on a connection the server was just
// closing, and that request failed with a reset (a 502 behind HAProxy; "socket hang up" in the e2e tests).
const KEEP_ALIVE = { keepAliveTimeout: 65_000, headersTimeout: 66_000 };

const servers = [createServer(KEEP_ALIVE, serve).listen(port, () => console.log(`Ready on http://localhost:${port}`))];

const tlsPort = Number(process.env.TENANTRY_AUDIT_TLS_PORT || 0);
const tlsDir = process.env.TENANTRY_AUDIT_TLS_DIR;
if (tlsPort && tlsDir) {
  const tls = { cert: readFileSync(join(tlsDir, "tls.crt")), key: readFileSync(join(tlsDir, "tls.key")) };
  const webhook = createTlsServer({ ...tls, ...KEEP_ALIVE }, (req, res) => {
    if (req.url?.startsWith("/api/v1/audit/webhook/")) return serve(req, res);
    problem(res, 404, "Not Found", "not_found", "This port serves the Kubernetes audit webhook only.");
  });
  servers.push(webhook.listen(tlsPort, () => console.log(`Audit webhook on https://localhost:${tlsPort}/api/v1/audit/webhook/{cluster}`)));
}

// SIGTERM (Kubernetes ending a pod, a rolling update): the listeners stop accepting (and /api/readyz answers 503
// on connections still open), requests in flight get TENANTRY_SHUTDOWN_TIMEOUT_MS to finish, then the background
// work gives up its leader lock (another replica takes over) and the database pool closes.
let stopping = false;
async function drain(signal) {
  if (stopping) return;
  stopping = true;
  globalThis.tenantryDraining = true;
  const bound = Number(process.env.TENANTRY_SHUTDOWN_TIMEOUT_MS || 10_000);
  console.log(JSON.stringify({ level: 40, time: new Date().toISOString(), msg: `${signal}: draining (up to ${bound} ms)` }));
  const closed = Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  for (const s of servers) s.closeIdleConnections();
  await Promise.race([closed, new Promise((done) => setTimeout(done, bound).unref())]);
  await globalThis.tenantryShutdown?.().catch((err) => console.error(err));
  process.exit(0);
}
process.on("SIGTERM", () => void drain("SIGTERM"));
process.on("SIGINT", () => void drain("SIGINT"));
