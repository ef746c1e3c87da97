// Admission the simulator runs on writes: NamespaceLifecycle, LimitRanger and the RBAC escalation check.
import { UNDELETABLE_NAMESPACES } from "./bootstrap";
import { forbidden, notFound } from "./errors";
import { add, canonical, compare, formatQuantity, parseQuantity, zero, type Quantity } from "./quantity";
import { authorize, covers, escalationMessage, rulesFor, SUPERUSER_GROUP, type PolicyRule, type RuleSource, type UserInfo } from "./rbac";
import { resourceFor, type ResourceDef } from "./resources";
import type { KObject, Store } from "./store";

const NS = () => resourceFor("", "namespaces")!;

export function namespaceLifecycle(store: Store, d: ResourceDef, op: "create" | "delete", o: KObject): void {
  if (op === "delete") {
    if (d.resource === "namespaces" && UNDELETABLE_NAMESPACES.includes(o.metadata.name)) throw forbidden(d, o.metadata.name, "this namespace may not be deleted");
    return;
  }
  if (!d.namespaced) return;
  const ns = o.metadata.namespace!;
  const namespace = store.get(NS(), undefined, ns);
  if (!namespace) throw notFound(NS(), ns);
  if (namespace.status?.phase === "Terminating") {
    throw forbidden(d, o.metadata.name, `unable to create new content in namespace ${ns} because it is being terminated`, [
      { reason: "NamespaceTerminating", message: `namespace ${ns} is being terminated`, field: "metadata.namespace" },
    ]);
  }
}

type ResourceList = Record<string, string>;
interface Container { name: string; resources?: { requests?: ResourceList; limits?: ResourceList } }
interface LimitItem { type: string; default?: ResourceList; defaultRequest?: ResourceList; max?: ResourceList; min?: ResourceList }

/** LimitRange API defaulting: default ← max, defaultRequest ← default ← min (stored on the LimitRange). */
export function defaultLimitRange(o: KObject): void {
  for (const item of (o.spec?.limits ?? []) as LimitItem[]) {
    if (item.type !== "Container") continue;
    const def = { ...(item.max ?? {}), ...(item.default ?? {}) };
    const req = { ...(item.min ?? {}), ...def, ...(item.defaultRequest ?? {}) };
    if (Object.keys(def).length) item.default = def;
    if (Object.keys(req).length) item.defaultRequest = req;
  }
}

const sorted = (l: ResourceList | undefined) => Object.keys(l ?? {}).sort();

function constraintErrors(scope: string, item: LimitItem, requests: ResourceList, limits: ResourceList): string[] {
  const errs: string[] = [];
  for (const res of sorted(item.min)) {
    const min = parseQuantity(item.min![res]);
    if (requests[res] === undefined) errs.push(`minimum ${res} usage per ${scope} is ${canonical(item.min![res])}.  No request is specified`);
    else if (compare(parseQuantity(requests[res]), min) < 0) errs.push(`minimum ${res} usage per ${scope} is ${canonical(item.min![res])}, but request is ${canonical(requests[res])}`);
    else if (limits[res] !== undefined && compare(parseQuantity(limits[res]), min) < 0) errs.push(`minimum ${res} usage per ${scope} is ${canonical(item.min![res])}, but limit is ${canonical(limits[res])}`);
  }
  for (const res of sorted(item.max)) {
    const max = parseQuantity(item.max![res]);
    if (limits[res] === undefined) errs.push(`maximum ${res} usage per ${scope} is ${canonical(item.max![res])}.  No limit is specified`);
    else if (compare(parseQuantity(limits[res]), max) > 0) errs.push(`maximum ${res} usage per ${scope} is ${canonical(item.max![res])}, but limit is ${canonical(limits[res])}`);
    else if (requests[res] !== undefined && compare(parseQuantity(requests[res]), max) > 0) errs.push(`maximum ${res} usage per ${scope} is ${canonical(item.max![res])}, but request is ${canonical(requests[res])}`);
  }
  return errs;
}

function sumResources(cs: Container[], kind: "requests" | "limits"): ResourceList {
  const totals = new Map<string, Quantity>();
  for (const c of cs) for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) totals.set(k, add(totals.get(k) ?? zero(), parseQuantity(v)));
  return Object.fromEntries([...totals].map(([k, q]) => [k, formatQuantity(q)]));
}

/** LimitRanger on pod create: fills container defaults, then enforces min/max per Container and per Pod. */
export function limitRanger(store: Store, pod: KObject): void {
  const ranges = store.list(resourceFor("", "limitranges")!, pod.metadata.namespace);
  if (ranges.length === 0) return;
  const groups: [string, Container[]][] = [["container", pod.spec?.containers ?? []], ["init container", pod.spec?.initContainers ?? []]];
  const notes: string[] = [];
  for (const range of ranges) for (const item of (range.spec?.limits ?? []) as LimitItem[]) {
    if (item.type !== "Container") continue;
    for (const [label, cs] of groups) for (const c of cs) {
      c.resources ??= {};
      const set = (kind: "requests" | "limits", values: ResourceList | undefined) => {
        const added = sorted(values).filter((k) => c.resources![kind]?.[k] === undefined);
        if (added.length) c.resources![kind] = { ...(c.resources![kind] ?? {}), ...Object.fromEntries(added.map((k) => [k, values![k]])) };
        if (added.length) notes.push(`${added.join(", ")} ${kind === "requests" ? "request" : "limit"} for ${label} ${c.name}`);
      };
      set("requests", item.defaultRequest);
      set("limits", item.default);
    }
  }
  if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), "kubernetes.io/limit-ranger": `LimitRanger plugin set: ${notes.join("; ")}` };

  const errs: string[] = [];
  for (const range of ranges) for (const item of (range.spec?.limits ?? []) as LimitItem[]) {
    if (item.type === "Container") {
      for (const [, cs] of groups) for (const c of cs) errs.push(...constraintErrors("Container", item, c.resources?.requests ?? {}, c.resources?.limits ?? {}));
    } else if (item.type === "Pod") {
      const cs = pod.spec?.containers ?? [];
      errs.push(...constraintErrors("Pod", item, sumResources(cs, "requests"), sumResources(cs, "limits")));
    }
  }
  if (errs.length) throw forbidden(resourceFor("", "pods")!, pod.metadata.name, errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
}

const RBAC = "rbac.authorization.k8s.io";

/** Roles may only grant rules the author holds (or `escalate`); bindings only to roles the author holds (or `bind`). */
export function checkEscalation(src: RuleSource, user: UserInfo, d: ResourceDef, o: KObject): void {
  if (d.group !== RBAC || user.groups.includes(SUPERUSER_GROUP)) return;
  const ns = d.namespaced ? o.metadata.namespace : undefined;
  const can = (verb: string, resource: string, name: string) =>
    authorize(src, { user, verb, resourceRequest: true, apiGroup: RBAC, resource, namespace: ns, name }).allowed;
  let rules: PolicyRule[];
  if (d.resource === "roles" || d.resource === "clusterroles") {
    if (can("escalate", d.resource, o.metadata.name)) return;
    rules = o.rules ?? [];
  } else {
    const ref = o.roleRef ?? {};
    if (can("bind", ref.kind === "ClusterRole" ? "clusterroles" : "roles", ref.name)) return;
    rules = (ref.kind === "ClusterRole" ? src.clusterRole(ref.name) : ns ? src.role(ns, ref.name) : undefined)?.rules ?? [];
  }
  const { covered, missing } = covers(rulesFor(src, user, ns), rules);
  if (!covered) throw forbidden(d, o.metadata.name, escalationMessage(user, missing));
}
