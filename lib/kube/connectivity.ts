// Who can reach whom, from the NetworkPolicies in a cluster, with Kubernetes semantics: a pod is isolated
// for a direction only when a policy of that type selects it; then a connection needs a rule allowing it,
// and policies add up. Traffic flows when the source's egress AND the destination's ingress allow it.
// Namespaces are the unit here: a result holds for every pod ("allowed"), none ("denied") or depends on pod
// labels ("partial"); `ports` lists the only ports open when a rule restricts them. ipBlocks describe
// traffic from/to outside the cluster (the "external" node); pod IPs are not known, so they never match pods.
import type { V1LabelSelector, V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicyPort } from "@kubernetes/client-node";

export const EXTERNAL = "external";
export type State = "allowed" | "partial" | "denied";
export interface Side { state: State; ports?: string[]; policies: string[] }
export interface Verdict extends Side { egress: Side; ingress: Side }
export interface NamespaceInfo { name: string; labels: Record<string, string> }
type Endpoint = NamespaceInfo | typeof EXTERNAL;
type Level = "all" | "some" | "none";

export function selectorMatches(sel: V1LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!sel) return true;
  if (Object.entries(sel.matchLabels ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  return (sel.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    switch (e.operator) {
      case "In": return has && (e.values ?? []).includes(labels[e.key]!);
      case "NotIn": return !has || !(e.values ?? []).includes(labels[e.key]!);
      case "Exists": return has;
      case "DoesNotExist": return !has;
      default: return false;
    }
  });
}

const selectsAll = (sel: V1LabelSelector | undefined) => !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
const typesOf = (p: V1NetworkPolicy) => p.spec?.policyTypes?.length ? p.spec.policyTypes : p.spec?.egress?.length ? ["Ingress", "Egress"] : ["Ingress"];
const portKey = (p: V1NetworkPolicyPort) => `${p.protocol ?? "TCP"}/${p.port ?? "*"}${p.endPort ? `-${p.endPort}` : ""}`;

function peerLevel(peer: V1NetworkPolicyPeer, home: string, other: Endpoint): Level {
  if (peer.ipBlock) {
    if (other !== EXTERNAL) return "none";
    return /\/0$/.test(peer.ipBlock.cidr) && !peer.ipBlock.except?.length ? "all" : "some";
  }
  if (other === EXTERNAL) return "none";
  const nsOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, other.labels) : other.name === home;
  if (!nsOk) return "none";
  return selectsAll(peer.podSelector) ? "all" : "some";
}

/** One direction at one namespace: `type` of the policies in `home`, towards or from `other`. */
function side(home: string, other: Endpoint, type: "Ingress" | "Egress", policies: V1NetworkPolicy[]): Side {
  const applying = policies.filter((p) => p.metadata?.namespace === home && typesOf(p).includes(type));
  if (!applying.length) return { state: "allowed", policies: [] };
  const names = applying.map((p) => p.metadata!.name!).sort();
  let full: (string[] | undefined)[] = [];
  let some = false;
  for (const p of applying) {
    const rules = type === "Ingress" ? (p.spec?.ingress ?? []).map((r) => ({ peers: r._from, ports: r.ports })) : (p.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    for (const r of rules) {
      const levels = r.peers?.length ? r.peers.map((peer) => peerLevel(peer, home, other)) : ["all" as Level];
      const level: Level = levels.includes("all") ? "all" : levels.includes("some") ? "some" : "none";
      if (level === "all") full = [...full, r.ports?.length ? r.ports.map(portKey) : undefined];
      else if (level === "some") some = true;
    }
  }
  const isolatesAll = applying.some((p) => selectsAll(p.spec?.podSelector));
  let result: Side;
  if (full.some((ports) => ports === undefined)) result = { state: "allowed", policies: names };
  else if (full.length) result = { state: "allowed", ports: [...new Set(full.flat() as string[])].sort(), policies: names };
  else result = { state: some ? "partial" : "denied", policies: names };
  // Pods no policy selects stay open: with only label-selecting policies, the answer depends on the pod.
  if (!isolatesAll && !(result.state === "allowed" && !result.ports)) result = { ...result, state: "partial", ports: undefined };
  return result;
}

export function verdict(from: Endpoint, to: Endpoint, policies: V1NetworkPolicy[]): Verdict {
  const egress = from === EXTERNAL ? { state: "allowed" as const, policies: [] } : side(from.name, to, "Egress", policies);
  const ingress = to === EXTERNAL ? { state: "allowed" as const, policies: [] } : side(to.name, from, "Ingress", policies);
  const policiesUsed = [...egress.policies.map((p) => `${(from as NamespaceInfo).name}/${p}`), ...ingress.policies.map((p) => `${(to as NamespaceInfo).name}/${p}`)];
  let ports = egress.ports && ingress.ports ? egress.ports.filter((p) => ingress.ports!.includes(p)) : egress.ports ?? ingress.ports;
  let state: State = egress.state === "denied" || ingress.state === "denied" ? "denied" : egress.state === "allowed" && ingress.state === "allowed" ? "allowed" : "partial";
  if (ports && !ports.length) [state, ports] = ["denied", undefined];
  return { state, ...(ports ? { ports } : {}), policies: policiesUsed, egress, ingress };
}

export interface Matrix { nodes: string[]; cells: Record<string, Record<string, Verdict>> }

/** Every namespace (and the outside world) to every other, ingress and egress. */
export function connectivityMatrix(namespaces: NamespaceInfo[], policies: V1NetworkPolicy[]): Matrix {
  const nodes: Endpoint[] = [...[...namespaces].sort((a, b) => a.name.localeCompare(b.name)), EXTERNAL];
  const label = (e: Endpoint) => (e === EXTERNAL ? EXTERNAL : e.name);
  const cells: Matrix["cells"] = {};
  for (const from of nodes) {
    cells[label(from)] = {};
    for (const to of nodes) if (!(from === EXTERNAL && to === EXTERNAL)) cells[label(from)]![label(to)] = verdict(from, to, policies);
  }
  return { nodes: nodes.map(label), cells };
}
