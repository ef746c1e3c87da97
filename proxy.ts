// Runs before every page (Next 16's proxy, formerly middleware): a fresh CSP nonce per response (Next reads it from
// the request's CSP header and puts it on its scripts), and which page was asked for, so server layouts (which cannot
// see the URL) send a visitor who must sign in back to it afterwards. Not before API requests: there it cost more
// CPU than the route (docs/benchmarks.md); their 405s are lib/api/unanswered.ts's.
import { NextResponse, type NextRequest } from "next/server";
import { configuredPublicUrl } from "@/lib/api/public-origin";
import { contentSecurityPolicy, newNonce } from "@/lib/web/csp";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: configuredPublicUrl()?.protocol === "https:",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Read by app/(console)/layout.tsx.
  headers.set("x-tenantry-path", pathname + search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/|favicon).*)"] };
