// What an /api/v1 route answers for a method it has no handler for. Every app/api/v1/**/route.ts ends with
// `export * from "@/lib/api/unanswered"`: a module's own exports shadow a star export, so the route keeps its
// handlers and Next finds one for every method, this problem+json 405 (with Allow) where Next would send an empty one.
// HEAD is left to Next, which answers it with GET (the route's, or this 405). This is not done in proxy.ts: running
// the proxy on every API request cost the server more CPU than the route itself (docs/benchmarks.md).
import { allowFor, methodNotAllowed } from "./methods";

const notAllowed = (req: Request) => methodNotAllowed(req.method, new URL(req.url).pathname, req.headers);

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

/** What the route answers, as Next's own OPTIONS would say it had the route exported only its handlers. */
export function OPTIONS(req: Request): Response {
  return new Response(null, { status: 204, headers: { allow: allowFor(new URL(req.url).pathname) } });
}
