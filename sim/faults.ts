// Fault injection for tests and demos: added latency, reset connections, failed or hung responses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, internalError, serviceUnavailable } from "./errors";

/** `refuseWatches`: watch streams are cut and new ones reset while one-off requests are served, as when a
 *  proxy on the way drops long-lived connections: a client's watches fall behind without its cluster being down. */
export interface Faults { latencyMs?: number; refuse?: boolean; refuseWatches?: boolean; failRate?: number; failStatus?: 500 | 503 | "timeout" }

const isWatch = (req: IncomingMessage) => /[?&]watch=(true|1)(&|$)/.test(req.url ?? "");

export function parseFaults(input: unknown): Faults {
  const f = (input ?? {}) as Faults;
  if (f.latencyMs !== undefined && !(typeof f.latencyMs === "number" && f.latencyMs >= 0)) throw badRequest("latencyMs must be a non-negative number");
  if (f.failRate !== undefined && !(typeof f.failRate === "number" && f.failRate >= 0 && f.failRate <= 1)) throw badRequest("failRate must be between 0 and 1");
  if (f.failStatus !== undefined && ![500, 503, "timeout"].includes(f.failStatus)) throw badRequest('failStatus must be 500, 503 or "timeout"');
  return { latencyMs: f.latencyMs, refuse: !!f.refuse, refuseWatches: !!f.refuseWatches, failRate: f.failRate, failStatus: f.failStatus };
}

export class FaultInjector {
  private faults: Faults = {};
  private watches = new Set<IncomingMessage>();
  set(f: Faults) {
    this.faults = parseFaults(f);
    if (this.faults.refuseWatches) for (const req of this.watches) req.socket.destroy();
  }
  clear() { this.faults = {}; }
  get current(): Faults { return { ...this.faults }; }

  /**
   * Applies the active faults to an API request. Returns true when the request has been consumed:
   * its socket reset (refuse), left hanging until the client gives up (timeout), or answered with an error.
   */
  async intercept(req: IncomingMessage, res: ServerResponse, send: (res: ServerResponse, code: number, body: unknown) => void): Promise<boolean> {
    const f = this.faults;
    if (f.refuse || (f.refuseWatches && isWatch(req))) { req.socket.destroy(); return true; }
    if (isWatch(req)) {
      this.watches.add(req);
      res.once("close", () => this.watches.delete(req));
    }
    if (f.latencyMs) await new Promise((r) => setTimeout(r, f.latencyMs));
    // A failStatus without failRate fails every request.
    if (f.failStatus && Math.random() < (f.failRate ?? 1)) {
      if (f.failStatus === "timeout") return true;
      const err = f.failStatus === 503 ? serviceUnavailable("the server is currently unable to handle the request (injected fault)") : internalError("injected fault");
      send(res, err.code, err.toStatus());
      return true;
    }
    return false;
  }
}
