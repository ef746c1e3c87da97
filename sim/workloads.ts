// The workload controllers kube-controller-manager runs behind the API: Deployments make ReplicaSets;
// ReplicaSets, StatefulSets, DaemonSets and Jobs make pods from their templates, through admission (a quota or
// Pod Security refusal is a FailedCreate event, as on a real cluster); an owner's status follows its pods;
// objects go with their owner (garbage collection); each step is an Event in the namespace, counted when repeated.
import { createHash } from "node:crypto";
import type { Registry, RequestContext } from "./registry";
import { apiVersionOf, resourceFor, type ResourceDef } from "./resources";
import type { KObject, StoreEvent } from "./store";

const SYSTEM: RequestContext = { user: { username: "system:kube-controller-manager", groups: ["system:masters"] }, dryRun: false };
const core = (r: string) => resourceFor("", r)!;
const apps = (r: string) => resourceFor("apps", r)!;
const batch = (r: string) => resourceFor("batch", r)!;
const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");
/** How long a Job's pod runs before it completes. */
const JOB_RUN_MS = 200;

// The alphabet of generated name suffixes (k8s.io/apimachinery/pkg/util/rand): no vowels, no look-alikes.
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
const suffix = (n = 5) => Array.from({ length: n }, () => ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)]).join("");
const templateHash = (template: unknown) => {
  const digest = createHash("sha256").update(JSON.stringify(template ?? {})).digest();
  return Array.from(digest.subarray(0, 10), (b) => ALPHANUMS[b % ALPHANUMS.length]).join("");
};

/** The kinds whose controllers run here: by store key, and their resources by Kind. */
const OWNER_KINDS: Record<string, string | undefined> = { "apps/deployments": "Deployment", "apps/replicasets": "ReplicaSet", "apps/statefulsets": "StatefulSet", "apps/daemonsets": "DaemonSet", "batch/jobs": "Job" };
const OWNERS: Record<string, ResourceDef | undefined> = { Deployment: apps("deployments"), ReplicaSet: apps("replicasets"), StatefulSet: apps("statefulsets"), DaemonSet: apps("daemonsets"), Job: batch("jobs") };

type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastUpdateTime?: string };
const isReady = (pod: KObject) => pod.status?.phase === "Running" && (pod.status?.conditions ?? []).some((c: Condition) => c.type === "Ready" && c.status === "True");
const controllerOf = (o: KObject) => (o.metadata.ownerReferences as { kind: string; name: string; uid: string; controller?: boolean }[] | undefined)?.find((r) => r.controller);

export class WorkloadControllers {
  constructor(private registry: Registry, private later: (ms: number, fn: () => void) => void) {}

  private get store() { return this.registry.store; }

  private active(ns: string) {
    const n = this.store.get(core("namespaces"), undefined, ns);
    return n && !n.metadata.deletionTimestamp;
  }

  onEvent(e: StoreEvent) {
    const o = e.object;
    const ns = o.metadata.namespace;
    if (!ns || e.key === "/events") return;
    if (e.type === "DELETED") this.collectGarbage(ns, o.metadata.uid);
    if (!this.active(ns)) return;
    if (e.key === "/pods") {
      const owner = controllerOf(o);
      if (owner) this.later(0, () => this.syncOwner(ns, owner.kind, owner.name));
      if (e.type === "MODIFIED" && o.status?.phase === "Running" && e.old?.status?.phase !== "Running" && owner?.kind === "Job") this.later(JOB_RUN_MS, () => this.completePod(ns, o.metadata.name));
      return;
    }
    if (e.type === "DELETED") return;
    const kind = OWNER_KINDS[e.key];
    if (kind) this.syncOwner(ns, kind, o.metadata.name);
    // A ReplicaSet's status is its Deployment's.
    const owner = e.key === "apps/replicasets" ? controllerOf(o) : undefined;
    if (owner?.kind === "Deployment") this.syncOwner(ns, "Deployment", owner.name);
  }

  private syncOwner(ns: string, kind: string, name: string) {
    if (!this.active(ns)) return;
    const d = OWNERS[kind];
    const o = d && this.store.get(d, ns, name);
    if (!d || !o || o.metadata.deletionTimestamp) return;
    if (kind === "Deployment") this.syncDeployment(d, o);
    else if (kind === "ReplicaSet") this.syncReplicaSet(d, o);
    else if (kind === "StatefulSet") this.syncStatefulSet(d, o);
    else if (kind === "DaemonSet") this.syncDaemonSet(d, o);
    else this.syncJob(d, o);
  }

