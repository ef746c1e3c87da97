import "server-only";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { routeFor } from "@/lib/api/methods";
import { ROUTE_MODULES } from "@/lib/api/route-modules";
import { requestAhead } from "@/lib/api/route";
import { kept, type ApiQuery } from "@/lib/client/queries";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route's answer to `path` for the browser's request (its cookie, its language), or undefined when it is no 200. */
async function answer(path: string, incoming: Headers): Promise<unknown> {
  const url = new URL(path, "http://tenantry.internal");
  const route = routeFor(url.pathname);
  const get = route && ((await ROUTE_MODULES[route.template]?.())?.GET as Handler | undefined);
  if (!route || !get) return undefined;
  const parts = url.pathname.split("/").slice(1);
  const params = Object.fromEntries(
    route.template
      .split("/")
      .slice(1)
      .flatMap((segment, i) => (segment.startsWith("[") ? [[segment.slice(1, -1), decodeURIComponent(parts[i]!)]] : [])),
  );
  const res = await get(requestAhead(url, new Headers(incoming)), { params: Promise.resolve(params) });
  return res.status === 200 ? res.json() : undefined;
}

/**
 * How long a page waits for one answer. A cluster that does not answer fails a request only after
 * TENANTRY_KUBE_TIMEOUT_MS (5 s): the page goes out without that answer well before, and the browser asks for it.
 */
const ANSWER_BUDGET_MS = 2_500;

/** The answer, or undefined when it has not come within the budget (it is then dropped when it comes). */
function inTime<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ANSWER_BUDGET_MS)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The page with the answers to its first queries already in the browser's cache: asked here through the same routes
 * the browser would call, they are in the server-rendered page, so its content is in the first paint and React
 * renders it while hydrating (in small, interruptible steps) instead of in one long task when each answer arrives.
 * A query whose route refuses, or does not answer in time, is left for the browser to ask, and to show its refusal.
 */
export async function Prefetched({ queries, children }: { queries: ApiQuery[]; children: ReactNode }) {
  const client = new QueryClient();
  const incoming = await headers();
  await Promise.all(
    queries.map(async (query) => {
      const data = await inTime(answer(query.path, incoming));
      if (data !== undefined) client.setQueryData(query.queryKey, kept(query, data));
    }),
  );
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
