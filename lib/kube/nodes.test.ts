import { describe, expect, it } from "vitest";
import type { V1Node, V1Pod, V1PodSpec } from "@kubernetes/client-node";
import { nodeSummary, podRequests, rolesOf } from "./nodes";

const node = (name: string, extra: { labels?: Record<string, string>; ready?: string; unschedulable?: boolean } = {}): V1Node => ({
  metadata: { name, labels: extra.labels },
  spec: { unschedulable: extra.unschedulable },
  status: {
    capacity: { cpu: "4", memory: "16Gi", pods: "110" },
    allocatable: { cpu: "3800m", memory: "15872Mi", pods: "110" },
    conditions: extra.ready ? [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: extra.ready }] : [],
    nodeInfo: { kubeletVersion: "v1.31.0" } as never,
  },
});

const pod = (nodeName: string | undefined, spec: Partial<V1PodSpec> = {}, phase = "Running"): V1Pod => ({
  metadata: { name: "p", namespace: "ns" },
  spec: { nodeName, containers: [], ...spec },
  status: { phase },
});
const c = (cpu?: string, memory?: string, restartPolicy?: string) => ({ name: "c", resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } }, restartPolicy });

describe("node roles", () => {
  it("are the node-role.kubernetes.io/* label names and the legacy kubernetes.io/role value, sorted", () => {
    expect(rolesOf({ "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/control-plane": "", "kubernetes.io/hostname": "n1" })).toEqual(["control-plane", "worker"]);
    expect(rolesOf({ "kubernetes.io/role": "master", "node-role.kubernetes.io/master": "" })).toEqual(["master"]);
    expect(rolesOf({ "node-role.kubernetes.io/": "x", "kubernetes.io/role": "" })).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
  });
});

describe("a pod's request", () => {
  it("sums its containers and adds the runtime overhead", () => {
    const r = podRequests(pod("n", { containers: [c("250m", "64Mi"), c("1", "1Gi"), c()], overhead: { cpu: "50m", memory: "10Mi" } }));
    expect([r.cpu.nanos, r.memory.nanos]).toEqual([1_300_000_000n, (1024n + 74n) * 2n ** 20n * 1_000_000_000n]);
  });

  it("is the largest init step when that is more, sidecars counting alongside both", () => {
    // containers 100m + sidecar 200m = 300m; init step 1 (before the sidecar) 500m; step 2 (after it) 150m + 200m.
    const spec = { containers: [c("100m")], initContainers: [c("500m"), c("200m", undefined, "Always"), c("150m")] };
    expect(podRequests(pod("n", spec)).cpu.nanos).toBe(500_000_000n);
    const smallInit = { containers: [c("100m", "1Gi")], initContainers: [c("200m", undefined, "Always"), c("250m", "2Gi")] };
    const r = podRequests(pod("n", smallInit));
    expect([r.cpu.nanos, r.memory.nanos]).toEqual([450_000_000n, 2n * 2n ** 30n * 1_000_000_000n]);
  });

  it("is the pod-level request where one is set", () => {
    expect(podRequests(pod("n", { containers: [c("1", "1Gi")], resources: { requests: { cpu: "2" } } })).cpu.nanos).toBe(2_000_000_000n);
  });
});

describe("a node's summary", () => {
  it("says its roles, readiness, kubelet, capacity and allocatable in Kubernetes notation", () => {
    expect(nodeSummary(node("n1", { labels: { "node-role.kubernetes.io/control-plane": "" }, ready: "True" }), [])).toEqual({
      name: "n1",
      roles: ["control-plane"],
      status: "Ready",
      unschedulable: false,
      kubeletVersion: "v1.31.0",
      capacity: { cpu: "4", memory: "16Gi" },
      allocatable: { cpu: "3800m", memory: "15872Mi" },
      requested: { cpu: "0", memory: "0" },
      pods: 0,
    });
    expect(nodeSummary(node("n2", { ready: "False", unschedulable: true }), [])).toMatchObject({ status: "NotReady", unschedulable: true });
    expect(nodeSummary(node("n3"), []).status).toBe("Unknown");
  });

  it("adds up the requests of the pods bound to it that have not finished", () => {
    const pods = [
      pod("n1", { containers: [c("500m", "512Mi")] }),
      pod("n1", { containers: [c("1500m", "1Gi")] }, "Pending"),
      pod("n1", { containers: [c("4", "4Gi")] }, "Succeeded"),
      pod("n1", { containers: [c("4", "4Gi")] }, "Failed"),
      pod("n2", { containers: [c("3", "3Gi")] }),
      pod(undefined, { containers: [c("3", "3Gi")] }, "Pending"),
    ];
    expect(nodeSummary(node("n1", { ready: "True" }), pods)).toMatchObject({ requested: { cpu: "2", memory: "1536Mi" }, pods: 2 });
  });
});
