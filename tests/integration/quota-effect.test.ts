// "What you see is what is in effect" and "no silent side effects" (#15 items 1 and 2), on the simulator or on
// realkube (TENANTRY_TEST_REALKUBE): a project's quota and limits answer each value in effect with where it comes
// from; every YAML preview of a Kubernetes object is one the API server takes (`kubectl apply --dry-run=server`,
// kubectl's strict field validation); a pool that changes projects' quotas says which and how, and its dry run
// changes neither the database nor the cluster.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { putProjectQuota, putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { putLimits } from "@/lib/tenancy/quotas-limits";
import { putProjectNetwork } from "@/lib/tenancy/network";
import { GET as getQuotaRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/quota/route";
import { GET as getLimitsRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/limits/route";
import { GET as getNetworkRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/network/route";
import { GET as getObjectsRoute } from "@/app/api/v1/workspaces/[ws]/projects/[project]/objects/route";
import { PUT as putPoolRoute } from "@/app/api/v1/workspaces/[ws]/quotas/[cluster]/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { REALKUBE } from "../support/cluster";

let dir: string;
let sim: Simulator | undefined;
/** kubectl's kubeconfig: realkube's admin, or a simulator over TLS (kubectl sends a bearer token only over TLS). */
let kubeconfig: string;
let core: CoreV1Api;
let cluster: string;
let owner: User;
let token: string;
const controller = withController();
const settled = () => controller.settled({ cluster: { name: cluster } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "quota-effect-"));
  cluster = uniqueName("c");
  if (REALKUBE) {
    kubeconfig = join(REALKUBE, "admin.kubeconfig");
    await registerCluster({ name: cluster, kubeconfig: readFileSync(join(REALKUBE, "tenantry.kubeconfig"), "utf8") });
  } else {
    sim = await startSimulator({ name: "quota-effect", tls: true });
    kubeconfig = join(dir, "admin.kubeconfig");
    writeFileSync(kubeconfig, sim.kubeconfig(), { mode: 0o600 });
    await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  }
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
  owner = await makeUser();
  token = await tokenFor(owner);
});
afterAll(async () => {
  await db().project.deleteMany({ where: { cluster: { name: cluster } } });
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const workspace = async () => (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner)).name;
const project = async (ws: string) => (await createProject(ws, { name: uniqueName("p"), cluster }, owner, await principalOf(owner.username, { workspace: ws }))).name;
const get = async <T,>(handler: Handler, ws: string, p: string, what: string) => {
  const res = await callRoute(handler, { method: "GET", path: `/api/v1/workspaces/${ws}/projects/${p}/${what}`, params: { ws, project: p }, token });
  expect(res.status).toBe(200);
  return res.body as T;
};
const putPool = (ws: string, body: unknown, query?: Record<string, string>) =>
  callRoute(putPoolRoute, { method: "PUT", path: `/api/v1/workspaces/${ws}/quotas/${cluster}`, params: { ws, cluster }, token, body, query });

/** `kubectl apply --dry-run=server -f -` with `yaml` on stdin: kubectl's output, or its error. */
function dryRunApply(yaml: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("kubectl", ["--kubeconfig", kubeconfig, "apply", "--dry-run=server", "-f", "-"], (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout)));
    child.stdin!.end(yaml);
  });
}

describe("a project's quota and limits in effect", () => {
  it("say for each value whether it is set here or inherited, and from where", async () => {
    const ws = await workspace();
    await putWorkspaceQuota(ws, cluster, { hard: { "requests.cpu": "4", "requests.memory": "8Gi" }, defaultProject: { hard: { "requests.cpu": "1" } } });
    const p = await project(ws);
    type Quota = { hard: Record<string, string>; effective: Record<string, string>; sources: Record<string, string> };
    let quota = await get<Quota>(getQuotaRoute, ws, p, "quota");
    expect(quota.effective).toMatchObject({ "requests.cpu": "1", "requests.memory": "0", pods: "100" });
    expect(quota.sources).toMatchObject({ "requests.cpu": "workspace-default", "requests.memory": "pool", pods: "built-in" });
    // Changing one value makes it this project's own; the value kept from the default stays inherited.
    await putProjectQuota(ws, p, { hard: { "requests.cpu": "1", pods: "10" } });
    quota = await get<Quota>(getQuotaRoute, ws, p, "quota");
    expect(quota.sources).toMatchObject({ "requests.cpu": "workspace-default", pods: "project", "requests.memory": "pool" });
    await putProjectQuota(ws, p, { hard: { "requests.cpu": "2" } });
    expect((await get<Quota>(getQuotaRoute, ws, p, "quota")).sources).toMatchObject({ "requests.cpu": "project", pods: "built-in" });

    // cpu and memory are pooled, so the cluster gets container defaults for them nobody set: automatic, or from max.
    await putLimits(ws, p, { max: { cpu: "2" } });
    const limits = await get<{ effective: Record<string, Record<string, string>>; sources: Record<string, Record<string, string>> }>(getLimitsRoute, ws, p, "limits");
    expect(limits.effective).toEqual({ default: { cpu: "2", memory: "512Mi" }, defaultRequest: { cpu: "2", memory: "128Mi" }, max: { cpu: "2" } });
    expect(limits.sources).toEqual({ default: { cpu: "derived", memory: "automatic" }, defaultRequest: { cpu: "derived", memory: "automatic" }, max: { cpu: "project" } });
  });
});