  /** An Event about `o`; the same one again counts up, as the event recorder aggregates. */
  record(d: ResourceDef, o: KObject, type: "Normal" | "Warning", reason: string, message: string, component: string) {
    const ns = o.metadata.namespace!;
    const events = core("events");
    const same = this.store.list(events, ns).find((ev) => ev.involvedObject?.uid === o.metadata.uid && ev.reason === reason && ev.message === message);
    const at = now();
    try {
      if (same) return void this.store.put(events, { ...same, count: (same.count ?? 1) + 1, lastTimestamp: at });
      this.registry.create(SYSTEM, events, ns, {
        metadata: { name: `${o.metadata.name}.${Date.now().toString(16)}${suffix(3)}` },
        involvedObject: { kind: d.kind, namespace: ns, name: o.metadata.name, uid: o.metadata.uid, apiVersion: apiVersionOf(d), resourceVersion: o.metadata.resourceVersion },
        reason, message, type, count: 1, firstTimestamp: at, lastTimestamp: at,
        source: { component }, reportingComponent: component, reportingInstance: "",
      });
    } catch { /* the namespace is going away */ }
  }

  private owned(d: ResourceDef, ns: string, uid: string | undefined) {
    return this.store.list(d, ns).filter((x) => controllerOf(x)?.uid === uid && !x.metadata.deletionTimestamp);
  }

  private ownerRef(d: ResourceDef, o: KObject) {
    return { apiVersion: apiVersionOf(d), kind: d.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true };
  }

  /** Writes status only when it changed, so the controllers converge. */
  private setStatus(d: ResourceDef, o: KObject, status: Record<string, unknown>) {
    const current = this.store.get(d, o.metadata.namespace, o.metadata.name);
    if (!current || JSON.stringify(current.status ?? {}) === JSON.stringify(status)) return;
    this.store.put(d, { ...current, status });
  }

  /** Keeps a condition's times while its status stays the same. */
  private condition(o: KObject, c: Condition, updates = false): Condition {
    const old = (o.status?.conditions as Condition[] | undefined)?.find((x) => x.type === c.type);
    const at = now();
    const same = old?.status === c.status;
    return { type: c.type, status: c.status, ...(updates ? { lastUpdateTime: same && old?.reason === c.reason ? old!.lastUpdateTime : at } : {}), lastTransitionTime: same ? old!.lastTransitionTime : at, reason: c.reason, message: c.message };
  }

