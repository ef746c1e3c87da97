import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/e2e/support/route-table";
import { allowHeader, methodNotAllowed, ROUTE_METHODS, routeFor } from "./methods";

describe("the method table", () => {
  it("has one row per app/api/v1 route with exactly the methods its route.ts exports", () => {
    const actual = Object.fromEntries(apiRoutes().map((r) => [r.template, [...r.methods].sort()]));
    const table = Object.fromEntries(Object.entries(ROUTE_METHODS).map(([t, m]) => [t, [...m].sort()]));
    expect(table).toEqual(actual);
  });

  it("matches what each route module really exports (not only what its source seems to say)", async () => {
    const exported: Record<string, string[]> = {};
    for (const r of apiRoutes()) {
      const mod = (await import(/* @vite-ignore */ join(process.cwd(), "app", r.template, "route.ts"))) as Record<string, unknown>;
      exported[r.template] = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    }
    expect(Object.fromEntries(Object.entries(ROUTE_METHODS).map(([t, m]) => [t, [...m].sort()]))).toEqual(
      Object.fromEntries(Object.entries(exported).map(([t, m]) => [t, m.sort()])),
    );
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

  it("lets through what the route answers, HEAD with GET and OPTIONS", () => {
    for (const m of ["GET", "HEAD", "OPTIONS"]) expect(methodNotAllowed(m, "/api/v1/me", new Headers())).toBeNull();
    expect(methodNotAllowed("GET", "/api/v1/no-such-thing", new Headers())).toBeNull(); // the catch-all's 404
  });

  it("on a path no route has, is the catch-all's 404 for any method", async () => {
    const res = methodNotAllowed("TRACE", "/api/v1/no-such-thing", new Headers())!;
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
