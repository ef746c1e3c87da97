// The BFF's contract as a script sees it: sessions, problem+json errors, validation, tenancy boundaries, audit.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, dataDir, demoPassword, signedInApi, unique } from "./support/api";

let admin: APIRequestContext;
let alice: APIRequestContext; // admin of workspace "demo"
let bob: APIRequestContext; // viewer of workspace "demo"

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  alice = await signedInApi(baseURL!, "alice", demoPassword);
  bob = await signedInApi(baseURL!, "bob", demoPassword);
});

test.afterAll(async () => {
  await Promise.all([admin, alice, bob].map((c) => c?.dispose()));
});

test("health needs no session; the API answers 401 problem+json without one", async ({ request }) => {
  expect((await request.get("/api/healthz")).status()).toBe(200);
  for (const path of ["/api/v1/workspaces", "/api/v1/clusters", "/api/v1/audit/events", "/api/v1/me"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  }
  expect((await request.post("/api/v1/workspaces", { data: { name: "x", clusters: [] } })).status()).toBe(401);
});

test("a wrong password gives no session", async ({ baseURL }) => {
  await expect(signedInApi(baseURL!, "admin", "wrong-password")).rejects.toThrow(/did not create a session|failed/);
});

test("clusters are listed without credentials", async () => {
  const res = await admin.get("/api/v1/clusters");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(["host", "member"]));
  const keys = body.items.flatMap((c: object) => Object.keys(c));
  expect(keys).not.toEqual(expect.arrayContaining(["credentials"]));
  expect(keys.filter((k: string) => /credential|kubeconfig|tokenHash|secret/i.test(k))).toEqual([]);
  const token = /token: (\S+)/.exec(readFileSync(`${dataDir}/clusters/host.kubeconfig`, "utf8"))![1]!;
  expect(JSON.stringify(body)).not.toContain(token);
  expect(JSON.stringify(body)).not.toContain("BEGIN CERT");
});

