// A project's workloads kind by kind, read as the caller's cluster identity (impersonate.ts): each kind's list
// rows, and one object's status (conditions, containers, facts), its Events and its YAML as the API server
// returned it (managedFields stripped). A Secret's values never leave this file: rows carry its keys' names, its
// YAML has no data and no last-applied annotation (which repeats them).
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  type CoreV1Event,
  type KubernetesObject,
  type V1ConfigMap,
  type V1Container,
  type V1ContainerStatus,
  type V1CronJob,
  type V1DaemonSet,
  type V1Deployment,
  type V1Job,
  type V1LabelSelector,
  type V1ObjectMeta,
  type V1Pod,
  type V1PodTemplateSpec,
  type V1Secret,
  type V1Service,
  type V1StatefulSet,
} from "@kubernetes/client-node";
import { AppError } from "../api/errors";
import { WORKLOAD_KINDS } from "../schemas/workload-kinds";
import type { FactKey, WorkloadDetail, WorkloadKind, WorkloadRow } from "../schemas/workloads";
import { withTimeout, type ClusterCredentials } from "./client";
import { kubeProblem } from "./errors";
import { apiAs, type ClusterIdentity } from "./impersonate";
import { wireYaml } from "./wire";

type Apis = { core: CoreV1Api; apps: AppsV1Api; batch: BatchV1Api };
type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: Date };
type Facts = [FactKey, string | undefined | null][];

