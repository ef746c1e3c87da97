// ResourceQuota and LimitRange admission:
// https://kubernetes.io/docs/concepts/policy/resource-quotas/ and .../policy/limit-range/
import { CoreV1Api, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, failure, openTarget, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
const namespaces: string[] = [];

beforeAll(async () => { t = await openTarget(); core = t.admin.makeApiClient(CoreV1Api); });
afterAll(async () => {
  for (const name of namespaces) await core.deleteNamespace({ name }).catch(() => undefined);
  await t.close();
});

async function namespace(suffix: string) {
  const name = `${t.run}-${suffix}`;
  namespaces.push(name);
  await core.createNamespace({ body: { metadata: { name } } });
  return name;
}

const pod = (name: string, resources?: { requests?: Record<string, string>; limits?: Record<string, string> }): V1Pod =>
  ({ metadata: { name }, spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.9", resources }] } });

describe("ResourceQuota", () => {
  let ns: string;
  beforeAll(async () => {
    ns = await namespace("quota");
    // The ConfigMap first: a quota made while the controller manager is still publishing it may count it only at
    // the quota controller's next full resync (5 minutes), as a creation between the quota's first count and its
    // admission is charged by neither.
    await eventually(() => core.readNamespacedConfigMap({ namespace: ns, name: "kube-root-ca.crt" }));
    await core.createNamespacedResourceQuota({ namespace: ns, body: { metadata: { name: "compute" }, spec: { hard: { pods: "2", "requests.cpu": "1", "limits.memory": "1Gi" } } } });
    await core.createNamespacedResourceQuota({ namespace: ns, body: { metadata: { name: "objects" }, spec: { hard: { configmaps: "3", "count/services": "1" } } } });
  });

  const used = async (name: string) => (await core.readNamespacedResourceQuota({ namespace: ns, name })).status?.used;

  it("reports status.hard and a zero status.used", async () => {
    const q = await eventually(async () => {
      const r = await core.readNamespacedResourceQuota({ namespace: ns, name: "compute" });
      expect(r.status?.used).toBeDefined();
      return r;
    });
    expect(q.status?.hard).toEqual({ pods: "2", "requests.cpu": "1", "limits.memory": "1Gi" });
    expect(q.status?.used).toEqual({ pods: "0", "requests.cpu": "0", "limits.memory": "0" });
  });

  it("counts the namespace's own kube-root-ca.crt ConfigMap", async () => {
    await eventually(async () => expect(await used("objects")).toEqual({ configmaps: "1", "count/services": "0" }));
  });

  it("refuses a pod that does not declare a tracked resource", async () => {
    const { code, body } = await failure(core.createNamespacedPod({ namespace: ns, body: pod("bare") }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ reason: "Forbidden", details: { name: "bare", kind: "pods" } });
    expect(body.message).toBe('pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app');
  });

  it("admits pods within quota and sums their usage", async () => {
    await core.createNamespacedPod({ namespace: ns, body: pod("p1", { requests: { cpu: "500m" }, limits: { memory: "256Mi" } }) });
    await eventually(async () => expect(await used("compute")).toEqual({ pods: "1", "requests.cpu": "500m", "limits.memory": "256Mi" }));
  });

  it("refuses a pod that would exceed a compute quota", async () => {
    const { code, body } = await failure(core.createNamespacedPod({ namespace: ns, body: pod("greedy", { requests: { cpu: "600m" }, limits: { memory: "256Mi" } }) }));
    expect(code).toBe(403);
    expect(body.message).toBe('pods "greedy" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=500m, limited: requests.cpu=1');
  });

  it("refuses the pod beyond the pod count", async () => {
    await core.createNamespacedPod({ namespace: ns, body: pod("p2", { requests: { cpu: "250m" }, limits: { memory: "256Mi" } }) });
    await eventually(async () => expect((await used("compute"))?.pods).toBe("2"));
    const { code, body } = await failure(core.createNamespacedPod({ namespace: ns, body: pod("p3", { requests: { cpu: "100m" }, limits: { memory: "1Mi" } }) }));
    expect(code).toBe(403);
    expect(body.message).toBe('pods "p3" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it("refuses objects beyond an object-count quota", async () => {
    await core.createNamespacedService({ namespace: ns, body: { metadata: { name: "one" }, spec: { ports: [{ port: 80 }] } } });
    await eventually(async () => expect((await used("objects"))?.["count/services"]).toBe("1"));
    const { code, body } = await failure(core.createNamespacedService({ namespace: ns, body: { metadata: { name: "two" }, spec: { ports: [{ port: 80 }] } } }));
    expect(code).toBe(403);
    expect(body.message).toBe('services "two" is forbidden: exceeded quota: objects, requested: count/services=1, used: count/services=1, limited: count/services=1');
  });

  it("releases usage when objects are deleted", async () => {
    await core.deleteNamespacedPod({ namespace: ns, name: "p1", gracePeriodSeconds: 0 });
    await eventually(async () => expect(await used("compute")).toEqual({ pods: "1", "requests.cpu": "250m", "limits.memory": "256Mi" }));
  });
});

describe("LimitRange", () => {
  let ns: string;
  beforeAll(async () => {
    ns = await namespace("limits");
    await core.createNamespacedLimitRange({ namespace: ns, body: { metadata: { name: "defaults" }, spec: { limits: [{ type: "Container", _default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" }, max: { cpu: "1", memory: "1Gi" } }] } } });
  });

  it("fills container requests and limits from the defaults and says so", async () => {
    const p = await core.createNamespacedPod({ namespace: ns, body: pod("defaulted") });
    const r = p.spec!.containers[0].resources!;
    expect(r.requests).toEqual({ cpu: "100m", memory: "128Mi" });
    expect(r.limits).toEqual({ cpu: "500m", memory: "256Mi" });
    expect(p.metadata?.annotations?.["kubernetes.io/limit-ranger"]).toBe("LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app");
  });

  it("keeps what the container declares", async () => {
    const p = await core.createNamespacedPod({ namespace: ns, body: pod("explicit", { requests: { cpu: "200m" }, limits: { cpu: "800m" } }) });
    expect(p.spec!.containers[0].resources).toEqual({ requests: { cpu: "200m", memory: "128Mi" }, limits: { cpu: "800m", memory: "256Mi" } });
  });

  it("refuses a container above the maximum with 403 Forbidden", async () => {
    const { code, body } = await failure(core.createNamespacedPod({ namespace: ns, body: pod("big", { limits: { cpu: "2" } }) }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ reason: "Forbidden", details: { name: "big", kind: "pods" } });
    expect(body.message).toBe('pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });
});

describe("Pod Security Admission", () => {
  let ns: string;
  beforeAll(async () => {
    ns = await namespace("psa");
    await core.patchNamespace({ name: ns, body: [{ op: "add", path: "/metadata/labels/pod-security.kubernetes.io~1enforce", value: "restricted" }] });
  });

  it("refuses a pod that breaks the enforced restricted level", async () => {
    const { code, body } = await failure(core.createNamespacedPod({ namespace: ns, body: pod("plain") }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ reason: "Forbidden", details: { name: "plain", kind: "pods" } });
    expect(body.message).toBe('pods "plain" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")');
  });

  it("admits a pod that meets it", async () => {
    const hardened: V1Pod = { metadata: { name: "hardened" }, spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: "RuntimeDefault" } },
      containers: [{ name: "app", image: "registry.k8s.io/pause:3.9", securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
    } };
    expect((await core.createNamespacedPod({ namespace: ns, body: hardened })).metadata?.name).toBe("hardened");
  });
});
