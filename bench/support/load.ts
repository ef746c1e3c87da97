// A small closed-loop HTTP load generator: `connections` clients on keep-alive sockets, each sending its next
// request when the last answer has been read, for `seconds`. Requests per second and latency percentiles.
import http from "node:http";
import { percentile } from "./postgres";

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** Answers other than 200, and failed requests. */
  errors: number;
}

/**
 * A GET of `url` on `agent`'s keep-alive sockets, resolving to the status (0 when it failed) once the body is read.
 * Node's http client, not fetch(): undici's fetch costs the caller 1–2 ms a request more on this machine, which a
 * route's timing would otherwise include.
 */
export function getter(url: string, agent: http.Agent, headers?: Record<string, string>): () => Promise<number> {
  const target = new URL(url);
  return () =>
    new Promise<number>((resolve) => {
      const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      });
      req.on("error", () => resolve(0));
    });
}

export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  const get = getter(url, agent, opts.headers);
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const status = await get();
        latencies.push(performance.now() - t);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}
