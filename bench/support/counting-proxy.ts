// A plain-HTTP proxy in front of a cluster's API server that counts what the console sends it: one-off
// requests by method, and watch streams apart (they are long-lived, one per informer, not load per second).
import http from "node:http";
import https from "node:https";

export interface CountingProxy {
  url: string;
  counts(reset?: boolean): { requests: number; watches: number; byMethod: Record<string, number> };
  close(): Promise<void>;
}

export async function countingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = upstream.protocol === "https:" ? new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 64 }) : new http.Agent({ keepAlive: true, maxSockets: 64 });
  let byMethod: Record<string, number> = {};
  let watches = 0;
  const server = http.createServer((req, res) => {
    const watch = /[?&]watch=(true|1)(&|$)/.test(req.url ?? "");
    if (watch) watches++;
    else byMethod[req.method ?? "GET"] = (byMethod[req.method ?? "GET"] ?? 0) + 1;
    const send = upstream.protocol === "https:" ? https.request : http.request;
    const out = send({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host }, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    out.on("error", () => res.destroy());
    // A client that hangs up (an informer stopping its watch) ends the upstream stream too.
    res.on("close", () => { if (!res.writableFinished) out.destroy(); });
    req.pipe(out);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts(reset) {
      const now = { requests: Object.values(byMethod).reduce((a, b) => a + b, 0), watches, byMethod: { ...byMethod } };
      if (reset) {
        byMethod = {};
        watches = 0;
      }
      return now;
    },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
