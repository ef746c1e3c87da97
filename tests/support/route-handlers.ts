// Every handler of the route table (e2e/support/route-table.ts reads app/api/v1/**/route.ts), imported, with
// the spec route() was given, so tests can be generated from the routes themselves.
import { join } from "node:path";
import { apiRoutes } from "@/e2e/support/route-table";
import { routeSpec, type DocumentedSpec } from "@/lib/api/route";
import type { Handler } from "./call-route";

export interface RouteHandler {
  template: string;
  method: string;
  handler: Handler;
  /** Without `permission` for a handler that is not route() (the audit webhook authenticates its own way). */
  spec?: DocumentedSpec;
}

export async function routeHandlers(): Promise<RouteHandler[]> {
  const out: RouteHandler[] = [];
  for (const r of apiRoutes()) {
    const file = join(process.cwd(), "app", r.template, "route.ts");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
    for (const method of r.methods) {
      const handler = mod[method];
      if (!handler) throw new Error(`${r.template} exports no ${method}`);
      out.push({ template: r.template, method, handler, spec: routeSpec(handler) });
    }
  }
  return out;
}
