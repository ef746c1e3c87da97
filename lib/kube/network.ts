// NetworkPolicies from network isolation (DESIGN §4). Policies add up (a connection is allowed when any
// policy allows it), so a namespace gets at most one ingress policy: project isolation (same namespace +
// allow-list) is stricter than workspace isolation (same workspace) and replaces it rather than adding to it.
import { NetworkingV1Api, type V1NetworkPolicy, type V1NetworkPolicyPeer, type V1NetworkPolicyPort } from "@kubernetes/client-node";
import type { AllowEntry, ProjectNetwork } from "../schemas/network";
import { apiFor, type ClusterCredentials } from "./client";
import { LABELS } from "./namespace";
import { ensureOwned, managedLabels, MANAGED_SELECTOR, type Cached } from "./owned";

export const POLICY = { workspace: "tenantry-workspace-isolation", project: "tenantry-project-isolation", egress: "tenantry-egress-isolation" } as const;
const NAME_LABEL = "kubernetes.io/metadata.name";

interface Rule { peers?: V1NetworkPolicyPeer[]; ports?: V1NetworkPolicyPort[] }

function peerOf(e: AllowEntry): V1NetworkPolicyPeer {
  if (e.project) return { namespaceSelector: { matchLabels: { [NAME_LABEL]: e.project } } };
  if (e.workspace) return { namespaceSelector: { matchLabels: { [LABELS.workspace]: e.workspace } } };
  return { ipBlock: { cidr: e.cidr!, ...(e.except?.length ? { except: e.except } : {}) } };
}

const portsOf = (e: AllowEntry): V1NetworkPolicyPort[] | undefined =>
  e.ports?.length ? e.ports.map((p) => ({ protocol: p.protocol ?? "TCP", port: p.port as never })) : undefined;

const allowRules = (allow: AllowEntry[]): Rule[] => allow.map((e) => ({ peers: [peerOf(e)], ports: portsOf(e) }));

function policy(namespace: string, name: string, type: "Ingress" | "Egress", rules: Rule[]): V1NetworkPolicy {
  const spec: V1NetworkPolicy["spec"] =
    type === "Ingress"
      ? { podSelector: {}, policyTypes: ["Ingress"], ingress: rules.map((r) => ({ ...(r.peers ? { _from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) }
      : { podSelector: {}, policyTypes: ["Egress"], egress: rules.map((r) => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) };
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace, labels: managedLabels }, spec };
}

const DNS: Rule = { ports: [{ protocol: "UDP", port: 53 as never }, { protocol: "TCP", port: 53 as never }] };
const SAME_NAMESPACE: Rule = { peers: [{ podSelector: {} }] };

/** The policies a project's namespace should carry, given its workspace's and its own isolation. */
export function desiredPolicies(namespace: string, workspace: string, workspaceIsolated: boolean, net: ProjectNetwork | undefined): V1NetworkPolicy[] {
  const out: V1NetworkPolicy[] = [];
  const allow = allowRules(net?.allow ?? []);
  if (net?.isolated) out.push(policy(namespace, POLICY.project, "Ingress", [SAME_NAMESPACE, ...allow]));
  else if (workspaceIsolated) out.push(policy(namespace, POLICY.workspace, "Ingress", [{ peers: [{ namespaceSelector: { matchLabels: { [LABELS.workspace]: workspace } } }] }, ...allow]));
  if (net?.egress?.isolated) out.push(policy(namespace, POLICY.egress, "Egress", [DNS, SAME_NAMESPACE, ...allowRules(net.egress.allow ?? [])]));
  return out;
}

export async function ensurePolicies(cluster: ClusterCredentials, namespace: string, desired: V1NetworkPolicy[], cached?: Cached<V1NetworkPolicy>): Promise<number> {
  const net = apiFor(cluster, NetworkingV1Api);
  return ensureOwned<V1NetworkPolicy>(
    {
      list: (ns) => net.listNamespacedNetworkPolicy({ namespace: ns, labelSelector: MANAGED_SELECTOR }),
      create: (ns, body) => net.createNamespacedNetworkPolicy({ namespace: ns, body }),
      replace: (ns, name, body) => net.replaceNamespacedNetworkPolicy({ namespace: ns, name, body }),
      remove: (ns, name) => net.deleteNamespacedNetworkPolicy({ namespace: ns, name }),
      spec: (o) => o.spec,
    },
    namespace,
    desired,
    cached,
  );
}
