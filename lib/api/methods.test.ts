import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/e2e/support/route-table";
import { allowHeader, methodNotAllowed, ROUTE_METHODS, routeFor } from "./methods";
import * as unanswered from "./unanswered";

describe("the method table", () => {
  it("has one row per app/api/v1 route with exactly the methods its route.ts exports", () => {
    const actual = Object.fromEntries(apiRoutes().map((r) => [r.template, [...r.methods].sort()]));
    const table = Object.fromEntries(Object.entries(ROUTE_METHODS).map(([t, m]) => [t, [...m].sort()]));
    expect(table).toEqual(actual);
  });

  it("matches what each route module really exports (not only what its source seems to say), and the rest is a problem+json 405", async () => {
    const exported: Record<string, string[]> = {};
    const unhandled: string[] = [];
    for (const r of apiRoutes()) {
      const mod = (await import(/* @vite-ignore */ join(process.cwd(), "app", r.template, "route.ts"))) as Record<string, unknown>;
      const own = (m: string) => typeof mod[m] === "function" && mod[m] !== unanswered[m as keyof typeof unanswered];
      exported[r.template] = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter(own);
      // Without `export * from "@/lib/api/unanswered"` Next itself would answer an empty 405 and an OPTIONS whose Allow lists the 405s.
      for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) if (!own(m) && mod[m] !== unanswered[m as keyof typeof unanswered]) unhandled.push(`${m} ${r.template}`);
    }
    expect(Object.fromEntries(Object.entries(ROUTE_METHODS).map(([t, m]) => [t, [...m].sort()]))).toEqual(
      Object.fromEntries(Object.entries(exported).map(([t, m]) => [t, m.sort()])),
    );
    expect(unhandled).toEqual([]);
  }, 60_000);

  it("finds a path's route as Next does, a static segment before a dynamic one", () => {
    expect(routeFor("/api/v1/me")?.template).toBe("/api/v1/me");
    expect(routeFor("/api/v1/me/")?.template).toBe("/api/v1/me");
    expect(routeFor("/api/v1/workspaces/demo/projects/web/quota")?.template).toBe("/api/v1/workspaces/[ws]/projects/[project]/quota");
    expect(routeFor("/api/v1/no-such-thing")).toBeUndefined();
    expect(routeFor("/api/v1/workspaces//members")).toBeUndefined();
  });
});

describe("an unsupported method", () => {
  it("is a problem+json 405 naming the allowed methods, with Allow", async () => {
    const res = methodNotAllowed("DELETE", "/api/v1/me", new Headers())!;
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("allow")).toBe(allowHeader(ROUTE_METHODS["/api/v1/me"]!));
    expect(res.headers.get("allow")).toContain("GET");
    const body = await res.json();
    expect(body).toMatchObject({ status: 405, title: "Method Not Allowed", code: "method_not_allowed", instance: "/api/v1/me" });
    expect(body.detail).toBe(`DELETE is not allowed on /api/v1/me; allowed: ${res.headers.get("allow")}.`);
  });

  it("is said in the caller's language", async () => {
    const body = await methodNotAllowed("PUT", "/api/v1/me", new Headers({ "accept-language": "zh-CN" }))!.json();
    expect(body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(body.title).toBe("Method Not Allowed");
  });

  it("is what a route module answers for a method it has no handler for; its OPTIONS lists only what it answers", async () => {
    const me = (await import("@/app/api/v1/me/route")) as unknown as Record<string, (req: Request) => Promise<Response> | Response>;
    const del = await me.DELETE!(new Request("http://localhost/api/v1/me", { method: "DELETE" }));
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await del.json()).code).toBe("method_not_allowed");
    const options = await me.OPTIONS!(new Request("http://localhost/api/v1/me", { method: "OPTIONS" }));
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS"]);
    // A route without GET: Next answers HEAD with the module's GET, here the 405.
    const password = (await import("@/app/api/v1/me/password/route")) as unknown as Record<string, (req: Request) => Promise<Response> | Response>;
    const get = await password.GET!(new Request("http://localhost/api/v1/me/password"));
    expect([get.status, get.headers.get("allow")]).toEqual([405, "OPTIONS, POST"]);
  });
});
