// proxy.ts as Next runs it before pages (API requests skip it: lib/api/unanswered.ts answers their 405s).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const run = (path: string, method = "GET") => proxy(new NextRequest(`http://localhost${path}`, { method }));

describe("proxy", () => {
  it("gives every page response its own nonce, in the CSP the page renders with and the one the browser gets", () => {
    const a = run("/workspaces");
    const b = run("/workspaces");
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval"); // vitest runs as NODE_ENV=test, as production would
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands the page's request its headers as x-middleware-request-*.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-tenantry-path")).toBe("/workspaces");
  });
});
