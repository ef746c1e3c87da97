// A cluster's nodes (GET /api/v1/clusters/{cluster}/nodes): on the simulator its nodes with what the pods bound to
// them request; on realkube (TENANTRY_TEST_REALKUBE), which runs no kubelet, none — the field selectors still
// accepted by a real API server. Who may not see the cluster may not see its nodes either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreV1Api } from "@kubernetes/client-node";
import { GET as nodesRoute } from "@/app/api/v1/clusters/[cluster]/nodes/route";
import { GET as clusterRoute } from "@/app/api/v1/clusters/[cluster]/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { eventually, makeUser, uniqueName } from "../support/fixtures";
import { REALKUBE, registerTestCluster, type TestCluster } from "../support/cluster";

let target: TestCluster;
let adminToken: string;
let regularToken: string;
const ns = uniqueName("nodes");
const requests = [
  { cpu: "500m", memory: "256Mi" },
  { cpu: "1", memory: "1Gi" },
  { cpu: "250m", memory: "512Mi" },
];

beforeAll(async () => {
  target = await registerTestCluster("nodes-sim");
  adminToken = await tokenFor(await makeUser("platform-admin"));
  regularToken = await tokenFor(await makeUser());
  const core = target.kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
  // The ServiceAccount admission refuses pods until the namespace's `default` account exists.
  await eventually(() => core.readNamespacedServiceAccount({ namespace: ns, name: "default" }).then(() => true, () => false));
  for (const [i, r] of requests.entries())
    await core.createNamespacedPod({ namespace: ns, body: { metadata: { name: `p${i}` }, spec: { containers: [{ name: "c", image: "registry.example/app:1", resources: { requests: r } }] } } });
});
afterAll(async () => {
  await target.stop();
});

const nodes = (token: string, cluster = target.name) => callRoute(nodesRoute as Handler, { method: "GET", path: `/api/v1/clusters/${cluster}/nodes`, params: { cluster }, token });

describe("a cluster's nodes", () => {
  // One cluster per run: the simulator's nodes, or realkube's none (each run states what it checked, none is skipped).
  const simulatorNodes = async () => {
    const core = target.kc.makeApiClient(CoreV1Api);
    await eventually(async () => (await core.listNamespacedPod({ namespace: ns })).items.every((p) => p.status?.phase === "Running"));
    const bound = (await core.listNamespacedPod({ namespace: ns })).items;
    const res = await nodes(adminToken);
    expect(res.status).toBe(200);
    const items = (res.body as { items: { name: string; roles: string[]; requested: { cpu: string; memory: string }; pods: number }[] }).items;
    expect(items.map((n) => n.name)).toEqual(["sim-node-1", "sim-node-2", "sim-node-3"]);
    expect(items[0]).toMatchObject({ roles: ["control-plane"], status: "Ready", kubeletVersion: "v1.31.0", capacity: { cpu: "4", memory: "16Gi" }, allocatable: { cpu: "3800m", memory: "15872Mi" } });
    expect(items[1]!.roles).toEqual([]);
    // Each node carries exactly the requests of the pods the scheduler put on it.
    for (const n of items) {
      const mine = bound.filter((p) => p.spec?.nodeName === n.name).map((p) => requests[Number(p.metadata!.name!.slice(1))]!);
      const millicores = mine.reduce((s, r) => s + (r.cpu.endsWith("m") ? Number(r.cpu.slice(0, -1)) : Number(r.cpu) * 1000), 0);
      const mebibytes = mine.reduce((s, r) => s + (r.memory.endsWith("Gi") ? Number(r.memory.slice(0, -2)) * 1024 : Number(r.memory.slice(0, -2))), 0);
      expect(n.pods, n.name).toBe(mine.length);
      expect(n.requested.cpu, n.name).toBe(millicores === 0 ? "0" : millicores % 1000 ? `${millicores}m` : `${millicores / 1000}`);
      expect(n.requested.memory, n.name).toBe(mebibytes === 0 ? "0" : mebibytes % 1024 ? `${mebibytes}Mi` : `${mebibytes / 1024}Gi`);
    }
    expect(items.reduce((s, n) => s + n.pods, 0)).toBe(requests.length);
  };
  const controlPlaneNodes = async () => {
    const res = await nodes(adminToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  };
  if (REALKUBE) it("has none on a control plane without kubelets, whose API server accepts the same field selectors", controlPlaneNodes);
  else it("lists the simulator's nodes with capacity, allocatable, kubelet and the requests of the pods bound to each", simulatorNodes);

  it("is refused as the cluster itself is to a user who may not see clusters, and is 404 for an unknown cluster", async () => {
    const cluster = await callRoute(clusterRoute as Handler, { method: "GET", path: `/api/v1/clusters/${target.name}`, params: { cluster: target.name }, token: regularToken });
    const refused = await nodes(regularToken);
    expect([403, 404]).toContain(refused.status);
    expect(refused.status).toBe(cluster.status);
    expect(refused.contentType).toContain("application/problem+json");
    expect((await nodes(adminToken, uniqueName("gone"))).status).toBe(404);
  });

  it("is 503 with a sentence when the cluster does not answer", async () => {
    if (!target.sim) return; // only a simulator can be stopped and started again here
    await target.sim.stop();
    try {
      const res = await nodes(adminToken);
      expect(res.status).toBe(503);
      expect((res.body as { detail: string }).detail).toMatch(new RegExp(`Cluster "${target.name}" did not answer`));
    } finally {
      await target.sim.restart?.();
    }
  });
});
