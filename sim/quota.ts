// ResourceQuota: usage of objects against `spec.hard`, admission (exceeded / failed quota) and the
// status the quota controller keeps current.
import { forbidden } from "./errors";
import { add, compare, formatQuantity, parseQuantity, zero, type Quantity } from "./quantity";
import { resourceFor, type ResourceDef } from "./resources";
import type { KObject, Store } from "./store";

type Usage = Map<string, Quantity>;
const one = () => parseQuantity(1);
/** Core resources a quota can count by their plain name (`pods: "10"`), besides `count/<resource>`. */
const COUNTED = new Set(["pods", "services", "configmaps", "secrets", "resourcequotas", "persistentvolumeclaims", "replicationcontrollers"]);
/** Resources whose presence a pod must declare per container when a quota tracks them. */
const POD_CONSTRAINED = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

interface Container { name: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }

function podResource(pod: KObject, kind: "requests" | "limits", resource: string): Quantity | undefined {
  const sum = (cs: Container[] | undefined) => (cs ?? []).reduce<Quantity | undefined>((acc, c) => {
    const v = c.resources?.[kind]?.[resource];
    return v === undefined ? acc : add(acc ?? zero(), parseQuantity(v));
  }, undefined);
  const main = sum(pod.spec?.containers);
  // Init containers run one at a time: the pod needs the larger of their maximum and the containers' sum.
  const init = (pod.spec?.initContainers as Container[] | undefined ?? []).map((c) => sum([c])).filter((q): q is Quantity => !!q);
  return init.reduce<Quantity | undefined>((acc, q) => (acc === undefined || compare(q, acc) > 0 ? q : acc), main);
}

const terminal = (d: ResourceDef, o: KObject) => d.resource === "pods" && ["Succeeded", "Failed"].includes(o.status?.phase);

/** `requests.cpu` → requests/cpu, `limits.memory` → limits/memory; bare `cpu`, `memory`, `ephemeral-storage` mean requests. */
function podKey(key: string): ["requests" | "limits", string] | undefined {
  if (key.startsWith("limits.")) return ["limits", key.slice(7)];
  if (key.startsWith("requests.")) return ["requests", key.slice(9)];
  return ["cpu", "memory", "ephemeral-storage"].includes(key) ? ["requests", key] : undefined;
}

/** What one object adds to each quota-tracked resource name in `tracked`. */
function usageOf(d: ResourceDef, o: KObject, tracked: string[]): Usage {
  const u: Usage = new Map();
  if (terminal(d, o)) return u;
  const countKey = d.group ? `count/${d.resource}.${d.group}` : `count/${d.resource}`;
  for (const key of tracked) {
    if (key === countKey || (!d.group && COUNTED.has(key) && key === d.resource)) u.set(key, one());
    else if (d.resource === "services" && key === "services.loadbalancers" && o.spec?.type === "LoadBalancer") u.set(key, one());
    else if (d.resource === "services" && key === "services.nodeports" && ["NodePort", "LoadBalancer"].includes(o.spec?.type)) u.set(key, parseQuantity((o.spec?.ports ?? []).length));
    else if (d.resource === "pods" && podKey(key)) {
      const q = podResource(o, ...podKey(key)!);
      if (q) u.set(key, q);
    }
  }
  return u;
}

const QUOTA_DEF = () => resourceFor("", "resourcequotas")!;

function resourceForKey(key: string): ResourceDef[] {
  if (key.startsWith("count/")) {
    const [resource, ...g] = key.slice(6).split(".");
    const d = resourceFor(g.join("."), resource);
    return d ? [d] : [];
  }
  if (key.startsWith("services.")) return [resourceFor("", "services")!];
  if (COUNTED.has(key)) return [resourceFor("", key)].filter((d): d is ResourceDef => !!d);
  return [resourceFor("", "pods")!];
}

/** Current usage in the namespace for every resource name the quota tracks (`0` when nothing uses it). */
function computeUsed(store: Store, ns: string, hard: Record<string, string>): Record<string, string> {
  const used: Record<string, string> = {};
  for (const key of Object.keys(hard)) {
    let total = zero();
    for (const d of resourceForKey(key)) for (const o of store.list(d, ns)) {
      const q = usageOf(d, o, [key]).get(key);
      if (q) total = add(total, q);
    }
    used[key] = formatQuantity(total);
  }
  return used;
}

const prettyPrint = (u: Record<string, string>) => Object.keys(u).sort().map((k) => `${k}=${u[k]}`).join(",");

/** Admission for a new object: constraint check, then `used + requested <= hard` for every quota in the namespace. */
export function admitQuota(store: Store, d: ResourceDef, o: KObject): void {
  const ns = o.metadata.namespace!;
  for (const quota of store.list(QUOTA_DEF(), ns)) {
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    const tracked = Object.keys(hard);
    if (d.resource === "pods" && !terminal(d, o)) {
      const missing = podConstraintViolations(o, tracked.filter((k) => POD_CONSTRAINED.includes(k)));
      if (missing) throw forbidden(d, o.metadata.name, `failed quota: ${quota.metadata.name}: must specify ${missing}`);
    }
    const requested = usageOf(d, o, tracked);
    if (requested.size === 0) continue;
    const used = computeUsed(store, ns, hard);
    const exceeded = [...requested.keys()].filter((k) => compare(add(parseQuantity(used[k] ?? "0"), requested.get(k)!), parseQuantity(hard[k])) > 0);
    if (exceeded.length === 0) continue;
    const pick = (f: (k: string) => string) => Object.fromEntries(exceeded.map((k) => [k, f(k)]));
    throw forbidden(d, o.metadata.name, `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(pick((k) => formatQuantity(requested.get(k)!)))}, used: ${prettyPrint(pick((k) => used[k] ?? "0"))}, limited: ${prettyPrint(pick((k) => formatQuantity(parseQuantity(hard[k]))))}`);
  }
}

/** `limits.cpu for: app; requests.memory for: app,sidecar` or undefined when every container declares them. */
function podConstraintViolations(pod: KObject, required: string[]): string | undefined {
  const missing = new Map<string, string[]>();
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    for (const key of required) {
      const [kind, res] = podKey(key)!;
      if (c.resources?.[kind]?.[res] === undefined) missing.set(key, [...(missing.get(key) ?? []), c.name].sort());
    }
  }
  if (missing.size === 0) return undefined;
  return [...missing.keys()].sort().map((k) => `${k} for: ${missing.get(k)!.join(",")}`).join("; ");
}

/** Quota controller: refreshes status.hard/used of every quota in the namespace when they drift. */
export function refreshQuotaStatus(store: Store, ns: string): void {
  for (const quota of store.list(QUOTA_DEF(), ns)) {
    const spec: Record<string, string> = quota.spec?.hard ?? {};
    const hard = Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, formatQuantity(parseQuantity(v))]));
    const status = { hard, used: computeUsed(store, ns, spec) };
    if (JSON.stringify(status) !== JSON.stringify(quota.status)) store.put(QUOTA_DEF(), { ...quota, status });
  }
}
