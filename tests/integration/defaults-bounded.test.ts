// Security #13 (5): every default is bounded like the value it defaults. A workspace's default project quota
// opens only what the project quota route lets its setter open; a self-provisioner places a new workspace
// only where PATCH would let it place one (nowhere: placement is a platform decision).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject, getProject } from "@/lib/tenancy/projects";
import { getProjectQuota, putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { POST as createWorkspaceRoute } from "@/app/api/v1/workspaces/route";
import { PATCH as patchWorkspace } from "@/app/api/v1/workspaces/[ws]/route";
import { PUT as putPool } from "@/app/api/v1/workspaces/[ws]/quotas/[cluster]/route";
import { PUT as putProjectQuotaRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/quota/route";
import { callRoute, tokenFor } from "../support/call-route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

let sim: Simulator;
let cluster: string;
let ws: string;
let project: string;
let wsAdmin: User;
let wsAdminToken: string;
let rootToken: string;

beforeAll(async () => {
  sim = await startSimulator({ name: "defaults-sim" });
  cluster = uniqueName("dc");
  await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  wsAdmin = await makeUser();
  wsAdminToken = await tokenFor(wsAdmin);
  rootToken = await tokenFor(await makeUser("platform-admin"));
  ws = (await createWorkspace({ name: uniqueName("dw"), clusters: [cluster] }, wsAdmin)).name;
  project = (await createProject(ws, { name: uniqueName("dp"), cluster }, wsAdmin, await principalOf(wsAdmin.username, { workspace: ws }))).name;
  await putWorkspaceQuota(ws, cluster, { hard: { "limits.cpu": "8" }, defaultProject: { hard: { "limits.cpu": "1" } } });
});
afterAll(async () => {
  await sim.stop();
});

const poolRow = async () => {
  const w = await db().workspace.findUniqueOrThrow({ where: { name: ws }, select: { id: true } });
  const c = await db().cluster.findUniqueOrThrow({ where: { name: cluster }, select: { id: true } });
  return db().workspaceQuota.findUniqueOrThrow({ where: { workspaceId_clusterId: { workspaceId: w.id, clusterId: c.id } } });
};

const putDefault = (token: string, defaultHard: Record<string, string>) =>
  callRoute(putPool, { method: "PUT", path: `/api/v1/workspaces/${ws}/quotas/${cluster}`, params: { ws, cluster }, token, body: { hard: { "limits.cpu": "8" }, defaultProject: { hard: defaultHard } } });

const issuePaths = (body: unknown) => ((body as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path);

describe("a workspace's default project quota", () => {
  it.each(["services.loadbalancers", "services.nodeports"])("refuses a workspace admin opening %s through the default, as the project route does, naming the field", async (key) => {
    const before = await poolRow();
    const viaDefault = await putDefault(wsAdminToken, { "limits.cpu": "1", [key]: "3" });
    const direct = await callRoute(putProjectQuotaRoute, { method: "PUT", path: `/api/v1/workspaces/${ws}/projects/${project}/quota`, params: { ws, project }, token: wsAdminToken, body: { hard: { [key]: "3" } } });
    // Exactly as the direct route: the same status, the key named at its own field.
    expect(direct.status).toBe(403);
    expect(viaDefault.status, JSON.stringify(viaDefault.body)).toBe(direct.status);
    expect(viaDefault.contentType).toMatch(/^application\/problem\+json/);
    expect(issuePaths(viaDefault.body)).toEqual([`defaultProject.hard.${key}`]);
    expect(issuePaths(direct.body)).toEqual([`hard.${key}`]);
    expect(await poolRow()).toEqual(before);
  });

  it("so a project created afterwards gets no load balancers", async () => {
    await putDefault(wsAdminToken, { "limits.cpu": "1", "services.loadbalancers": "3" });
    const p = (await createProject(ws, { name: uniqueName("after"), cluster }, wsAdmin, await principalOf(wsAdmin.username, { workspace: ws }))).name;
    expect(await getProject(ws, p)).toBeTruthy();
    expect((await getProjectQuota(ws, p)).effective).toMatchObject({ "limits.cpu": "1", "services.loadbalancers": "0" });
  });

  it("lets a workspace admin keep them closed (0) and a platform admin open them, as the project route does", async () => {
    const closed = await putDefault(wsAdminToken, { "limits.cpu": "2", "services.loadbalancers": "0" });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const opened = await putDefault(rootToken, { "limits.cpu": "2", "services.loadbalancers": "1" });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect((await poolRow()).defaultProject).toEqual({ hard: { "limits.cpu": "2", "services.loadbalancers": "1" } });
  });
});

describe("a platform-self-provisioner creating a workspace", () => {
  let dave: string;
  beforeAll(async () => {
    dave = await tokenFor(await makeUser("platform-self-provisioner"));
  });

  it("is refused a cluster placement as PATCH refuses it, and nothing is created", async () => {
    // What PATCH answers a self-provisioner placing its own workspace on the cluster.
    const own = uniqueName("own");
    expect((await callRoute(createWorkspaceRoute, { method: "POST", path: "/api/v1/workspaces", token: dave, body: { name: own } })).status).toBe(201);
    const patch = await callRoute(patchWorkspace, { method: "PATCH", path: `/api/v1/workspaces/${own}`, params: { ws: own }, token: dave, body: { clusters: [cluster] } });
    expect(patch.status).toBe(403);

    const name = uniqueName("placed");
    const res = await callRoute(createWorkspaceRoute, { method: "POST", path: "/api/v1/workspaces", token: dave, body: { name, clusters: [cluster] } });
    expect(res.status, JSON.stringify(res.body)).toBe(patch.status);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(await db().workspace.count({ where: { name } })).toBe(0);
  });

  it("creates an unplaced workspace, which a platform admin places", async () => {
    const name = uniqueName("unplaced");
    const res = await callRoute(createWorkspaceRoute, { method: "POST", path: "/api/v1/workspaces", token: dave, body: { name } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, clusters: [] });
    const placed = await callRoute(patchWorkspace, { method: "PATCH", path: `/api/v1/workspaces/${name}`, params: { ws: name }, token: rootToken, body: { clusters: [cluster] } });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ clusters: [cluster] });
  });

  it("a platform admin creates a workspace on clusters directly", async () => {
    const name = uniqueName("root");
    const res = await callRoute(createWorkspaceRoute, { method: "POST", path: "/api/v1/workspaces", token: rootToken, body: { name, clusters: [cluster] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ clusters: [cluster] });
  });
});
