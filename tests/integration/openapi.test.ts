// #16 item 6: real answers of the routes — successes and problems, against the database and a cluster simulator —
// validate against the published OpenAPI document (GET /api/v1/openapi.json) for their path, method and status.
// Every readable route is read, the main resources are made, changed and deleted, and the usual refusals asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { User } from "@prisma/client";
import type { OpenApiDocument, Operation } from "@/lib/api/openapi";
import { createProvider } from "@/lib/identity/providers";
import { fill } from "@/e2e/support/route-table";
import { callRoute, tokenFor, type Answer, type Call } from "../support/call-route";
import { routeHandlers, type RouteHandler } from "../support/route-handlers";
import { makeUser, uniqueName } from "../support/fixtures";
import { registerSimulator, type TestCluster } from "../support/cluster";

const routes = await routeHandlers();
const byKey = new Map(routes.map((r) => [`${r.method} ${r.template}`, r]));
let doc: OpenApiDocument;
let cluster: TestCluster;
let admin: User;
let rootToken: string;
let regularToken: string;
/** Path parameter values that name something real. */
const known: Record<string, string> = {};
/** Which documented answers (method, template, status) real answers were checked against. */
const checked = new Set<string>();

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

/** The document's schema for this answer: the operation's response for the status, else its `default`. */
function schemaFor(op: Operation, status: number, contentType: string): Record<string, unknown> | undefined {
  const deref = (r: unknown) => {
    const ref = (r as { $ref?: string } | undefined)?.$ref;
    return (ref ? doc.components.responses[ref.split("/").pop()!] : r) as { content?: Record<string, { schema: Record<string, unknown> }> } | undefined;
  };
  const response = deref(op.responses[String(status)] ?? op.responses.default);
  return response?.content?.[contentType.split(";")[0]!.trim()]?.schema;
}

/** Calls the route and checks its answer against the document; returns the answer. */
async function call(method: string, template: string, c: Omit<Call, "method" | "path"> & { params?: Record<string, string> } = {}): Promise<Answer> {
  const r = byKey.get(`${method} ${template}`);
  if (!r) throw new Error(`no route ${method} ${template}`);
  const params = c.params ?? Object.fromEntries([...template.matchAll(/\[([^\]]+)\]/g)].map(([, n]) => [n!, known[n!] ?? "x"]));
  const answer = await callRoute(r.handler, { ...c, method, path: fill(template, params), params });
  expectDocumented(r, answer);
  return answer;
}

function expectDocumented(r: RouteHandler, answer: Answer) {
  const label = `${r.method} ${r.template} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 400)}`;
  const op = doc.paths[r.template.replace(/\[([^\]]+)\]/g, "{$1}")]?.[r.method.toLowerCase()];
  expect.soft(op, `${label}\nnot in the document`).toBeDefined();
  if (!op) return;
  checked.add(`${r.method} ${r.template} ${answer.status}`);
  if (answer.status === 204) return expect.soft(answer.body, label).toBeNull();
  const schema = schemaFor(op!, answer.status, answer.contentType);
  expect.soft(schema, `${label}\nno schema for ${answer.contentType}`).toBeDefined();
  if (!schema) return;
  if (typeof answer.body === "string") return expect.soft(schema, label).toEqual({ type: "string" });
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile({ ...schema, components: doc.components })));
  expect.soft(validate(answer.body), `${label}\n${ajv.errorsText(validate.errors)}`).toBe(true);
}

beforeAll(async () => {
  cluster = await registerSimulator("openapi-sim");
  admin = await makeUser("platform-admin");
  rootToken = await tokenFor(admin);
  regularToken = await tokenFor(await makeUser());
  // The document as a script gets it (its own answer is checked against it like every other below).
  doc = (await callRoute(byKey.get("GET /api/v1/openapi.json")!.handler, { method: "GET", path: "/api/v1/openapi.json", token: rootToken })).body as OpenApiDocument;
  known.cluster = cluster.name;
});

afterAll(async () => {
  await cluster?.stop();
});

