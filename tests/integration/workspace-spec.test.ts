// Tenants as code (#17 item 3): GET/PUT /api/v1/workspaces/{ws}/spec as scripts meet it, on a simulator cluster —
// the round trip is a no-op, a dry run changes nothing, an apply makes every change with its own audit event, a
// change the author may not make or an invalid part refuses the whole document, a new name creates the workspace,
// YAML and JSON both ways, and the `npm run tenantry` CLI on top.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import * as specRoute from "@/app/api/v1/workspaces/[ws]/spec/route";
import * as schemaRoute from "@/app/api/v1/openapi/workspace-spec.schema.json/route";
import { run } from "@/scripts/tenantry.mts";
import { callRoute, tokenFor, type Answer } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";
import { registerSimulator, type TestCluster } from "../support/cluster";

let cluster: TestCluster;
let admin: User;
let adminToken: string;
const path = (ws: string) => `/api/v1/workspaces/${ws}/spec`;

beforeAll(async () => {
  cluster = await registerSimulator("spec-sim");
  admin = await makeUser("platform-admin");
  adminToken = await tokenFor(admin);
});
afterAll(async () => {
  await cluster?.stop();
});

const get = (ws: string, token = adminToken, accept = "application/json") =>
  callRoute(specRoute.GET, { method: "GET", path: path(ws), params: { ws }, token, headers: { accept } });
const put = (ws: string, doc: unknown, opts: { token?: string; dryRun?: boolean; yaml?: boolean } = {}) =>
  callRoute(specRoute.PUT, {
    method: "PUT",
    path: path(ws),
    params: { ws },
    token: opts.token ?? adminToken,
    query: opts.dryRun ? { dryRun: "true" } : {},
    headers: opts.yaml ? { "content-type": "application/yaml" } : {},
    body: typeof doc === "string" ? doc : JSON.stringify(doc),
  });
/** An apply's answer, or an exported document. */
type Body = Record<string, unknown> & { changes: { action: string; kind: string; name: string }[]; spec: Record<string, unknown> & { members: object[] } };
const ok = (a: Answer, status = 200) => {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  return a.body as Body;
};
/** The console's audit events of `ws` since `since`, oldest first: action and outcome. */
const events = async (ws: string, since: Date) =>
  (await db().auditEvent.findMany({ where: { workspace: ws, receivedAt: { gte: since } }, orderBy: { seq: "asc" }, select: { action: true, outcome: true } })).map((e) => `${e.action} ${e.outcome}`);

const docOf = (ws: string, spec: Record<string, unknown>) => ({ apiVersion: "tenantry.io/v1alpha1", kind: "Workspace", metadata: { name: ws }, spec });

/** A workspace made from a document: admin as its admin, a pool on the cluster, one project. */
async function scene() {
  const ws = uniqueName("ws");
  const project = uniqueName("p");
  const spec = {
    displayName: "Spec test",
    clusters: [cluster.name],
    members: [{ username: admin.username, role: "admin" }],
    quotas: [{ cluster: cluster.name, hard: { "requests.cpu": "4", pods: "20" } }],
    network: { isolated: true },
    projects: [{ name: project, cluster: cluster.name, quota: { hard: { "requests.cpu": "1" } }, podSecurity: "restricted" }],
  };
  const created = ok(await put(ws, docOf(ws, spec)));
  expect(created).toMatchObject({ created: true, dryRun: false });
  return { ws, project, spec };
}

