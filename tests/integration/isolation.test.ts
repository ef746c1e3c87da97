// Resource and network isolation applied to a cluster (the simulator, or realkube with TENANTRY_TEST_REALKUBE):
// quota pools, limits, network policies, Pod Security, the admission policy guarding Tenantry's objects,
// drift repair and outages (always on a simulator: it is stopped).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api, NetworkingV1Api, type KubeConfig, type V1Pod } from "@kubernetes/client-node";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { getProjectQuota, getWorkspaceQuota, putProjectQuota, putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { putLimits } from "@/lib/tenancy/quotas-limits";
import { getProjectNetwork, putProjectNetwork, putWorkspaceNetwork, workspaceConnectivity } from "@/lib/tenancy/network";
import { putNodeSelector, putPodSecurity } from "@/lib/tenancy/isolation";
import { POLICY } from "@/lib/kube/network";
import { raw } from "../contract/target";
import { eventually, makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { registerTestCluster, simulatorBeside, type TestCluster } from "../support/cluster";

let target: TestCluster;
let kc: KubeConfig;
let core: CoreV1Api;
let net: NetworkingV1Api;
let cluster: string;
let owner: User;
const controller = withController();
/** Waits until the reconciler has applied every change so far to this file's cluster. */
const settled = (on = cluster) => controller.settled({ cluster: { name: on } });
const registered: string[] = [];

beforeAll(async () => {
  target = await registerTestCluster("iso-sim");
  kc = target.kc;
  core = kc.makeApiClient(CoreV1Api);
  net = kc.makeApiClient(NetworkingV1Api);
  cluster = target.name;
  registered.push(cluster);
  owner = await makeUser();
});
afterAll(async () => {
  // Later files' controllers need not wait for projects of a cluster that is gone.
  await db().project.deleteMany({ where: { cluster: { name: { in: registered } } } });
  await target.stop();
});

async function workspace(on = cluster) {
  return (await createWorkspace({ name: uniqueName("ws"), clusters: [on] }, owner)).name;
}
async function project(ws: string, name = uniqueName("p"), on = cluster) {
  const p = (await createProject(ws, { name, cluster: on }, owner, await principalOf(owner.username, { workspace: ws }))).name;
  await settled(on);
  return p;
}
const pod = (name: string, extra: Partial<V1Pod["spec"]> = {}, resources?: object): V1Pod => ({
  metadata: { name },
  spec: {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    containers: [{ name: "app", image: "nginx", resources, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
    ...extra,
  },
});
const kubeFailure = async (p: Promise<unknown>) => p.then(() => ({ code: 0, message: "" }), (e) => ({ code: e.code as number, message: JSON.parse(e.body).message as string }));

describe("quota pools", () => {
  it("keeps the sum of project quotas within the pool and says by how much it does not fit", async () => {
    const ws = await workspace();
    const a = await project(ws);
    await putWorkspaceQuota(ws, cluster, { hard: { "requests.cpu": "4", "requests.memory": "8Gi", pods: "20" } });
    // A project created before the pool is now held at zero for every pooled key.
    expect((await getProjectQuota(ws, a)).effective).toMatchObject({ "requests.cpu": "0", "requests.memory": "0", pods: "0", "services.loadbalancers": "0" });
    await putProjectQuota(ws, a, { hard: { "requests.cpu": "3", pods: "10" } });
    const b = await project(ws);
    const err = await putProjectQuota(ws, b, { hard: { "requests.cpu": "2" } }).catch((e) => e);
    expect(err).toMatchObject({ status: 422, issues: [{ path: "hard.requests.cpu" }] });
    expect(err.issues[0].message).toBe("requests.cpu: requested 2, but 3 of the workspace's pool of 4 is already allocated to other projects (1 left).");
    await putProjectQuota(ws, b, { hard: { "requests.cpu": "1", "requests.memory": "1Gi" } });
    // The pool cannot shrink below what its projects hold.
    await expect(putWorkspaceQuota(ws, cluster, { hard: { "requests.cpu": "3500m", pods: "20" } })).rejects.toMatchObject({ status: 422, issues: [{ path: "hard.requests.cpu" }] });
    await settled();
    const pool = await getWorkspaceQuota(ws, cluster);
    expect(pool).toMatchObject({ hard: { "requests.cpu": "4" }, allocated: { "requests.cpu": "4", "requests.memory": "1Gi", pods: "10" } });
    expect(pool.used).toMatchObject({ pods: "0", "requests.cpu": "0" });
  });

  it("gives new projects the default project quota while it fits, then refuses them", async () => {
    const ws = await workspace();
    await putWorkspaceQuota(ws, cluster, { hard: { "limits.memory": "2Gi" }, defaultProject: { hard: { "limits.memory": "1Gi" } } });
    const a = await project(ws);
    await project(ws);
    expect((await getProjectQuota(ws, a)).hard).toEqual({ "limits.memory": "1Gi" });
    const err = await project(ws).catch((e) => e);
    expect(err).toMatchObject({ status: 422, issues: [{ path: "quota.limits.memory" }] });
  });
});

describe("what the cluster enforces", () => {
  it("refuses a pod over the quota (403) and fills in container defaults from the LimitRange", async () => {
    const ws = await workspace();
    const p = await project(ws);
    await putProjectQuota(ws, p, { hard: { "requests.cpu": "300m", "limits.cpu": "1" } });
    await settled();
    const rq = await core.readNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" });
    expect(rq.spec?.hard).toMatchObject({ "requests.cpu": "300m", pods: "100", "services.nodeports": "0" });
    // No requests given: the automatic defaults (100m / 500m) make the pod admissible.
    const created = await core.createNamespacedPod({ namespace: p, body: pod("plain") });
    expect(created.spec?.containers[0]?.resources).toMatchObject({ requests: { cpu: "100m" }, limits: { cpu: "500m" } });
    const over = await kubeFailure(core.createNamespacedPod({ namespace: p, body: pod("big", {}, { requests: { cpu: "250m" }, limits: { cpu: "250m" } }) }));
    expect(over.code).toBe(403);
    expect(over.message).toContain("exceeded quota: tenantry-quota");

    await putLimits(ws, p, { defaultRequest: { cpu: "50m" }, default: { cpu: "100m" }, max: { cpu: "200m" } });
    await settled();
    const lr = await core.readNamespacedLimitRange({ namespace: p, name: "tenantry-limits" });
    expect(lr.spec?.limits[0]).toMatchObject({ type: "Container", defaultRequest: { cpu: "50m" }, max: { cpu: "200m" } });
    await expect(putLimits(ws, p, { default: { cpu: "1" }, max: { cpu: "500m" } })).rejects.toMatchObject({ status: 422, issues: [{ path: "max.cpu" }] });
  });

  it("refuses privileged and host-network pods in a restricted project, admits them once lowered", async () => {
    const ws = await workspace();
    const p = await project(ws);
    expect((await core.readNamespace({ name: p })).metadata?.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    const hostNet = await kubeFailure(core.createNamespacedPod({ namespace: p, body: pod("hostnet", { hostNetwork: true }) }));
    expect(hostNet).toMatchObject({ code: 403 });
    expect(hostNet.message).toContain('violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true)');
    const priv = pod("priv");
    // Privileged implies privilege escalation: the API server refuses a container that forbids both (422).
    priv.spec!.containers[0]!.securityContext = { privileged: true };
    expect((await kubeFailure(core.createNamespacedPod({ namespace: p, body: priv }))).code).toBe(403);
    await putPodSecurity(ws, p, "privileged");
    await settled();
    await core.createNamespacedPod({ namespace: p, body: priv });
  });

  it("annotates the workspace's namespaces with its node selector", async () => {
    const ws = await workspace();
    const p = await project(ws);
    await putNodeSelector(ws, { "node-pool": "tenant-a" });
    await settled();
    expect((await core.readNamespace({ name: p })).metadata?.annotations?.["scheduler.alpha.kubernetes.io/node-selector"]).toBe("node-pool=tenant-a");
    await putNodeSelector(ws, {});
    await settled();
    expect((await core.readNamespace({ name: p })).metadata?.annotations?.["scheduler.alpha.kubernetes.io/node-selector"]).toBeUndefined();
  });
});

describe("network isolation", () => {
  const names = async (ns: string) => (await net.listNamespacedNetworkPolicy({ namespace: ns })).items.map((p) => p.metadata!.name).sort();

  it("creates and removes policies as isolation toggles, and the matrix follows", async () => {
    const ws = await workspace();
    const a = await project(ws);
    const b = await project(ws);
    expect(await names(a)).toEqual([]);
    await putWorkspaceNetwork(ws, true);
    await settled();
    expect(await names(a)).toEqual([POLICY.workspace]);
    const late = await project(ws);
    expect(await names(late)).toEqual([POLICY.workspace]);
    expect((await workspaceConnectivity(ws, cluster)).cells[a]![b]!.state).toBe("allowed");
    expect((await workspaceConnectivity(ws, cluster)).cells.external![a]!.state).toBe("denied");

    await putProjectNetwork(ws, b, { isolated: true, allow: [{ cidr: "10.0.0.0/8", ports: [{ port: 443, protocol: "TCP" }] }], egress: { isolated: true, allow: [] } });
    await settled();
    expect(await names(b)).toEqual([POLICY.egress, POLICY.project]);
    expect((await getProjectNetwork(ws, b)).yaml).toContain("cidr: 10.0.0.0/8");
    const m = await workspaceConnectivity(ws, cluster);
    expect([m.cells[a]![b]!.state, m.cells[b]![b]!.state, m.cells[b]![a]!.ports]).toEqual(["denied", "allowed", ["TCP/53", "UDP/53"]]);

    await putWorkspaceNetwork(ws, false);
    await putProjectNetwork(ws, b, { isolated: false, allow: [] });
    await settled();
    expect([...(await names(a)), ...(await names(b))]).toEqual([]);
    await expect(putProjectNetwork(ws, b, { isolated: true, allow: [{ project: "no-such-project" }] })).rejects.toMatchObject({ status: 422, issues: [{ path: "allow.0.project" }] });
  });
});

describe("reconciler", () => {
  it("repairs drift from the watch alone, leaves foreign objects alone, and a steady state sends no requests", async () => {
    const ws = await workspace();
    const p = await project(ws);
    await putWorkspaceNetwork(ws, true);
    await settled();
    await net.createNamespacedNetworkPolicy({ namespace: p, body: { metadata: { name: "mine" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } } });
    await net.deleteNamespacedNetworkPolicy({ namespace: p, name: POLICY.workspace });
    const rq = await core.readNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" });
    await core.replaceNamespacedResourceQuota({ namespace: p, name: "tenantry-quota", body: { ...rq, spec: { hard: { pods: "100000" } } } });
    const ns = await core.readNamespace({ name: p });
    await core.replaceNamespace({ name: p, body: { ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata!.labels, "pod-security.kubernetes.io/enforce": "privileged" } } } });

    // Nothing in the database changed: only the watch events bring the project back to the reconciler.
    await eventually(async () => (await net.listNamespacedNetworkPolicy({ namespace: p })).items.map((x) => x.metadata!.name).sort().join() === ["mine", POLICY.workspace].join());
    await eventually(async () => (await core.readNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" })).spec?.hard?.pods === "100");
    await eventually(async () => (await core.readNamespace({ name: p })).metadata?.labels?.["pod-security.kubernetes.io/enforce"] === "restricted");

    await settled();
    // The simulator counts the requests it answers; a real API server's counts are not this test's to read.
    if (!target.sim) return;
    target.sim.stats(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(Object.keys(target.sim.stats()).filter((verb) => verb !== "WATCH")).toEqual([]);
  });

  it("marks a project `error` while its cluster is down and applies the change when the cluster returns (on a simulator)", async () => {
    // Stopping the cluster takes a simulator: this file's, or one beside a real cluster.
    const down = await simulatorBeside(target, "iso-down-sim");
    registered.push(down.name);
    const ws = await workspace(down.name);
    const p = await project(ws, undefined, down.name);
    await down.sim.stop();
    try {
      await putProjectQuota(ws, p, { hard: { pods: "7" } });
      await eventually(async () => (await db().project.findFirstOrThrow({ where: { name: p } })).status === "error");
      expect((await db().project.findFirstOrThrow({ where: { name: p } })).statusMessage).toMatch(/^The cluster (could not be reached|did not answer in time)\.$/); // a sentence, not the socket's words
    } finally {
      await down.sim.restart!();
    }
    await eventually(async () => (await db().project.findFirstOrThrow({ where: { name: p } })).status === "ready", 100);
    expect((await down.kc.makeApiClient(CoreV1Api).readNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" })).spec?.hard?.pods).toBe("7");
  });
});

describe("tenants cannot undo their walls", () => {
  it("a project admin's kubectl identity may add its own policies but not change or delete Tenantry's", async () => {
    const ws = await workspace();
    const p = await project(ws);
    await putWorkspaceNetwork(ws, true);
    await settled();
    const as = { "Impersonate-User": `tenantry:${owner.username}` };
    const base = `/apis/networking.k8s.io/v1/namespaces/${p}/networkpolicies`;
    const del = await raw(kc, "DELETE", `${base}/${POLICY.workspace}`, { headers: as });
    expect(del.status).toBe(403);
    expect(del.body.message).toContain("ValidatingAdmissionPolicy 'tenantry-protect-managed-objects'");
    const rq = await core.readNamespacedResourceQuota({ namespace: p, name: "tenantry-quota" });
    const edit = await raw(kc, "PUT", `/api/v1/namespaces/${p}/resourcequotas/tenantry-quota`, { headers: as, body: { ...rq, spec: { hard: { pods: "1000" } } } });
    expect(edit.status).toBe(403);
    const own = await raw(kc, "POST", base, { headers: as, body: { metadata: { name: "allow-web" }, spec: { podSelector: {}, ingress: [{}] } } });
    expect(own.status).toBe(201);
    expect((await raw(kc, "DELETE", `${base}/allow-web`, { headers: as })).status).toBe(200);
  });
});