describe("every preview of a Kubernetes object", () => {
  it("is the API object: kubectl applies it (server dry run, strict field validation)", async () => {
    const ws = await workspace();
    await putWorkspaceQuota(ws, cluster, { hard: { "requests.cpu": "4", "limits.memory": "8Gi" } });
    const p = await project(ws);
    const peer = await project(ws);
    await putProjectQuota(ws, p, { hard: { "requests.cpu": "1", "limits.memory": "1Gi" } });
    await putLimits(ws, p, { max: { cpu: "1", memory: "1Gi" }, defaultRequest: { cpu: "100m" } });
    await putProjectNetwork(ws, p, { isolated: true, allow: [{ project: peer }, { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"], ports: [{ port: 443, protocol: "TCP" }] }], egress: { isolated: true, allow: [{ workspace: ws }] } });
    await settled();

    const previews = {
      quota: (await get<{ yaml: string }>(getQuotaRoute, ws, p, "quota")).yaml,
      limits: (await get<{ yaml: string }>(getLimitsRoute, ws, p, "limits")).yaml,
      network: (await get<{ yaml: string }>(getNetworkRoute, ws, p, "network")).yaml,
      objects: (await get<{ yaml: string; error: string | null }>(getObjectsRoute, ws, p, "objects")).yaml,
    };
    expect(previews.limits).toMatch(/^\s+(- )?default:\n\s+cpu: '1'$/m);
    expect(previews.network).toMatch(/^\s+- from:$/m);
    for (const kind of ["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "RoleBinding"]) expect(previews.objects).toContain(`kind: ${kind}\n`);
    for (const [name, yaml] of Object.entries(previews)) {
      expect(yaml, name).not.toMatch(/_default|_from/);
      const out = await dryRunApply(yaml);
      expect(out, name).toMatch(/\(server dry run\)/);
      expect(out, name).not.toMatch(/error/i);
    }
  });
});

describe("setting a workspace pool", () => {
  it("answers which projects' quotas change and how; its dry run changes neither the database nor the cluster", async () => {
    const ws = await workspace();
    const withShare = await project(ws);
    const without = await project(ws);
    await putProjectQuota(ws, withShare, { hard: { "requests.cpu": "1" } });
    await settled();
    const quotaInCluster = async (ns: string) => (await core.readNamespacedResourceQuota({ name: "tenantry-quota", namespace: ns })).spec?.hard ?? {};
    const before = { db: await db().project.findMany({ where: { workspace: { name: ws } }, select: { name: true, quota: true, generation: true }, orderBy: { name: "asc" } }), cluster: await quotaInCluster(without) };
    const expected = [
      { project: withShare, changes: [{ key: "requests.memory", before: null, after: "0" }] },
      { project: without, changes: [{ key: "requests.cpu", before: null, after: "0" }, { key: "requests.memory", before: null, after: "0" }] },
    ].sort((a, b) => a.project.localeCompare(b.project));
    const body = { hard: { "requests.cpu": "4", "requests.memory": "8Gi" } };

    const dry = await putPool(ws, body, { dryRun: "true" });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, hard: body.hard, changedProjects: expected });
    expect((dry.body as { projects: { name: string; hard: Record<string, string> }[] }).projects.find((x) => x.name === without)!.hard).toMatchObject({ "requests.cpu": "0", "requests.memory": "0" });
    expect(await db().workspaceQuota.count({ where: { workspace: { name: ws } } })).toBe(0);
    expect(await db().project.findMany({ where: { workspace: { name: ws } }, select: { name: true, quota: true, generation: true }, orderBy: { name: "asc" } })).toEqual(before.db);
    await settled();
    expect(await quotaInCluster(without)).toEqual(before.cluster);
    expect(before.cluster).not.toHaveProperty(["requests.cpu"]);
    // The audit log says it was a dry run, and what it would have done.
    const event = await db().auditEvent.findFirst({ where: { auditId: dry.headers.get("audit-id")! } });
    expect(event).toMatchObject({ action: "workspace.quota.update", outcome: "success", request: { dryRun: true, changedProjects: expected } });

    expect((await putPool(ws, body, { dryRun: "maybe" })).status).toBe(422);

    const real = await putPool(ws, body);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, changedProjects: expected });
    expect(await db().auditEvent.findFirst({ where: { auditId: real.headers.get("audit-id")! } })).toMatchObject({ request: { dryRun: false, changedProjects: expected } });
    await settled();
    expect(await quotaInCluster(without)).toMatchObject({ "requests.cpu": "0", "requests.memory": "0" });
    // The same pool again changes nothing, and says so.
    expect((await putPool(ws, body, { dryRun: "true" })).body).toMatchObject({ changedProjects: [] });
    // Giving up a key frees the projects that had no share of it.
    expect((await putPool(ws, { hard: { "requests.cpu": "4" } }, { dryRun: "true" })).body).toMatchObject({
      changedProjects: expected.map((e) => ({ project: e.project, changes: [{ key: "requests.memory", before: "0", after: null }] })),
    });
  });
});