describe("GET and PUT …/spec", () => {
  it("creates a workspace from a document, exports it, and applies the export back as a no-op", async () => {
    const { ws, project } = await scene();
    expect(await db().workspace.findUnique({ where: { name: ws }, select: { networkIsolated: true, displayName: true } })).toEqual({ networkIsolated: true, displayName: "Spec test" });
    const exported = ok(await get(ws));
    expect(exported).toMatchObject({
      apiVersion: "tenantry.io/v1alpha1",
      kind: "Workspace",
      metadata: { name: ws },
      spec: {
        clusters: [cluster.name],
        members: [{ username: admin.username, role: "admin" }],
        quotas: [{ cluster: cluster.name, hard: { pods: "20", "requests.cpu": "4" } }],
        network: { isolated: true },
        projects: [{ name: project, cluster: cluster.name, quota: { hard: { "requests.cpu": "1" } }, podSecurity: "restricted", members: [], roles: [] }],
      },
    });
    const since = new Date();
    const again = ok(await put(ws, exported));
    expect(again).toMatchObject({ changes: [], created: false, summary: { added: 0, changed: 0, removed: 0 } });
    // A no-op apply records only its own event.
    expect(await events(ws, since)).toEqual(["workspace.spec.apply success"]);
  });

  it("answers YAML to Accept: application/yaml and applies YAML", async () => {
    const { ws } = await scene();
    const yaml = await get(ws, adminToken, "application/yaml");
    expect(yaml.status).toBe(200);
    expect(yaml.contentType).toMatch(/^application\/yaml/);
    expect(yaml.body).toMatch(/^apiVersion: tenantry\.io\/v1alpha1\nkind: Workspace\n/);
    expect(YAML.parse(yaml.body as string)).toEqual(ok(await get(ws)));
    expect(ok(await put(ws, yaml.body, { yaml: true })).changes).toEqual([]);
    const edited = (yaml.body as string).replace("isolated: true", "isolated: false");
    expect(ok(await put(ws, edited, { yaml: true })).changes).toMatchObject([{ action: "changed", kind: "network" }]);
    expect((await db().workspace.findUnique({ where: { name: ws } }))!.networkIsolated).toBe(false);
    expect((await put(ws, "spec: [unclosed", { yaml: true })).status).toBe(400);
  });

  it("answers the diff of a dry run and changes nothing; the apply then makes each change with its own audit event", async () => {
    const { ws, spec } = await scene();
    const dev = await makeUser();
    const newProject = uniqueName("p");
    const wanted = docOf(ws, {
      ...spec,
      members: [...spec.members, { username: dev.username, role: "regular" }],
      quotas: [{ cluster: cluster.name, hard: { "requests.cpu": "8", pods: "20" } }],
      projects: [...spec.projects, { name: newProject, cluster: cluster.name }],
    });
    const expected = [
      { action: "added", kind: "member", name: dev.username, path: "spec.members.1" },
      { action: "changed", kind: "quota", name: cluster.name, path: "spec.quotas.0", before: { hard: { "requests.cpu": "4" } }, after: { hard: { "requests.cpu": "8" } } },
      { action: "added", kind: "project", name: newProject, path: "spec.projects.1" },
    ];
    const since = new Date();
    const dry = ok(await put(ws, wanted, { dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, changes: expected, summary: { added: 2, changed: 1, removed: 0 } });
    expect(await db().workspaceMember.count({ where: { workspace: { name: ws }, userId: dev.id } })).toBe(0);
    expect(await db().project.count({ where: { name: newProject } })).toBe(0);
    expect(((await db().workspaceQuota.findFirst({ where: { workspace: { name: ws } } }))!.hard as Record<string, string>)["requests.cpu"]).toBe("4");
    expect(await events(ws, since)).toEqual(["workspace.spec.apply success"]);

    const since2 = new Date();
    const applied = ok(await put(ws, wanted));
    expect(applied).toMatchObject({ dryRun: false, changes: expected });
    expect(await db().workspaceMember.findFirst({ where: { workspace: { name: ws }, userId: dev.id }, select: { role: true } })).toEqual({ role: "regular" });
    expect(await db().project.findFirst({ where: { name: newProject, workspace: { name: ws } }, select: { status: true } })).toBeTruthy();
    expect(((await db().workspaceQuota.findFirst({ where: { workspace: { name: ws } } }))!.hard as Record<string, string>)["requests.cpu"]).toBe("8");
    expect(await events(ws, since2)).toEqual(["workspace-member.create success", "workspace.quota.update success", "project.create success", "workspace.spec.apply success"]);
    expect(ok(await put(ws, wanted)).changes).toEqual([]);
  });

  it("refuses the whole document when one change is one its author may not make (403), changing nothing", async () => {
    const { ws, spec } = await scene();
    // A workspace admin: everything in the workspace, but pinning it to nodes is a platform decision.
    const wsAdmin = await makeUser();
    const dev = await makeUser();
    ok(await put(ws, docOf(ws, { ...spec, members: [...spec.members, { username: wsAdmin.username, role: "admin" }] })));
    const token = await tokenFor(wsAdmin);
    const base = ok(await get(ws, token));
    const members = [...(base.spec.members as object[]), { username: dev.username, role: "regular" }];
    const since = new Date();
    const refused = await put(ws, { ...base, spec: { ...base.spec, members, nodeSelector: { "node-pool": "a" } } }, { token });
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: "forbidden", object: `nodeSelector ${ws}`, path: "spec.nodeSelector" });
    // The member before it in the document was added in the transaction, and rolled back with it.
    expect(await db().workspaceMember.count({ where: { workspace: { name: ws }, userId: dev.id } })).toBe(0);
    expect((await db().workspace.findUnique({ where: { name: ws } }))!.nodeSelector).toBeNull();
    expect(await events(ws, since)).toEqual(["workspace.spec.apply denied"]);

    // Granting a role one does not hold: a member manager cannot make someone admin (escalation, as the members route).
    ok(await put(ws, docOf(ws, { roles: [{ name: "member-manager", templates: ["workspace-members.manage", "workspace-settings.view"] }] })));
    const manager = await makeUser();
    ok(await put(ws, docOf(ws, { members: [...members.slice(0, -1), { username: manager.username, role: "member-manager" }] })));
    const managed = ok(await get(ws, await tokenFor(manager)));
    const escalated = await put(ws, docOf(ws, { members: [...managed.spec.members, { username: dev.username, role: "admin" }] }), { token: await tokenFor(manager) });
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(403);
    expect(escalated.body).toMatchObject({ code: "escalation" });
    expect(await db().workspaceMember.count({ where: { workspace: { name: ws }, userId: dev.id } })).toBe(0);
  });

  it("refuses an invalid document with 422 naming each field, and an invalid change by its place in the document", async () => {
    const { ws, spec } = await scene();
    const bad = await put(ws, docOf(ws, { ...spec, quotas: [{ cluster: cluster.name, hard: { "requests.cpu": "lots" } }], colour: "blue" }));
    expect(bad.status).toBe(422);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(["spec.quotas.0.hard.requests.cpu", "spec"]));
    const project = uniqueName("p");
    const noSuchUser = await put(ws, docOf(ws, { members: [...spec.members, { username: "nobody-at-all", role: "regular" }] }));
    expect(noSuchUser.status).toBe(422);
    expect(noSuchUser.body).toMatchObject({ issues: [{ path: "spec.members.1.username" }] });
    // Refused by the roles service after the project was made in the same transaction: neither is kept.
    const badRole = await put(ws, docOf(ws, { projects: [...spec.projects, { name: project, cluster: cluster.name, roles: [{ name: "ops", templates: ["no-such.template"] }] }] }));
    expect(badRole.status, JSON.stringify(badRole.body)).toBe(422);
    expect(badRole.body).toMatchObject({ object: `project-role ${project}/ops`, issues: [{ path: "spec.projects.1.roles.0.templates.0" }] });
    expect(await db().project.count({ where: { name: project } })).toBe(0);
    expect((await put(ws, docOf("other-name", {}))).status).toBe(422);
  });

  it("creates a workspace only for callers who may, hides one the caller cannot see, and refuses one who may change nothing", async () => {
    const regular = await tokenFor(await makeUser());
    const ws = uniqueName("ws");
    const refused = await put(ws, docOf(ws, {}), { token: regular });
    expect(refused.status).toBe(403);
    expect(await db().workspace.count({ where: { name: ws } })).toBe(0);
    const { ws: existing } = await scene();
    expect((await put(existing, docOf(existing, {}), { token: regular })).status).toBe(404);
    expect((await get(existing, regular)).status).toBe(404);
    // A viewer exports it, and may apply nothing (not even a no-op).
    const viewer = await makeUser();
    await db().workspaceMember.create({ data: { workspace: { connect: { name: existing } }, user: { connect: { id: viewer.id } }, role: "viewer" } });
    const viewerToken = await tokenFor(viewer);
    expect((await get(existing, viewerToken)).status).toBe(200);
    expect(await put(existing, docOf(existing, {}), { token: viewerToken })).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });

  it("publishes the document's JSON Schema beside the OpenAPI document", async () => {
    const a = await callRoute(schemaRoute.GET, { method: "GET", path: "/api/v1/openapi/workspace-spec.schema.json", token: adminToken });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ type: "object", required: expect.arrayContaining(["apiVersion", "kind", "metadata"]), properties: { spec: { type: "object" } } });
  });
});

