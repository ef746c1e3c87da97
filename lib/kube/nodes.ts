// A cluster's nodes as the console shows them: roles, readiness, capacity and allocatable cpu/memory, the kubelet,
// and what the pods bound to each node request (as `kubectl describe node` adds it up).
import { CoreV1Api, type V1Container, type V1Node, type V1Pod } from "@kubernetes/client-node";
import { add, formatQuantity, parseQuantity, zero, type Quantity } from "@/sim/quantity";
import { apiFor, withTimeout, type ClusterCredentials } from "./client";

const NODE_RESOURCES = ["cpu", "memory"] as const;
type Resource = (typeof NODE_RESOURCES)[number];
export type Amounts = Record<Resource, string>;

export interface NodeSummary {
  name: string;
  roles: string[];
  status: "Ready" | "NotReady" | "Unknown";
  unschedulable: boolean;
  kubeletVersion: string | null;
  capacity: Amounts;
  allocatable: Amounts;
  requested: Amounts;
  /** Pods bound to the node that have not finished. */
  pods: number;
}

const ROLE_PREFIX = "node-role.kubernetes.io/";

/** Roles as kubectl prints them: every `node-role.kubernetes.io/<role>` label, and the legacy `kubernetes.io/role` value. */
export function rolesOf(labels: Record<string, string> = {}): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort();
}

type Sum = Record<Resource, Quantity>;
const empty = (): Sum => ({ cpu: zero(), memory: zero() });
const quantity = (v: unknown): Quantity => {
  try {
    return v === undefined || v === null ? zero() : parseQuantity(String(v));
  } catch {
    return zero(); // a value the API server stored is valid; an odd one counts as nothing rather than failing the page
  }
};
const requestsOf = (c: Pick<V1Container, "resources">): Sum => ({ cpu: quantity(c.resources?.requests?.cpu), memory: quantity(c.resources?.requests?.memory) });
const plus = (a: Sum, b: Sum): Sum => ({ cpu: add(a.cpu, b.cpu), memory: add(a.memory, b.memory) });
const max = (a: Sum, b: Sum): Sum => ({ cpu: a.cpu.nanos >= b.cpu.nanos ? a.cpu : b.cpu, memory: a.memory.nanos >= b.memory.nanos ? a.memory : b.memory });

/**
 * A pod's effective request, as the scheduler counts it (k8s.io/component-helpers resource.PodRequests): its
 * containers and sidecars (init containers with restartPolicy Always) together, or the largest init step if that
 * is more, plus the runtime class's overhead; pod-level resources, where set, replace the containers' sum.
 */
export function podRequests(pod: V1Pod): Sum {
  const spec = pod.spec;
  if (!spec) return empty();
  let reqs = (spec.containers ?? []).reduce((s, c) => plus(s, requestsOf(c)), empty());
  let sidecars = empty();
  let init = empty();
  for (const c of spec.initContainers ?? []) {
    let step = requestsOf(c);
    if (c.restartPolicy === "Always") {
      reqs = plus(reqs, step);
      sidecars = plus(sidecars, step);
      step = sidecars;
    } else step = plus(step, sidecars);
    init = max(init, step);
  }
  reqs = max(reqs, init);
  const podLevel = spec.resources?.requests;
  for (const r of NODE_RESOURCES) if (podLevel?.[r] !== undefined) reqs[r] = quantity(podLevel[r]);
  return plus(reqs, { cpu: quantity(spec.overhead?.cpu), memory: quantity(spec.overhead?.memory) });
}

const amounts = (list: Record<string, string> | undefined): Amounts => ({ cpu: formatQuantity(quantity(list?.cpu)), memory: formatQuantity(quantity(list?.memory)) });
/** Sums in their natural notation: cores (500m, 2), bytes in binary units (1536Mi). */
const shown = (s: Sum): Amounts => ({ cpu: formatQuantity({ nanos: s.cpu.nanos, format: "DecimalSI" }), memory: formatQuantity({ nanos: s.memory.nanos, format: "BinarySI" }) });

/** One node with the pods bound to it (others are ignored; finished pods no longer hold their requests). */
export function nodeSummary(node: V1Node, pods: V1Pod[]): NodeSummary {
  const name = node.metadata?.name ?? "";
  const running = pods.filter((p) => p.spec?.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
  const ready = node.status?.conditions?.find((c) => c.type === "Ready")?.status;
  return {
    name,
    roles: rolesOf(node.metadata?.labels),
    status: ready === "True" ? "Ready" : ready === "False" ? "NotReady" : "Unknown",
    unschedulable: node.spec?.unschedulable === true,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion || null,
    capacity: amounts(node.status?.capacity),
    allocatable: amounts(node.status?.allocatable),
    requested: shown(running.reduce((s, p) => plus(s, podRequests(p)), empty())),
    pods: running.length,
  };
}

/** Every pod bound to a node and not finished, page by page: one list for the cluster rather than one per node. */
async function boundPods(core: CoreV1Api): Promise<V1Pod[]> {
  const pods: V1Pod[] = [];
  let token: string | undefined;
  do {
    const page = await withTimeout(core.listPodForAllNamespaces({ fieldSelector: "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed", limit: 500, _continue: token }));
    pods.push(...page.items);
    token = page.metadata?._continue || undefined;
  } while (token);
  return pods;
}

/** The cluster's nodes by name; a cluster without kubelets (a bare control plane) has none. */
export async function listNodeSummaries(cluster: ClusterCredentials): Promise<NodeSummary[]> {
  const core = apiFor(cluster, CoreV1Api);
  const [nodes, pods] = await Promise.all([withTimeout(core.listNode({})), boundPods(core)]);
  const byNode = new Map<string, V1Pod[]>();
  for (const p of pods) {
    const on = byNode.get(p.spec?.nodeName ?? "");
    if (on) on.push(p);
    else byNode.set(p.spec?.nodeName ?? "", [p]);
  }
  return nodes.items.map((n) => nodeSummary(n, byNode.get(n.metadata?.name ?? "") ?? [])).sort((a, b) => a.name.localeCompare(b.name));
}