test("bad input is 422 with field issues and changes nothing; a taken name is 409", async () => {
  const bad = await admin.post("/api/v1/workspaces", { data: { name: "Not_A_Label", clusters: ["host", "nowhere"] } });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  const problem = await bad.json();
  expect(problem.issues.map((i: { path: string }) => i.path)).toContain("name");
  expect((await admin.get("/api/v1/workspaces/not-a-label")).status()).toBe(404);

  const noCluster = await admin.post("/api/v1/workspaces", { data: { name: unique("ws"), clusters: ["nowhere"] } });
  expect(noCluster.status()).toBe(422);
  expect((await noCluster.json()).issues).toEqual([{ path: "clusters.0", message: 'No cluster named "nowhere".' }]);

  const notJson = await admin.post("/api/v1/workspaces", { headers: { "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(notJson.status()).toBe(400);

  const name = unique("ws");
  expect((await admin.post("/api/v1/workspaces", { data: { name, clusters: ["host"] } })).status()).toBe(201);
  const again = await admin.post("/api/v1/workspaces", { data: { name, clusters: ["host"] } });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe("already_exists");
});

test("a cross-origin mutation is refused", async () => {
  const res = await admin.post("/api/v1/workspaces", { headers: { origin: "http://evil.example" }, data: { name: unique("ws"), clusters: [] } });
  expect(res.status()).toBe(403);
});

test("tenants see only their own workspaces; what they can't see is 404, what they can see but not do is 403", async () => {
  const secret = unique("secret");
  expect((await admin.post("/api/v1/workspaces", { data: { name: secret, clusters: ["host"] } })).status()).toBe(201);

  const aliceList = await (await alice.get("/api/v1/workspaces")).json();
  expect(aliceList.items.map((w: { name: string }) => w.name)).toEqual(["demo"]);
  expect((await alice.get(`/api/v1/workspaces/${secret}`)).status()).toBe(404);
  expect((await alice.get(`/api/v1/workspaces/${secret}/projects`)).status()).toBe(404);
  expect((await alice.post("/api/v1/workspaces", { data: { name: unique("ws"), clusters: [] } })).status()).toBe(403);
  expect((await alice.get("/api/v1/clusters")).status()).toBe(403);

  // The viewer of "demo" sees it but may not change it.
  expect((await bob.get("/api/v1/workspaces/demo")).status()).toBe(200);
  const denied = await bob.post("/api/v1/workspaces/demo/projects", { data: { name: unique("p"), cluster: "host" } });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).detail).toContain('workspace role "viewer"');
  expect((await bob.delete("/api/v1/workspaces/demo")).status()).toBe(403);
});

test("a workspace admin creates and deletes a project; every step and every denial is audited", async () => {
  const name = unique("api");
  const created = await alice.post("/api/v1/workspaces/demo/projects", { data: { name, cluster: "host", displayName: "From the API" } });
  expect(created.status()).toBe(201);
  // The request answers at once; the reconciler makes the namespace ready in the background.
  expect(await created.json()).toMatchObject({ name, namespace: name, cluster: "host", workspace: "demo", status: expect.stringMatching(/^(pending|ready)$/) });
  await expect.poll(async () => (await (await alice.get(`/api/v1/workspaces/demo/projects/${name}`)).json()).status).toBe("ready");

  const deleted = await alice.delete(`/api/v1/workspaces/demo/projects/${name}`);
  expect([202, 204]).toContain(deleted.status());
  await expect.poll(async () => (await alice.get(`/api/v1/workspaces/demo/projects/${name}`)).status()).toBe(404);

  await bob.post("/api/v1/workspaces/demo/projects", { data: { name, cluster: "host" } });
  const events = (await (await admin.get(`/api/v1/audit/events?workspace=demo&limit=100`)).json()).items as Array<Record<string, unknown>>;
  const mine = events.filter((e) => e.name === name && e.verb !== "get");
  expect(mine.map((e) => [e.action, e.username, e.outcome, e.statusCode])).toEqual([
    ["project.create", "bob", "denied", 403],
    ["project.delete", "alice", "success", deleted.status()],
    ["project.create", "alice", "success", 201],
  ]);
  expect(mine[2]).toMatchObject({ cluster: "host", workspace: "demo", project: name, resource: "projects" });
  expect(mine[2]!.sourceIp).toBeTruthy();
  expect(mine[2]!.userAgent).toBeTruthy();

  // Alice administers "demo", but the audit log of her workspace is all she can search.
  const aliceEvents = (await (await alice.get("/api/v1/audit/events?limit=500")).json()).items as Array<{ workspace: string | null }>;
  expect(aliceEvents.length).toBeGreaterThan(0);
  expect(aliceEvents.every((e) => e.workspace === "demo")).toBe(true);
  // The polls for the deleted project that answered 404 are failures, and recorded as such.
  expect(events.some((e) => e.name === name && e.action === "project.get" && e.statusCode === 404 && e.outcome === "failure")).toBe(true);
});

test("unknown API paths are 404 problem+json", async () => {
  const res = await admin.get("/api/v1/no-such-thing");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
});

test("demo users reach the cluster as tenantry:<name> and meet the same boundary there", async () => {
  const { CoreV1Api, KubeConfig } = await import("@kubernetes/client-node");
  const kc = new KubeConfig();
  kc.loadFromFile(`${dataDir}/clusters/host-tenantry-carol.kubeconfig`);
  const core = kc.makeApiClient(CoreV1Api);
  // carol operates project demo-web: its pods yes; other namespaces and the nodes no.
  await expect(core.listNamespacedPod({ namespace: "demo-web" })).resolves.toMatchObject({ items: expect.any(Array) });
  await expect(core.listNamespacedPod({ namespace: "kube-system" })).rejects.toMatchObject({ code: 403 });
  await expect(core.listNode()).rejects.toMatchObject({ code: 403 });
});
