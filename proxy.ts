// Tells server layouts which page was asked for (they cannot see the URL), so a visitor sent to sign in
// comes back to that page afterwards.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Read by app/(console)/layout.tsx.
  headers.set("x-tenantry-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon).*)"] };
