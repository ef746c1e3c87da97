// Counts the requests this process sends to an API server, as Node's HTTP client starts them (diagnostics_channel):
// one-off requests by method, and watch streams apart (long-lived, one per informer, not load per second). The
// console talks to the API server directly, TLS and all, as it does in production: nothing stands in between.
import dc from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";

export interface RequestCount {
  counts(reset?: boolean): { requests: number; watches: number; byMethod: Record<string, number> };
  stop(): void;
}

/** Counts requests to `server` (an API server's URL) from now on. */
export function countRequests(server: string): RequestCount {
  const host = new URL(server).host;
  let byMethod: Record<string, number> = {};
  let watches = 0;
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (request.getHeader("host") !== host) return;
    if (/[?&]watch=(true|1)(&|$)/.test(request.path)) watches++;
    else byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
  };
  dc.subscribe("http.client.request.start", onStart);
  return {
    counts(reset) {
      const now = { requests: Object.values(byMethod).reduce((a, b) => a + b, 0), watches, byMethod: { ...byMethod } };
      if (reset) {
        byMethod = {};
        watches = 0;
      }
      return now;
    },
    stop: () => dc.unsubscribe("http.client.request.start", onStart),
  };
}
