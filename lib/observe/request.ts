// What every API request leaves behind when it is answered: a duration in the route's histogram and one log line,
// both named by the route template (never the raw path, whose names would make every series and line unique).
import { routeFor } from "../api/methods";
import { log } from "./log";
import { metrics } from "./metrics";

export interface AnsweredRequest {
  requestId: string;
  method: string;
  pathname: string;
  status: number;
  /** performance.now() when the request arrived. */
  startedAt: number;
  user?: string | null;
  /** The audit event the request recorded, when it recorded one. */
  auditId?: string | null;
}

export function observeRequest(r: AnsweredRequest): void {
  const route = routeFor(r.pathname)?.template ?? "unmatched";
  const seconds = (performance.now() - r.startedAt) / 1000;
  metrics().httpRequests.observe({ route, method: r.method, status: String(r.status) }, seconds);
  const line = { requestId: r.requestId, route, method: r.method, status: r.status, durationMs: Math.round(seconds * 10_000) / 10, user: r.user ?? undefined, auditId: r.auditId ?? undefined };
  if (r.status >= 500) log().error(line, "request failed");
  else log().info(line, "request");
}