  private createPod(d: ResourceDef, owner: KObject, name: string, extra: { labels?: Record<string, string>; spec?: Record<string, unknown> } = {}, message = `Created pod: ${name}`) {
    const template = owner.spec?.template ?? {};
    try {
      this.registry.create(SYSTEM, core("pods"), owner.metadata.namespace, {
        metadata: { name, labels: { ...(template.metadata?.labels ?? {}), ...extra.labels }, ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}), ownerReferences: [this.ownerRef(d, owner)] },
        spec: { ...structuredClone(template.spec ?? {}), ...extra.spec },
      });
      this.record(d, owner, "Normal", "SuccessfulCreate", message, `${d.resource.replace(/s$/, "")}-controller`);
    } catch (err) {
      this.record(d, owner, "Warning", "FailedCreate", `Error creating: ${(err as Error).message}`, `${d.resource.replace(/s$/, "")}-controller`);
    }
  }

  private deletePod(d: ResourceDef, owner: KObject, pod: KObject, message = `Deleted pod: ${pod.metadata.name}`) {
    try { this.registry.delete(SYSTEM, core("pods"), pod.metadata.namespace, pod.metadata.name); } catch { return; }
    this.record(d, owner, "Normal", "SuccessfulDelete", message, `${d.resource.replace(/s$/, "")}-controller`);
  }

  private syncDeployment(d: ResourceDef, dep: KObject) {
    const ns = dep.metadata.namespace!;
    const rsDef = apps("replicasets");
    const want = dep.spec?.replicas ?? 1;
    const hash = templateHash(dep.spec?.template);
    const rsName = `${dep.metadata.name}-${hash}`;
    const sets = this.owned(rsDef, ns, dep.metadata.uid);
    const scaled = (rs: KObject, to: number) => {
      const from = rs.spec?.replicas ?? 0;
      if (from === to) return;
      this.registry.update(SYSTEM, rsDef, ns, rs.metadata.name, { ...rs, spec: { ...rs.spec, replicas: to } });
      this.record(d, dep, "Normal", "ScalingReplicaSet", `Scaled ${to > from ? "up" : "down"} replica set ${rs.metadata.name} from ${from} to ${to}`, "deployment-controller");
    };
    let current = sets.find((rs) => rs.metadata.labels?.["pod-template-hash"] === hash);
    if (!current) {
      const labels = { ...(dep.spec?.template?.metadata?.labels ?? {}), "pod-template-hash": hash };
      try {
        current = this.registry.create(SYSTEM, rsDef, ns, {
          metadata: { name: rsName, labels, annotations: { "deployment.kubernetes.io/desired-replicas": String(want), "deployment.kubernetes.io/revision": String(sets.length + 1) }, ownerReferences: [this.ownerRef(d, dep)] },
          spec: { replicas: want, selector: { ...dep.spec?.selector, matchLabels: { ...(dep.spec?.selector?.matchLabels ?? {}), "pod-template-hash": hash } }, template: { ...dep.spec?.template, metadata: { ...dep.spec?.template?.metadata, labels } } },
        });
        this.record(d, dep, "Normal", "ScalingReplicaSet", `Scaled up replica set ${rsName} from 0 to ${want}`, "deployment-controller");
      } catch { return; }
    } else scaled(current, want);
    for (const old of sets) if (old.metadata.name !== current!.metadata.name) scaled(old, 0);
    const all = this.owned(rsDef, ns, dep.metadata.uid);
    const sum = (f: string) => all.reduce((n, rs) => n + (rs.status?.[f] ?? 0), 0);
    const fresh = all.find((rs) => rs.metadata.name === current!.metadata.name);
    const available = sum("availableReplicas");
    const updated = fresh?.status?.replicas ?? 0;
    const done = updated === want && available === want && sum("replicas") === want;
    this.setStatus(d, dep, {
      observedGeneration: dep.metadata.generation,
      ...(sum("replicas") ? { replicas: sum("replicas"), updatedReplicas: updated, readyReplicas: sum("readyReplicas"), availableReplicas: available } : {}),
      ...(want - available > 0 ? { unavailableReplicas: want - available } : {}),
      conditions: [
        this.condition(dep, available >= want
          ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
          : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." }, true),
        this.condition(dep, done
          ? { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${current!.metadata.name}" has successfully progressed.` }
          : { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${current!.metadata.name}" is progressing.` }, true),
      ],
    });
  }

  private syncReplicaSet(d: ResourceDef, rs: KObject) {
    const pods = this.owned(core("pods"), rs.metadata.namespace!, rs.metadata.uid);
    const want = rs.spec?.replicas ?? 1;
    for (let i = pods.length; i < want; i++) this.createPod(d, rs, `${rs.metadata.name}-${suffix()}`);
    for (const pod of pods.slice(want).reverse()) this.deletePod(d, rs, pod);
    const left = this.owned(core("pods"), rs.metadata.namespace!, rs.metadata.uid);
    const ready = left.filter(isReady).length;
    this.setStatus(d, rs, { replicas: left.length, fullyLabeledReplicas: left.length, ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}), observedGeneration: rs.metadata.generation });
  }

  /** OrderedReady: pod N+1 only once pods 0…N are ready; scale-down from the highest ordinal. */
  private syncStatefulSet(d: ResourceDef, sts: KObject) {
    const ns = sts.metadata.namespace!;
    const name = sts.metadata.name;
    const want = sts.spec?.replicas ?? 1;
    const revision = `${name}-${templateHash(sts.spec?.template).slice(0, 10)}`;
    const pods = this.owned(core("pods"), ns, sts.metadata.uid);
    const byOrdinal = (i: number) => pods.find((p) => p.metadata.name === `${name}-${i}`);
    const parallel = sts.spec?.podManagementPolicy === "Parallel";
    for (let i = 0; i < want; i++) {
      if (byOrdinal(i)) { if (!parallel && !isReady(byOrdinal(i)!)) break; continue; }
      const pod = `${name}-${i}`;
      this.createPod(d, sts, pod, { labels: { "apps.kubernetes.io/pod-index": String(i), "controller-revision-hash": revision, "statefulset.kubernetes.io/pod-name": pod }, spec: { hostname: pod, ...(sts.spec?.serviceName ? { subdomain: sts.spec.serviceName } : {}) } }, `create Pod ${pod} in StatefulSet ${name} successful`);
      if (!parallel) break;
    }
    for (const pod of pods.filter((p) => Number(p.metadata.name.slice(name.length + 1)) >= want)) this.deletePod(d, sts, pod, `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`);
    const left = this.owned(core("pods"), ns, sts.metadata.uid);
    const ready = left.filter(isReady).length;
    this.setStatus(d, sts, {
      observedGeneration: sts.metadata.generation, replicas: left.length, ...(ready ? { readyReplicas: ready, availableReplicas: ready } : { availableReplicas: 0 }),
      currentReplicas: left.length, updatedReplicas: left.length, currentRevision: revision, updateRevision: revision, collisionCount: 0,
    });
  }

  /** One pod per node, bound to it by the controller. */
  private syncDaemonSet(d: ResourceDef, ds: KObject) {
    const ns = ds.metadata.namespace!;
    const nodes = this.store.list(core("nodes")).map((n) => n.metadata.name);
    const pods = this.owned(core("pods"), ns, ds.metadata.uid);
    for (const node of nodes) if (!pods.some((p) => p.spec?.nodeName === node)) this.createPod(d, ds, `${ds.metadata.name}-${suffix()}`, { spec: { nodeName: node } });
    const left = this.owned(core("pods"), ns, ds.metadata.uid);
    const ready = left.filter(isReady).length;
    this.setStatus(d, ds, {
      currentNumberScheduled: left.length, numberMisscheduled: 0, desiredNumberScheduled: nodes.length, numberReady: ready, observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: left.length, numberAvailable: ready, ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
    });
  }

  private syncJob(d: ResourceDef, job: KObject) {
    const ns = job.metadata.namespace!;
    const completions = job.spec?.completions ?? 1;
    const parallelism = job.spec?.parallelism ?? 1;
    const pods = this.owned(core("pods"), ns, job.metadata.uid);
    const succeeded = pods.filter((p) => p.status?.phase === "Succeeded").length;
    const failed = pods.filter((p) => p.status?.phase === "Failed").length;
    const running = pods.filter((p) => p.status?.phase === "Pending" || p.status?.phase === "Running");
    const complete = succeeded >= completions;
    if (!complete && !job.spec?.suspend) for (let i = running.length; i < Math.min(parallelism, completions - succeeded); i++) this.createPod(d, job, `${job.metadata.name}-${suffix()}`);
    const active = this.owned(core("pods"), ns, job.metadata.uid).filter((p) => p.status?.phase === "Pending" || p.status?.phase === "Running");
    if (complete && job.status?.completionTime === undefined) this.record(d, job, "Normal", "Completed", "Job completed", "job-controller");
    const at = now();
    this.setStatus(d, job, {
      ...(job.spec?.suspend ? {} : { startTime: job.status?.startTime ?? at }),
      ...(active.length ? { active: active.length } : {}),
      ...(succeeded ? { succeeded } : {}),
      ...(failed ? { failed } : {}),
      ready: active.filter(isReady).length, terminating: 0, uncountedTerminatedPods: {},
      ...(complete ? {
        completionTime: job.status?.completionTime ?? at,
        conditions: [
          this.condition(job, { type: "SuccessCriteriaMet", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" }),
          this.condition(job, { type: "Complete", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" }),
        ],
      } : {}),
    });
  }

  /** The kubelet's side of a Job's pod: its containers exit 0. */
  private completePod(ns: string, name: string) {
    const pods = core("pods");
    const pod = this.store.get(pods, ns, name);
    if (!pod || pod.status?.phase !== "Running") return;
    const at = now();
    pod.status = {
      ...pod.status, phase: "Succeeded",
      conditions: (pod.status.conditions ?? []).map((c: Condition) => (c.type === "Ready" || c.type === "ContainersReady" ? { ...c, status: "False", reason: "PodCompleted", lastTransitionTime: at } : c)),
      containerStatuses: (pod.status.containerStatuses ?? []).map((c: { state?: { running?: { startedAt?: string } } }) => ({
        ...c, ready: false, started: false, state: { terminated: { exitCode: 0, reason: "Completed", startedAt: c.state?.running?.startedAt ?? at, finishedAt: at } },
      })),
    };
    this.store.put(pods, pod);
  }

  /** Garbage collection: what an object controlled goes with it. */
  private collectGarbage(ns: string, uid: string | undefined) {
    if (!uid) return;
    for (const d of [apps("replicasets"), core("pods")]) {
      for (const o of this.store.list(d, ns)) {
        if (controllerOf(o)?.uid !== uid) continue;
        try { this.registry.delete(SYSTEM, d, ns, o.metadata.name); } catch { /* already gone */ }
      }
    }
  }
}
