// The authorization matrix: every API route × every kind of caller, generated from the route table.
// It asserts 0 unauthorised successes and 0 items of another tenant in lists. Tenant A is the demo
// workspace "demo" (project "demo-web"); tenant B is a workspace made here.
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi, unique } from "./support/api";
import { apiRoutes, fill, type ApiRoute } from "./support/route-table";

type Caller = "platform-admin" | "ws-admin-A" | "ws-viewer-A" | "project-viewer-A" | "member-of-B" | "platform-regular" | "disabled" | "anonymous";

const A = { ws: "demo", project: "demo-web", cluster: "host", role: "viewer", username: "bob" };
const callers = new Map<Caller, APIRequestContext>();
const routes = apiRoutes();
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let workspaceB: string;

/** Routes every signed-in user may call; they filter what they return instead of refusing. */
const selfService = (r: ApiRoute, method: string) =>
  r.template.startsWith("/api/v1/me") || r.template === "/api/v1/templates" || (r.template.startsWith("/api/v1/audit") && method === "GET" && !r.template.includes("webhook") && !r.template.endsWith("/verify")) || (r.template === "/api/v1/workspaces" && method === "GET") || r.template === "/api/v1/search" || r.template.startsWith("/api/v1/openapi");

const inTenantA = (r: ApiRoute) => r.template.includes("[ws]");

test.beforeAll(async ({ baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const password = "matrix-password-123";
  const user = async (prefix: string) => {
    const username = unique(prefix);
    expect((await admin.post("/api/v1/users", { data: { username, password, mustChangePassword: false } })).status()).toBe(201);
    return username;
  };
  const pv = await user("pv");
  expect((await admin.post("/api/v1/workspaces/demo/members", { data: { username: pv, role: "regular" } })).status()).toBe(201);
  expect((await admin.post("/api/v1/workspaces/demo/projects/demo-web/members", { data: { username: pv, role: "viewer" } })).status()).toBe(201);
  const mb = await user("mb");
  workspaceB = unique("tenant-b");
  expect((await admin.post("/api/v1/workspaces", { data: { name: workspaceB, clusters: ["host"] } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/workspaces/${workspaceB}/members`, { data: { username: mb, role: "admin" } })).status()).toBe(201);
  const regular = await user("reg");
  const disabled = await user("dis");

  callers.set("platform-admin", admin);
  callers.set("ws-admin-A", await signedInApi(baseURL!, "alice", demoPassword));
  callers.set("ws-viewer-A", await signedInApi(baseURL!, "bob", demoPassword));
  callers.set("project-viewer-A", await signedInApi(baseURL!, pv, password));
  callers.set("member-of-B", await signedInApi(baseURL!, mb, password));
  callers.set("platform-regular", await signedInApi(baseURL!, regular, password));
  // Signed in first, then disabled: the session it holds must stop working at once.
  callers.set("disabled", await signedInApi(baseURL!, disabled, password));
  expect((await admin.patch(`/api/v1/users/${disabled}`, { data: { status: "disabled" } })).status()).toBe(200);
  callers.set("anonymous", await request.newContext({ baseURL }));
});

test.afterAll(async () => {
  await Promise.all([...callers.values()].map((c) => c.dispose()));
});

async function call(caller: Caller, r: ApiRoute, method: string) {
  const url = fill(r.template, A);
  return callers.get(caller)!.fetch(url, { method, data: MUTATING.has(method) ? {} : undefined, maxRedirects: 0 });
}

test("the route table is read from the app", () => {
  const templates = routes.map((r) => r.template);
  expect(templates).toEqual(expect.arrayContaining(["/api/v1/workspaces", "/api/v1/workspaces/[ws]/projects/[project]", "/api/v1/users/[username]"]));
  expect(routes.every((r) => r.methods.length > 0)).toBe(true);
});

test("anonymous and disabled callers get 401 from every route", async () => {
  for (const r of routes)
    for (const m of r.methods)
      for (const c of ["anonymous", "disabled"] as const) expect((await call(c, r, m)).status(), `${c} ${m} ${r.template}`).toBe(401);
});

test("outsiders of tenant A get 404 for everything in it, never 403 or success", async () => {
  for (const r of routes.filter(inTenantA))
    for (const m of r.methods)
      for (const c of ["member-of-B", "platform-regular"] as const) expect((await call(c, r, m)).status(), `${c} ${m} ${r.template}`).toBe(404);
});

test("viewers of tenant A change nothing in it", async () => {
  for (const r of routes.filter(inTenantA))
    for (const m of r.methods.filter((x) => MUTATING.has(x)))
      for (const c of ["ws-viewer-A", "project-viewer-A"] as const) {
        const status = (await call(c, r, m)).status();
        expect([403, 404], `${c} ${m} ${r.template} answered ${status}`).toContain(status);
      }
});

test("only platform admins succeed on platform routes that are not self-service", async () => {
  for (const r of routes.filter((x) => !inTenantA(x)))
    for (const m of r.methods.filter((x) => !selfService(r, x)))
      for (const c of ["ws-admin-A", "ws-viewer-A", "project-viewer-A", "member-of-B", "platform-regular"] as const) {
        const status = (await call(c, r, m)).status();
        expect(status >= 400, `${c} ${m} ${r.template} answered ${status}`).toBe(true);
      }
});

test("authorised readers get answers, not errors, from every readable route", async () => {
  for (const r of routes)
    for (const c of ["platform-admin", "ws-admin-A"] as const) {
      if (!r.methods.includes("GET")) continue;
      const status = (await call(c, r, "GET")).status();
      expect(status, `${c} GET ${r.template}`).toBeLessThan(500);
    }
});

test("lists hold no items of another tenant", async () => {
  for (const c of ["member-of-B", "platform-regular", "project-viewer-A", "ws-viewer-A"] as const) {
    const own = c === "member-of-B" ? [workspaceB] : c === "platform-regular" ? [] : ["demo"];
    const ws = (await (await callers.get(c)!.get("/api/v1/workspaces?limit=500")).json()).items.map((w: { name: string }) => w.name);
    expect(ws.sort(), c).toEqual(own);
    const events = (await (await callers.get(c)!.get("/api/v1/audit/events?limit=500")).json()).items as { workspace: string | null }[];
    expect(events.filter((e) => e.workspace && !own.includes(e.workspace)), c).toEqual([]);
  }
  const pvProjects = (await (await callers.get("project-viewer-A")!.get("/api/v1/workspaces/demo/projects")).json()).items.map((p: { name: string }) => p.name);
  expect(pvProjects).toEqual(["demo-web"]);
});
