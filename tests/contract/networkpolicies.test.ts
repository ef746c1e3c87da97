// NetworkPolicy CRUD: https://kubernetes.io/docs/concepts/services-networking/network-policies/
import { CoreV1Api, NetworkingV1Api, PatchStrategy, setHeaderOptions, type V1NetworkPolicy } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, openTarget, type Target } from "./target";

let t: Target;
let net: NetworkingV1Api;
let core: CoreV1Api;
let ns: string;

const isolate = (name: string): V1NetworkPolicy => ({
  metadata: { name, labels: { "app.kubernetes.io/managed-by": "tenantry" } },
  spec: {
    podSelector: {},
    policyTypes: ["Ingress"],
    ingress: [{ _from: [{ namespaceSelector: { matchLabels: { "tenantry.io/workspace": "ws1" } } }] }],
  },
});

beforeAll(async () => {
  t = await openTarget();
  net = t.admin.makeApiClient(NetworkingV1Api);
  core = t.admin.makeApiClient(CoreV1Api);
  ns = `${t.run}-netpol`;
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
  await t.close();
});

describe("networkpolicies", () => {
  it("creates, reads and lists a policy with its rules intact", async () => {
    const created = await net.createNamespacedNetworkPolicy({ namespace: ns, body: isolate("workspace") });
    expect(created.metadata?.generation).toBe(1);
    const read = await net.readNamespacedNetworkPolicy({ namespace: ns, name: "workspace" });
    expect(read.spec?.ingress?.[0]._from?.[0].namespaceSelector?.matchLabels).toEqual({ "tenantry.io/workspace": "ws1" });
    const list = await net.listNamespacedNetworkPolicy({ namespace: ns, labelSelector: "app.kubernetes.io/managed-by=tenantry" });
    expect(list.items.map((p) => p.metadata?.name)).toEqual(["workspace"]);
  });

  it("bumps generation when the spec changes", async () => {
    const p = await net.createNamespacedNetworkPolicy({ namespace: ns, body: isolate("gen") });
    const updated = await net.replaceNamespacedNetworkPolicy({ namespace: ns, name: "gen", body: { ...p, spec: { ...p.spec!, policyTypes: ["Ingress", "Egress"], egress: [{ ports: [{ port: 53, protocol: "UDP" }] }] } } });
    expect(updated.metadata?.generation).toBe(2);
    const labelled = await net.patchNamespacedNetworkPolicy({ namespace: ns, name: "gen", body: { metadata: { labels: { extra: "1" } } } }, setHeaderOptions("Content-Type", PatchStrategy.MergePatch));
    expect(labelled.metadata?.generation).toBe(2);
    expect(labelled.spec?.egress?.[0].ports?.[0]).toMatchObject({ port: 53, protocol: "UDP" });
  });

  it("deletes a policy", async () => {
    await net.createNamespacedNetworkPolicy({ namespace: ns, body: isolate("temp") });
    await net.deleteNamespacedNetworkPolicy({ namespace: ns, name: "temp" });
    const { code, body } = await failure(net.readNamespacedNetworkPolicy({ namespace: ns, name: "temp" }));
    expect(code).toBe(404);
    expect(body.message).toBe('networkpolicies.networking.k8s.io "temp" not found');
  });
});