describe("npm run tenantry", () => {
  /** The CLI's fetch, answered by the route in-process as a server would. */
  const fetchRoute: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const ws = decodeURIComponent(url.pathname.split("/")[4]!);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const method = init?.method ?? "GET";
    const a = await callRoute(method === "GET" ? specRoute.GET : specRoute.PUT, {
      method, path: url.pathname, params: { ws }, query: Object.fromEntries(url.searchParams), headers, body: init?.body as string | undefined,
    });
    return new Response(typeof a.body === "string" ? a.body : JSON.stringify(a.body), { status: a.status, headers: { "content-type": a.contentType } });
  };
  const cli = async (args: string[], files: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, { fetch: fetchRoute, env: { TENANTRY_URL: "http://console.test", TENANTRY_TOKEN: adminToken }, out: (l) => out.push(l), err: (l) => err.push(l), read: async (f) => files[f]! });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("gets, diffs (exit 2 with changes, 0 without) and applies a file", async () => {
    const { ws } = await scene();
    const got = await cli(["get", ws]);
    expect(got.code).toBe(0);
    const edit = (pods: string) => {
      const d = YAML.parse(got.out);
      d.spec.quotas[0].hard.pods = pods;
      return YAML.stringify(d);
    };
    const file = edit("30");
    const diff = await cli(["diff", "-f", "ws.yaml"], { "ws.yaml": file });
    expect(diff).toMatchObject({ code: 2, err: "" });
    expect(diff.out).toContain(`~ quota ${cluster.name}  (spec.quotas.0)\n    hard.pods: "20" → "30"`);
    expect(diff.out).toContain("0 added, 1 changed, 0 removed (would be applied)");
    expect((await cli(["apply", "-f", "ws.yaml"], { "ws.yaml": file })).code).toBe(0);
    expect(await cli(["diff", "-f", "ws.yaml"], { "ws.yaml": file })).toMatchObject({ code: 0, out: `workspace ${ws}: no changes` });
    const refused = await cli(["apply", "-f", "ws.yaml"], { "ws.yaml": edit("many") });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: 422 .*\n {2}spec\.quotas\.0\.hard\.pods: /);
  });
});