interface KindReader<T extends KubernetesObject> {
  kind: string;
  apiVersion: string;
  list(a: Apis, namespace: string): Promise<{ items: T[] }>;
  read(a: Apis, namespace: string, name: string): Promise<T>;
  row(o: T): WorkloadRow;
  facts?(o: T): Facts;
  template?(o: T): V1PodTemplateSpec | undefined;
}

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : null);
const base = (o: KubernetesObject) => ({ name: o.metadata!.name!, createdAt: iso(o.metadata?.creationTimestamp) });
const selector = (s: V1LabelSelector | undefined) =>
  [...Object.entries(s?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`), ...(s?.matchExpressions ?? []).map((e) => `${e.key} ${e.operator} (${(e.values ?? []).join(",")})`)].join(", ");
const owner = (o: KubernetesObject) => (o.metadata?.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`).join(", ");
const condition = (o: { status?: { conditions?: Condition[] } }, type: string) => o.status?.conditions?.find((c) => c.type === type && c.status === "True");

/** When an event last happened, whichever of its times the reporter filled. */
const lastSeen = (e: CoreV1Event) => iso(e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp);
export function eventRow(e: CoreV1Event): WorkloadRow<"events"> {
  return {
    ...base(e),
    type: e.type ?? "Normal",
    reason: e.reason ?? "",
    object: `${e.involvedObject.kind ?? ""}/${e.involvedObject.name ?? ""}`,
    message: e.message ?? "",
    count: e.count ?? e.series?.count ?? 1,
    lastSeen: lastSeen(e),
  };
}
// ISO times of one format compare as strings.
const newestFirst = (a: { lastSeen: string | null }, b: { lastSeen: string | null }) => ((a.lastSeen ?? "") < (b.lastSeen ?? "") ? 1 : (a.lastSeen ?? "") > (b.lastSeen ?? "") ? -1 : 0);
/** The most recent events a view shows; a namespace can hold thousands. */
const EVENTS_SHOWN = 200;

function podRow(p: V1Pod): WorkloadRow<"pods"> {
  const statuses = p.status?.containerStatuses ?? [];
  const waiting = statuses.map((c) => c.state?.waiting?.reason ?? c.state?.terminated?.reason).find(Boolean);
  const unscheduled = p.status?.conditions?.find((c) => c.type === "PodScheduled" && c.status === "False")?.reason;
  return {
    ...base(p),
    phase: p.metadata?.deletionTimestamp ? "Terminating" : (p.status?.phase ?? "Unknown"),
    ready: `${statuses.filter((c) => c.ready).length}/${p.spec?.containers?.length ?? 0}`,
    restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    node: p.spec?.nodeName ?? null,
    reason: p.status?.reason ?? waiting ?? unscheduled ?? null,
  };
}

const READERS: { [K in WorkloadKind]: KindReader<KubernetesObject> } = {
  deployments: reader<V1Deployment>({
    kind: "Deployment",
    apiVersion: "apps/v1",
    list: (a, namespace) => a.apps.listNamespacedDeployment({ namespace }),
    read: (a, namespace, name) => a.apps.readNamespacedDeployment({ namespace, name }),
    row: (d) => ({ ...base(d), ready: `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, upToDate: d.status?.updatedReplicas ?? 0, available: d.status?.availableReplicas ?? 0 }),
    facts: (d) => [["selector", selector(d.spec?.selector)], ["strategy", d.spec?.strategy?.type]],
    template: (d) => d.spec?.template,
  }),
  statefulsets: reader<V1StatefulSet>({
    kind: "StatefulSet",
    apiVersion: "apps/v1",
    list: (a, namespace) => a.apps.listNamespacedStatefulSet({ namespace }),
    read: (a, namespace, name) => a.apps.readNamespacedStatefulSet({ namespace, name }),
    row: (s) => ({ ...base(s), ready: `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}` }),
    facts: (s) => [["selector", selector(s.spec?.selector)], ["serviceName", s.spec?.serviceName], ["strategy", s.spec?.updateStrategy?.type]],
    template: (s) => s.spec?.template,
  }),
  daemonsets: reader<V1DaemonSet>({
    kind: "DaemonSet",
    apiVersion: "apps/v1",
    list: (a, namespace) => a.apps.listNamespacedDaemonSet({ namespace }),
    read: (a, namespace, name) => a.apps.readNamespacedDaemonSet({ namespace, name }),
    row: (d) => ({ ...base(d), desired: d.status?.desiredNumberScheduled ?? 0, current: d.status?.currentNumberScheduled ?? 0, ready: d.status?.numberReady ?? 0, available: d.status?.numberAvailable ?? 0 }),
    facts: (d) => [["selector", selector(d.spec?.selector)], ["strategy", d.spec?.updateStrategy?.type]],
    template: (d) => d.spec?.template,
  }),
  jobs: reader<V1Job>({
    kind: "Job",
    apiVersion: "batch/v1",
    list: (a, namespace) => a.batch.listNamespacedJob({ namespace }),
    read: (a, namespace, name) => a.batch.readNamespacedJob({ namespace, name }),
    row: (j) => ({
      ...base(j),
      status: condition(j, "Complete") ? "Complete" : condition(j, "Failed") ? "Failed" : j.spec?.suspend ? "Suspended" : "Running",
      completions: `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}`,
      startedAt: iso(j.status?.startTime),
      completedAt: iso(j.status?.completionTime),
    }),
    facts: (j) => [["owner", owner(j)], ["selector", selector(j.spec?.selector)]],
    template: (j) => j.spec?.template,
  }),
  cronjobs: reader<V1CronJob>({
    kind: "CronJob",
    apiVersion: "batch/v1",
    list: (a, namespace) => a.batch.listNamespacedCronJob({ namespace }),
    read: (a, namespace, name) => a.batch.readNamespacedCronJob({ namespace, name }),
    row: (c) => ({ ...base(c), schedule: c.spec?.schedule ?? "", suspended: c.spec?.suspend ?? false, active: c.status?.active?.length ?? 0, lastScheduledAt: iso(c.status?.lastScheduleTime) }),
    template: (c) => c.spec?.jobTemplate?.spec?.template,
  }),
  pods: reader<V1Pod>({
    kind: "Pod",
    apiVersion: "v1",
    list: (a, namespace) => a.core.listNamespacedPod({ namespace }),
    read: (a, namespace, name) => a.core.readNamespacedPod({ namespace, name }),
    row: podRow,
    facts: (p) => [["owner", owner(p)], ["podIP", p.status?.podIP], ["hostIP", p.status?.hostIP], ["qosClass", p.status?.qosClass], ["serviceAccount", p.spec?.serviceAccountName]],
  }),
  services: reader<V1Service>({
    kind: "Service",
    apiVersion: "v1",
    list: (a, namespace) => a.core.listNamespacedService({ namespace }),
    read: (a, namespace, name) => a.core.readNamespacedService({ namespace, name }),
    row: (s) => ({ ...base(s), type: s.spec?.type ?? "ClusterIP", clusterIP: s.spec?.clusterIP ?? null, ports: (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(", ") }),
    facts: (s) => [["selector", Object.entries(s.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(", ")]],
  }),
  configmaps: reader<V1ConfigMap>({
    kind: "ConfigMap",
    apiVersion: "v1",
    list: (a, namespace) => a.core.listNamespacedConfigMap({ namespace }),
    read: (a, namespace, name) => a.core.readNamespacedConfigMap({ namespace, name }),
    row: (c) => ({ ...base(c), keys: [...Object.keys(c.data ?? {}), ...Object.keys(c.binaryData ?? {})] }),
  }),
  secrets: reader<V1Secret>({
    kind: "Secret",
    apiVersion: "v1",
    list: (a, namespace) => a.core.listNamespacedSecret({ namespace }),
    read: (a, namespace, name) => a.core.readNamespacedSecret({ namespace, name }),
    row: (s) => ({ ...base(s), type: s.type ?? "Opaque", keys: Object.keys(s.data ?? {}) }),
  }),
  events: reader<CoreV1Event>({
    kind: "Event",
    apiVersion: "v1",
    list: (a, namespace) => a.core.listNamespacedEvent({ namespace }),
    read: (a, namespace, name) => a.core.readNamespacedEvent({ namespace, name }),
    row: eventRow,
    facts: (e) => [["source", [e.source?.component ?? e.reportingComponent, e.source?.host].filter(Boolean).join(", ")]],
  }),
};
function reader<T extends KubernetesObject>(r: KindReader<T>): KindReader<KubernetesObject> {
  return r as unknown as KindReader<KubernetesObject>;
}

const apisAs = (cluster: ClusterCredentials, identity: ClusterIdentity): Apis => ({
  core: apiAs(cluster, identity, CoreV1Api),
  apps: apiAs(cluster, identity, AppsV1Api),
  batch: apiAs(cluster, identity, BatchV1Api),
});

/** The kind's objects in the namespace; events newest first (the most recent EVENTS_SHOWN). Throws the cluster's error. */
export async function listWorkloads(cluster: ClusterCredentials, identity: ClusterIdentity, namespace: string, kind: WorkloadKind): Promise<WorkloadRow[]> {
  const r = READERS[kind];
  const rows = (await withTimeout(r.list(apisAs(cluster, identity), namespace))).items.map((o) => r.row(o));
  return kind === "events" ? (rows as WorkloadRow<"events">[]).sort(newestFirst).slice(0, EVENTS_SHOWN) : rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The object as YAML people read: the API server's answer without its managedFields, a Secret without its values. */
function yamlOf(r: KindReader<KubernetesObject>, o: KubernetesObject): string {
  const { managedFields: _m, ...metadata }: V1ObjectMeta = o.metadata ?? {};
  const shown: KubernetesObject & Record<string, unknown> = { ...o, apiVersion: r.apiVersion, kind: r.kind, metadata };
  if (r.kind === "Secret") {
    const { "kubectl.kubernetes.io/last-applied-configuration": _l, ...annotations } = metadata.annotations ?? {};
    shown.metadata = { ...metadata, annotations: Object.keys(annotations).length ? annotations : undefined };
    delete shown.data;
    delete shown.stringData;
  }
  return wireYaml([shown]);
}

function containers(o: KubernetesObject, r: KindReader<KubernetesObject>): WorkloadDetail["containers"] {
  const pod = r.kind === "Pod" ? (o as V1Pod) : undefined;
  const spec = pod?.spec ?? r.template?.(o)?.spec;
  const statusOf = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  const one = (c: V1Container, init: boolean) => {
    const s = pod ? statusOf(init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses, c.name) : undefined;
    const state = s?.state?.running ? "running" : s?.state?.waiting ? "waiting" : s?.state?.terminated ? "terminated" : null;
    return { name: c.name, image: c.image ?? "", init, ready: s ? s.ready : null, restarts: s ? s.restartCount : null, state, reason: s?.state?.waiting?.reason ?? s?.state?.terminated?.reason ?? null };
  };
  return [...(spec?.initContainers ?? []).map((c) => one(c, true)), ...(spec?.containers ?? []).map((c) => one(c, false))];
}

/** One object with its status, YAML and (as `events`, its own outcome) the Events about it. Throws the cluster's error. */
export async function readWorkload(
  cluster: ClusterCredentials,
  identity: ClusterIdentity,
  namespace: string,
  kind: WorkloadKind,
  name: string,
  events: (list: () => Promise<WorkloadRow<"events">[]>) => Promise<WorkloadDetail["events"]>,
): Promise<Omit<WorkloadDetail, "cluster" | "namespace" | "identity" | "groups">> {
  const r = READERS[kind];
  const apis = apisAs(cluster, identity);
  const o = await withTimeout(r.read(apis, namespace, name));
  const about =
    kind === "events"
      ? { items: [], error: null }
      : await events(async () => {
          const fieldSelector = `involvedObject.kind=${r.kind},involvedObject.name=${name}`;
          const list = await withTimeout(apis.core.listNamespacedEvent({ namespace, fieldSelector }));
          return list.items.map(eventRow).sort(newestFirst).slice(0, EVENTS_SHOWN);
        });
  const status = (o as { status?: { conditions?: Condition[] } }).status;
  return {
    kind,
    name,
    apiVersion: r.apiVersion,
    objectKind: r.kind,
    row: r.row(o),
    labels: o.metadata?.labels ?? {},
    facts: (r.facts?.(o) ?? []).filter((f): f is [FactKey, string] => !!f[1]).map(([key, value]) => ({ key, value })),
    conditions: (status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? null, message: c.message ?? null, lastTransitionTime: iso(c.lastTransitionTime) })),
    containers: containers(o, r),
    events: about,
    yaml: yamlOf(r, o),
  };
}

/**
 * A failed read as the problem the caller gets: the cluster's RBAC refusing their identity is a 403 naming who and
 * what (cluster_forbidden), a missing object 404, a cluster not answering 503; the raw Status goes to the log.
 */
export function workloadProblem(err: unknown, what: string): AppError {
  const problem = kubeProblem(err);
  console.warn(`workloads: ${what} failed: ${problem.raw}`);
  if (problem.code === "forbidden") return new AppError(403, "cluster_forbidden", problem.message);
  if (problem.code === "not_found") return new AppError(404, "not_found", problem.message);
  if (problem.code === "timeout" || problem.code === "unreachable" || problem.code === "unavailable") return new AppError(503, "cluster_unavailable", problem.message);
  return new AppError(502, "cluster_error", problem.message);
}

/** A kind the pages do not show: a 404 naming those they do (detail.workloadKindNotFound). */
export const unknownKind = (kind: string) =>
  new AppError(404, "not_found", `Kind "${kind}" not found; the workloads pages show ${WORKLOAD_KINDS.join(", ")}.`);
