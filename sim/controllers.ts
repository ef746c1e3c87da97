// The controllers a real cluster runs behind the API: namespace deletion, each namespace's
// `default` ServiceAccount and `kube-root-ca.crt`, quota usage, the workload controllers (workloads.ts), and a
// tiny scheduler+kubelet for pods that reports its steps as Events.
import { refreshQuotaStatus } from "./quota";
import type { Registry } from "./registry";
import { resourceFor, RESOURCES } from "./resources";
import { matchLabels, selectorObjectToRequirements, type LabelSelectorObject } from "./selectors";
import type { KObject, StoreEvent } from "./store";
import { WorkloadControllers } from "./workloads";

const SYSTEM = { user: { username: "system:kube-controller-manager", groups: ["system:masters"] }, dryRun: false };
const def = (resource: string) => resourceFor("", resource)!;
/** How long namespace deletion and pod start-up take; short, yet observable as Terminating / Pending. */
const NAMESPACE_FINALIZE_MS = 150;
const POD_START_MS = 50;

export class Controllers {
  private timers = new Set<NodeJS.Timeout>();
  private unsubscribe: () => void;
  private nextNode = 0;
  private workloads: WorkloadControllers;

  constructor(private registry: Registry, private rootCA: string) {
    this.workloads = new WorkloadControllers(registry, (ms, fn) => this.later(ms, fn));
    this.unsubscribe = registry.store.subscribe((e) => this.onEvent(e));
    // Pick up work left over from a snapshot or a stop.
    for (const ns of registry.store.list(def("namespaces"))) if (ns.metadata.deletionTimestamp) this.finalizeLater(ns.metadata.name);
    for (const pod of registry.store.list(def("pods"))) if (pod.status?.phase === "Pending") this.later(POD_START_MS, () => this.startPod(pod.metadata.namespace!, pod.metadata.name));
  }

  stop() {
    this.unsubscribe();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void) {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
  }

  private onEvent(e: StoreEvent) {
    const o = e.object;
    const ns = o.metadata.namespace;
    if (e.key === "rbac.authorization.k8s.io/clusterroles") return this.aggregateClusterRoles();
    if (e.key === "/namespaces") {
      if (e.type === "ADDED") this.populate(o.metadata.name);
      if (e.type === "MODIFIED" && o.metadata.deletionTimestamp) this.finalizeLater(o.metadata.name);
      return;
    }
    if (!ns) return;
    if (e.type === "DELETED") this.repopulate(e.key, o);
    if (e.key === "/pods" && e.type === "ADDED") this.later(POD_START_MS, () => this.startPod(ns, o.metadata.name));
    this.workloads.onEvent(e);
    // Converges: a status write that changes nothing is not written again.
    refreshQuotaStatus(this.registry.store, ns);
  }

  private active(ns: string) {
    const n = this.registry.store.get(def("namespaces"), undefined, ns);
    return n && !n.metadata.deletionTimestamp;
  }

  private ensure(resource: string, ns: string, obj: Omit<KObject, "metadata"> & { metadata: { name: string; annotations?: Record<string, string> } }) {
    if (!this.active(ns) || this.registry.store.get(def(resource), ns, obj.metadata.name)) return;
    try { this.registry.create(SYSTEM, def(resource), ns, { ...obj, metadata: { ...obj.metadata, namespace: ns } }); }
    catch { /* e.g. refused by a quota, as the real controllers would be */ }
  }

  private populate(ns: string) {
    this.ensure("serviceaccounts", ns, { metadata: { name: "default" } });
    this.ensure("configmaps", ns, { metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } }, data: { "ca.crt": this.rootCA } });
  }

  /** Deleting the default ServiceAccount or root CA ConfigMap brings it straight back. */
  private repopulate(key: string, o: KObject) {
    const ns = o.metadata.namespace!;
    if ((key === "/serviceaccounts" && o.metadata.name === "default") || (key === "/configmaps" && o.metadata.name === "kube-root-ca.crt")) this.populate(ns);
  }

  private finalizeLater(ns: string) { this.later(NAMESPACE_FINALIZE_MS, () => this.finalize(ns)); }

  /** Namespace controller: deletes all content of a terminating namespace, waits for finalizers, then removes it. */
  private finalize(ns: string) {
    const store = this.registry.store;
    const n = store.get(def("namespaces"), undefined, ns);
    if (!n?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const d of RESOURCES.filter((r) => r.namespaced && !r.review)) {
      for (const o of store.list(d, ns)) {
        if (!o.metadata.deletionTimestamp) this.registry.delete(SYSTEM, d, ns, o.metadata.name);
        if (store.get(d, ns, o.metadata.name)) remaining++;
      }
    }
    if (remaining > 0) return this.finalizeLater(ns);
    store.remove(def("namespaces"), undefined, ns);
  }

  /** ClusterRole aggregation: roles with an aggregationRule get the rules of every role their selectors match. */
  private aggregateClusterRoles() {
    const d = resourceFor("rbac.authorization.k8s.io", "clusterroles")!;
    const roles = this.registry.store.list(d);
    for (const role of roles) {
      const selectors = role.aggregationRule?.clusterRoleSelectors as LabelSelectorObject[] | undefined;
      if (!selectors) continue;
      const rules: unknown[] = [];
      for (const other of roles) {
        if (other.metadata.name === role.metadata.name || !selectors.some((s) => matchLabels(selectorObjectToRequirements(s), other.metadata.labels))) continue;
        for (const rule of other.rules ?? []) if (!rules.some((r) => JSON.stringify(r) === JSON.stringify(rule))) rules.push(rule);
      }
      // The write's own event re-runs aggregation on fresh data, so stop here.
      if (JSON.stringify(rules) !== JSON.stringify(role.rules ?? [])) return void this.registry.store.put(d, { ...role, rules });
    }
  }

  /** Scheduler + kubelet: binds a pending pod to a node (unless it names one) and reports it running and ready. */
  private startPod(ns: string, name: string) {
    const store = this.registry.store;
    const pod = store.get(def("pods"), ns, name);
    const nodes = store.list(def("nodes"));
    if (!pod || pod.status?.phase !== "Pending" || nodes.length === 0) return;
    const bound = nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    const node = bound ?? nodes[this.nextNode++ % nodes.length];
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const conditions = ["PodScheduled", "Initialized", "ContainersReady", "Ready"].map((type) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: now }));
    pod.spec.nodeName = node.metadata.name;
    pod.status = {
      ...pod.status, phase: "Running", conditions, hostIP: node.status?.addresses?.[0]?.address, podIP: `10.244.${this.nextNode % 250}.${(store.list(def("pods")).length % 250) + 2}`, startTime: now,
      containerStatuses: (pod.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, imageID: "", ready: true, started: true, restartCount: 0, state: { running: { startedAt: now } } })),
    };
    const started = store.put(def("pods"), pod);
    const say = (reason: string, message: string, component: string) => this.workloads.record(def("pods"), started, "Normal", reason, message, component);
    if (!bound) say("Scheduled", `Successfully assigned ${ns}/${name} to ${node.metadata.name}`, "default-scheduler");
    for (const c of pod.spec.containers ?? []) {
      say("Pulled", `Container image "${c.image}" already present on machine`, "kubelet");
      say("Created", `Created container ${c.name}`, "kubelet");
      say("Started", `Started container ${c.name}`, "kubelet");
    }
  }
}