describe("answers validate against the published document", () => {
  it("is served to signed-in callers, and not to anyone else", async () => {
    expect(doc).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/workspaces": { get: {}, post: {} } } });
    expect((await call("GET", "/api/v1/openapi.json")).status).toBe(401);
    expect((await call("GET", "/api/v1/openapi.json", { token: regularToken })).body).toEqual(doc);
  });

  it("makes, changes and reads the main resources", async () => {
    const token = rootToken;
    known.ws = uniqueName("ws");
    known.project = uniqueName("p");
    known.username = uniqueName("u");
    const expectStatus = async (status: number, method: string, template: string, c: Omit<Call, "method" | "path"> = {}) => {
      const a = await call(method, template, { token, ...c });
      expect(a.status, `${method} ${template}: ${JSON.stringify(a.body)}`).toBe(status);
      return a.body as Record<string, unknown>;
    };
    await expectStatus(200, "PATCH", "/api/v1/clusters/[cluster]", { body: { displayName: "OpenAPI" } });
    await expectStatus(201, "POST", "/api/v1/workspaces", { body: { name: known.ws, clusters: [known.cluster] } });
    await expectStatus(200, "PATCH", "/api/v1/workspaces/[ws]", { body: { description: "documented" } });
    await expectStatus(201, "POST", "/api/v1/workspaces/[ws]/projects", { body: { name: known.project, cluster: known.cluster } });
    await expectStatus(201, "POST", "/api/v1/users", { body: { username: known.username, password: "a-long-enough-passphrase-9", email: "u@example.com" } });
    await expectStatus(200, "PATCH", "/api/v1/users/[username]", { body: { displayName: "User" } });
    await expectStatus(201, "POST", "/api/v1/workspaces/[ws]/members", { body: { username: known.username, role: "regular" } });
    await expectStatus(200, "PATCH", "/api/v1/workspaces/[ws]/members/[username]", { body: { role: "viewer" } });
    await expectStatus(201, "POST", "/api/v1/workspaces/[ws]/projects/[project]/members", { body: { username: known.username, role: "viewer" } });
    known.role = uniqueName("r");
    await expectStatus(201, "POST", "/api/v1/workspaces/[ws]/roles", { body: { name: known.role, templates: ["workspace-settings.view"] } });
    await expectStatus(200, "PUT", "/api/v1/workspaces/[ws]/roles/[role]", { body: { templates: ["workspace-settings.view"], displayName: "Readers" } });
    await expectStatus(201, "POST", "/api/v1/platform/roles", { body: { name: known.role, templates: ["clusters.view"] } });
    await expectStatus(201, "POST", "/api/v1/workspaces/[ws]/projects/[project]/roles", { body: { name: known.role, templates: ["project-settings.view"] } });
    await expectStatus(200, "POST", "/api/v1/users/[username]/unlock");
    await expectStatus(200, "DELETE", "/api/v1/users/[username]/sessions");
    const created = await expectStatus(201, "POST", "/api/v1/me/tokens", { body: { name: uniqueName("t"), expiresInDays: 30 } });
    expect(created.token).toMatch(/^tnt_/);
    await expectStatus(204, "DELETE", "/api/v1/me/tokens/[id]", { params: { id: created.id as string } });
    known.name = (await createProvider({
      name: uniqueName("idp"), type: "oidc", enabled: true, mappingMethod: "lookup", secret: "s3cret",
      config: { issuer: "https://idp.invalid", clientId: "tenantry", scopes: "openid", usernameClaim: "preferred_username", emailClaim: "email", nameClaim: "name", groupsClaim: "groups" },
    })).name;
    await expectStatus(201, "POST", "/api/v1/identity-providers", {
      body: { name: uniqueName("ldap"), type: "ldap", config: { url: "ldap://127.0.0.1:1", userBase: "ou=people,dc=example,dc=org" } },
    });
    const provider = await expectStatus(200, "GET", "/api/v1/identity-providers/[name]");
    const { id: _id, hasSecret: _s, createdAt: _c, updatedAt: _u, ...settings } = provider;
    await expectStatus(200, "PUT", "/api/v1/identity-providers/[name]", { body: { ...settings, displayName: "Documented IdP" } });
    expect(await expectStatus(200, "POST", "/api/v1/identity-providers/[name]/test")).toMatchObject({ ok: false });
    const binding = await expectStatus(201, "POST", "/api/v1/identity-providers/[name]/bindings", { body: { group: "devs", workspace: known.ws, role: "viewer" } });
    await expectStatus(200, "PATCH", "/api/v1/identity-providers/[name]/bindings/[id]", { params: { name: known.name, id: binding.id as string }, body: { expiresAt: "2099-01-01T00:00:00.000Z" } });
  });

  it("sets a pool, a project's quota and its limits", async () => {
    const token = rootToken;
    const put = async (template: string, body: unknown, query?: Record<string, string>) => {
      const a = await call("PUT", template, { token, body, query });
      expect(a.status, `PUT ${template}: ${JSON.stringify(a.body)}`).toBe(200);
      return a.body as Record<string, unknown>;
    };
    const pool = { hard: { "requests.cpu": "4", pods: "20" }, defaultProject: { hard: { "requests.cpu": "1" } } };
    expect(await put("/api/v1/workspaces/[ws]/quotas/[cluster]", pool, { dryRun: "true" })).toMatchObject({ dryRun: true, changedProjects: [{ project: known.project }] });
    expect(await put("/api/v1/workspaces/[ws]/quotas/[cluster]", pool)).toMatchObject({ dryRun: false, hard: pool.hard });
    expect(await put("/api/v1/workspaces/[ws]/projects/[project]/quota", { hard: { "requests.cpu": "2", pods: "10" } })).toMatchObject({ sources: { "requests.cpu": "project" } });
    expect(await put("/api/v1/workspaces/[ws]/projects/[project]/limits", { default: { cpu: "500m" } })).toMatchObject({ sources: { default: { cpu: "project" } } });
  });

  it("isolates the network, sets pod security and a node selector", async () => {
    const token = rootToken;
    const put = async (template: string, body: unknown) => {
      const a = await call("PUT", template, { token, body });
      expect(a.status, `PUT ${template}: ${JSON.stringify(a.body)}`).toBe(200);
      return a.body as Record<string, unknown>;
    };
    expect(await put("/api/v1/workspaces/[ws]/network", { isolated: true })).toEqual({ isolated: true });
    const network = { isolated: true, allow: [{ cidr: "10.0.0.0/8", except: ["10.1.0.0/16"], ports: [{ port: 443 }] }], egress: { isolated: true, allow: [{ workspace: known.ws }] } };
    expect(await put("/api/v1/workspaces/[ws]/projects/[project]/network", network)).toMatchObject({ workspaceIsolated: true, yaml: expect.stringContaining("NetworkPolicy") });
    expect(await put("/api/v1/workspaces/[ws]/projects/[project]/pod-security", { level: "baseline" })).toEqual({ level: "baseline" });
    expect(await put("/api/v1/workspaces/[ws]/node-selector", { nodeSelector: { "node-pool": "tenant-a" } })).toEqual({ nodeSelector: { "node-pool": "tenant-a" } });
  });

  it("reads every readable route", async () => {
    // The roles of each level under the name made above; every other parameter names what the previous case made.
    // Queries a route cannot answer without.
    const queries: Record<string, Record<string, string>> = {
      "/api/v1/workspaces/[ws]/access-review": { action: "workspace-settings.view" },
      "/api/v1/workspaces/[ws]/projects/[project]/access-review": { action: "project-settings.view" },
      // This file's own cluster: by default the first by name, which may be one another test file has stopped.
      "/api/v1/connectivity": { cluster: known.cluster },
    };
    // A kind of the project's workloads, and an object every namespace has.
    const params: Record<string, Record<string, string>> = {
      "/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]": { ws: known.ws!, project: known.project!, kind: "configmaps" },
      "/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]/[name]": { ws: known.ws!, project: known.project!, kind: "configmaps", name: "kube-root-ca.crt" },
    };
    for (const r of routes.filter((x) => x.method === "GET")) {
      const answer = await call("GET", r.template, { token: rootToken, query: queries[r.template], params: params[r.template] });
      // Each answers its success; the audit webhook token and a cluster's objects aside, nothing here may be refused —
      // but the cluster, asked as the caller, which answers the workloads' kinds (a 403 problem when no binding lets it).
      const allowed = params[r.template] ? [200, 403] : [200];
      expect.soft(allowed, `GET ${r.template}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toContain(answer.status);
    }
    const events = (await call("GET", "/api/v1/audit/events", { token: rootToken, query: { limit: "50" } })).body as { items: unknown[] };
    expect(events.items.length).toBeGreaterThan(5);
    const found = (await call("GET", "/api/v1/search", { token: rootToken, query: { q: known.project } })).body as { projects: { name: string }[] };
    expect(found.projects.map((p) => p.name)).toEqual([known.project]);
    const users = (await call("GET", "/api/v1/users", { token: rootToken, query: { limit: "1" } })).body as { nextCursor: string | null };
    expect(users.nextCursor).not.toBeNull();
  });

  it("answers refusals as documented problems, with their field issues", async () => {
    const taken = await call("POST", "/api/v1/workspaces", { token: rootToken, body: { name: known.ws, clusters: [] } });
    expect(taken.status).toBe(409);
    const bad = await call("POST", "/api/v1/workspaces", { token: rootToken, body: { name: "Not A Label", clusters: "host" } });
    expect(bad.status).toBe(422);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(["name", "clusters"]));
    expect((await call("POST", "/api/v1/workspaces", { token: rootToken, body: "{" })).status).toBe(400);
    expect((await call("GET", "/api/v1/workspaces/[ws]", { token: rootToken, params: { ws: "no-such-workspace" } })).status).toBe(404);
    expect((await call("GET", "/api/v1/workspaces")).status).toBe(401);
    expect((await call("POST", "/api/v1/clusters", { token: regularToken, body: { name: "c", kubeconfig: "x" } })).status).toBe(403);
    expect((await call("GET", "/api/v1/users", { token: rootToken, query: { limit: "100000" } })).status).toBe(422);
    expect((await call("POST", "/api/v1/audit/webhook/[cluster]", { token: "not-a-cluster-token", body: { kind: "EventList", items: [] } })).status).toBe(401);
    expect((await call("POST", "/api/v1/clusters/[cluster]/audit-token", { token: rootToken })).status).toBe(503);
  });

  it("moves a project to another workspace (a dry run, then for real)", async () => {
    const token = rootToken;
    const [target, project] = [uniqueName("ws"), uniqueName("p")];
    expect((await call("POST", "/api/v1/workspaces", { token, body: { name: target, clusters: [known.cluster] } })).status).toBe(201);
    expect((await call("POST", "/api/v1/workspaces/[ws]/projects", { token, body: { name: project, cluster: known.cluster } })).status).toBe(201);
    const move = async (dryRun: boolean) => {
      const a = await call("POST", "/api/v1/workspaces/[ws]/projects/[project]/move", { token, params: { ws: known.ws, project }, body: { workspace: target, members: "drop", dryRun } });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      return a.body;
    };
    expect(await move(true)).toMatchObject({ dryRun: true, from: known.ws, to: target, project });
    expect(await move(false)).toMatchObject({ dryRun: false, from: known.ws, to: target });
  });

  it("issues a cluster's audit webhook token where kube-apiservers reach the console over TLS", async () => {
    const before = process.env.TENANTRY_AUDIT_WEBHOOK_URL;
    process.env.TENANTRY_AUDIT_WEBHOOK_URL = "https://console.example.org";
    try {
      const issued = await call("POST", "/api/v1/clusters/[cluster]/audit-token", { token: rootToken });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      expect(issued.body).toMatchObject({ cluster: known.cluster, token: expect.stringMatching(/^tnt_audit_/), webhookUrl: `https://console.example.org/api/v1/audit/webhook/${known.cluster}` });
    } finally {
      if (before === undefined) delete process.env.TENANTRY_AUDIT_WEBHOOK_URL;
      else process.env.TENANTRY_AUDIT_WEBHOOK_URL = before;
    }
  });

  it("deletes as documented", async () => {
    const token = rootToken;
    expect((await call("DELETE", "/api/v1/workspaces/[ws]/projects/[project]/members/[username]", { token })).status).toBe(204);
    expect((await call("DELETE", "/api/v1/workspaces/[ws]/roles/[role]", { token })).status).toBe(204);
    expect((await call("DELETE", "/api/v1/workspaces/[ws]/members/[username]", { token })).status).toBe(204);
    const deleted = await call("DELETE", "/api/v1/workspaces/[ws]/projects/[project]", { token });
    expect(deleted.status).toBe(202);
    expect(deleted.body).toMatchObject({ name: known.project, status: "terminating" });
    expect((await call("DELETE", "/api/v1/users/[username]", { token })).status).toBe(204);
  });

  it("would refuse an answer that is not the documented one (the schemas are closed)", () => {
    const workspace = (doc.paths["/api/v1/workspaces/{ws}"]!.get!.responses["200"] as { content: Record<string, { schema: object }> }).content["application/json"]!.schema;
    const validate = ajv.compile({ ...workspace, components: doc.components });
    const ok = { name: "a", displayName: null, description: null, networkIsolated: false, createdBy: null, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", clusters: [], projectCount: 0, memberCount: 0 };
    expect(validate(ok)).toBe(true);
    expect(validate({ ...ok, secret: "x" })).toBe(false);
    expect(validate({ ...ok, createdAt: "yesterday" })).toBe(false);
    const { clusters: _, ...missing } = ok;
    expect(validate(missing)).toBe(false);
  });

  it("checked a success and a problem answer of the main routes", () => {
    for (const key of [
      "GET /api/v1/workspaces 200", "POST /api/v1/workspaces 201", "POST /api/v1/workspaces 409", "POST /api/v1/workspaces 422", "POST /api/v1/workspaces 400",
      "GET /api/v1/workspaces 401", "GET /api/v1/workspaces/[ws] 404", "POST /api/v1/clusters 403",
      "GET /api/v1/workspaces/[ws]/projects 200", "GET /api/v1/workspaces/[ws]/members 200", "GET /api/v1/users 200", "GET /api/v1/clusters 200",
      "GET /api/v1/workspaces/[ws]/roles 200", "GET /api/v1/audit/events 200", "GET /api/v1/me/tokens 200", "POST /api/v1/me/tokens 201",
      "DELETE /api/v1/workspaces/[ws]/projects/[project] 202",
    ])
      expect(checked, key).toContain(key);
  });
});
