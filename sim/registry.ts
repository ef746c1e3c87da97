// Generic REST storage: the create/get/list/update/patch/delete semantics of the real registry,
// with admission and validation wired in, on top of the in-memory store.
import { randomUUID } from "node:crypto";
import YAML from "yaml";
import { checkEscalation, defaultLimitRange, limitRanger, namespaceLifecycle } from "./admission";
import { ApiError, alreadyExists, badRequest, conflict, fieldInvalid, invalid, notFound, statusSuccess } from "./errors";
import { jsonPatch, mergePatch, strategicMergePatch } from "./patch";
import { podSecurity } from "./podsecurity";
import { admitQuota } from "./quota";
import type { Binding, PolicyRule, RuleSource, UserInfo } from "./rbac";
import { apiVersionOf, resourceFor, type ResourceDef } from "./resources";
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from "./selectors";
import type { KObject, Store } from "./store";
import { applyDefaults, jobSelector, mergeStringData, qosClass, validate } from "./validation";
import { admitPolicies } from "./vap";

export interface RequestContext { user: UserInfo; dryRun: boolean }
export interface ListQuery { labelSelector?: string; fieldSelector?: string; limit?: number; continue?: string }

const rbac = (resource: string) => resourceFor("rbac.authorization.k8s.io", resource)!;

/** RBAC rules read live from the store. */
function storeRules(store: Store): RuleSource {
  return {
    clusterRoleBindings: () => store.list(rbac("clusterrolebindings")) as unknown as Binding[],
    roleBindings: (ns) => store.list(rbac("rolebindings"), ns) as unknown as Binding[],
    clusterRole: (name) => store.get(rbac("clusterroles"), undefined, name) as { rules?: PolicyRule[] } | undefined,
    role: (ns, name) => store.get(rbac("roles"), ns, name) as { rules?: PolicyRule[] } | undefined,
  };
}

const encodeContinue = (rv: string, start: string) => Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: Number(rv), start })).toString("base64url");
function decodeContinue(token: string): string {
  try {
    const start = JSON.parse(Buffer.from(token, "base64url").toString()).start;
    if (typeof start === "string") return start;
  } catch { /* reported below */ }
  throw badRequest(`The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.`);
}

/** Structural equality, blind to key order (clients send keys in any order). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => deepEqual(x[k], y[k]));
}
/** Everything outside metadata and status: a change here bumps metadata.generation. */
const specPart = (o: KObject) => Object.fromEntries(Object.entries(o).filter(([k]) => !["metadata", "status", "kind", "apiVersion"].includes(k)));
const tracksGeneration = (d: ResourceDef, o: KObject) => d.resource !== "namespaces" && o.spec !== undefined;

export class Registry {
  readonly rules: RuleSource;
  constructor(readonly store: Store) { this.rules = storeRules(store); }

  private typed(d: ResourceDef, o: KObject): KObject {
    return { apiVersion: apiVersionOf(d), kind: d.kind, ...o, metadata: o.metadata };
  }

  get(d: ResourceDef, ns: string | undefined, name: string): KObject {
    const o = this.store.get(d, ns, name);
    if (!o) throw notFound(d, name);
    return this.typed(d, o);
  }

  list(d: ResourceDef, ns: string | undefined, q: ListQuery) {
    const labels = parseLabelSelector(q.labelSelector);
    const fields = parseFieldSelector(q.fieldSelector, ["metadata.name", "metadata.namespace", ...(d.fields ?? [])]);
    const rv = this.store.resourceVersion;
    const start = q.continue ? decodeContinue(q.continue) : undefined;
    const key = (o: KObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
    let items = this.store.list(d, ns).filter((o) => (start === undefined || key(o) > start) && matchLabels(labels, o.metadata.labels) && matchFields(fields, o));
    const metadata: Record<string, unknown> = { resourceVersion: rv };
    if (q.limit && q.limit > 0 && items.length > q.limit) {
      const remaining = items.length - q.limit;
      items = items.slice(0, q.limit);
      metadata.continue = encodeContinue(rv, key(items[items.length - 1]));
      if (!labels.length && !fields.length) metadata.remainingItemCount = remaining;
    }
    // Items of a typed list carry no kind/apiVersion, as from a real API server.
    return { kind: `${d.kind}List`, apiVersion: apiVersionOf(d), metadata, items: items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest) };
  }

  private checkTypeMeta(d: ResourceDef, body: KObject) {
    if (body.apiVersion && body.apiVersion !== apiVersionOf(d)) throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(d)})`);
    if (body.kind && body.kind !== d.kind) throw badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${d.kind})`);
  }

  private checkNamespace(d: ResourceDef, ns: string | undefined, body: KObject) {
    if (!d.namespaced) { delete body.metadata.namespace; return; }
    if (body.metadata.namespace && body.metadata.namespace !== ns) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    body.metadata.namespace = ns;
  }

  create(ctx: RequestContext, d: ResourceDef, ns: string | undefined, input: KObject): KObject {
    if (!input || typeof input !== "object") throw badRequest("Object 'Kind' is missing in 'null'");
    this.checkTypeMeta(d, input);
    const o = this.typed(d, { ...structuredClone(input), metadata: { ...(input.metadata ?? {}) } });
    this.checkNamespace(d, ns, o);
    if (!o.metadata.name && o.metadata.generateName) o.metadata.name = o.metadata.generateName + randomUUID().replace(/-/g, "").slice(0, 5);
    for (const k of ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "generation"]) delete o.metadata[k];
    checkEscalation(this.rules, ctx.user, d, o);
    admitPolicies(this.store, { user: ctx.user, op: "CREATE", d, namespace: o.metadata.namespace, name: o.metadata.name, object: o, oldObject: null });
    namespaceLifecycle(this.store, d, "create", o);
    applyDefaults(d, o);
    if (d.resource === "limitranges") defaultLimitRange(o);
    if (d.resource === "pods") limitRanger(this.store, o);
    validate(d, o);
    if (d.resource === "pods") podSecurity(this.store, o);
    admitQuota(this.store, d, o);
    if (d.resource === "pods") o.status = { phase: "Pending", qosClass: qosClass(o) };
    if (this.store.get(d, o.metadata.namespace, o.metadata.name)) throw alreadyExists(d, o.metadata.name);
    o.metadata.uid = randomUUID();
    if (d.resource === "jobs") jobSelector(o);
    o.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    if (tracksGeneration(d, o)) o.metadata.generation = 1;
    return ctx.dryRun ? o : this.typed(d, this.store.put(d, o));
  }

  update(ctx: RequestContext, d: ResourceDef, ns: string | undefined, name: string, input: KObject, subresource?: string): KObject {
    if (!input?.metadata) throw badRequest("Object 'Kind' is missing in the request body");
    this.checkTypeMeta(d, input);
    if (input.metadata.name && input.metadata.name !== name) throw badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
    const old = this.store.get(d, ns, name);
    if (!old) {
      if (d.createOnUpdate && !subresource) return this.create(ctx, d, ns, { ...input, metadata: { ...input.metadata, name } });
      throw notFound(d, name);
    }
    const o = this.typed(d, structuredClone(input));
    o.metadata.name = name;
    this.checkNamespace(d, ns, o);
    const rv = o.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(d, name);
    for (const k of ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion"]) {
      if (old.metadata[k] === undefined) delete o.metadata[k];
      else o.metadata[k] = old.metadata[k];
    }
    // The main resource cannot change status and the status subresource cannot change anything else.
    const hasStatus = d.subresources?.includes("status");
    if (subresource === "status") Object.assign(o, { ...old, metadata: { ...old.metadata, labels: o.metadata.labels, annotations: o.metadata.annotations }, status: o.status });
    else if (hasStatus || d.resource === "namespaces") o.status = old.status;
    if (d.resource === "namespaces") {
      // Only the finalize subresource may change a namespace's spec.finalizers.
      if (subresource !== "finalize") o.spec = old.spec;
      o.metadata.labels = { ...(o.metadata.labels ?? {}), "kubernetes.io/metadata.name": name };
    }
    if (d.group === "rbac.authorization.k8s.io" && d.resource.endsWith("bindings") && JSON.stringify(o.roleRef) !== JSON.stringify(old.roleRef)) {
      throw invalid(d.kind, d.group, name, [fieldInvalid("roleRef", o.roleRef, "cannot change roleRef")]);
    }
    if (d.group === "rbac.authorization.k8s.io") checkEscalation(this.rules, ctx.user, d, o);
    if (d.resource === "secrets") mergeStringData(o);
    admitPolicies(this.store, { user: ctx.user, op: "UPDATE", d, namespace: ns, name, subresource, object: o, oldObject: this.typed(d, old) });
    validate(d, o);
    if (tracksGeneration(d, old) && !deepEqual(specPart(o), specPart(old))) o.metadata.generation = (old.metadata.generation ?? 0) + 1;
    // A no-op update keeps the resourceVersion, as on a real server.
    if (deepEqual(this.typed(d, old), o)) return this.typed(d, old);
    if (ctx.dryRun) return o;
    // Removing the last finalizer of an object being deleted completes its deletion.
    if (o.metadata.deletionTimestamp && !o.metadata.finalizers?.length && d.resource !== "namespaces") return this.typed(d, this.store.remove(d, ns, name)!);
    return this.typed(d, this.store.put(d, o));
  }

  patch(ctx: RequestContext, d: ResourceDef, ns: string | undefined, name: string, contentType: string, raw: string, subresource?: string): KObject {
    const type = contentType.split(";")[0].trim();
    let body: unknown;
    try { body = type === "application/apply-patch+yaml" ? YAML.parse(raw) : JSON.parse(raw); }
    catch (e) { throw badRequest(`error decoding patch: ${(e as Error).message}`); }
    const old = this.store.get(d, ns, name);
    if (!old) {
      if (type === "application/apply-patch+yaml" && !subresource) return this.create(ctx, d, ns, { ...(body as KObject), metadata: { ...(body as KObject).metadata, name } });
      throw notFound(d, name);
    }
    const current = this.typed(d, old) as never;
    let patched: KObject;
    switch (type) {
      case "application/json-patch+json": patched = jsonPatch(current, body) as unknown as KObject; break;
      case "application/merge-patch+json": patched = mergePatch(current, body as never) as unknown as KObject; break;
      case "application/strategic-merge-patch+json":
      case "application/apply-patch+yaml": patched = strategicMergePatch(current, body as never) as unknown as KObject; break;
      default: throw new ApiError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
    }
    if (!patched?.metadata) throw badRequest("the patch removed the object metadata");
    return this.update(ctx, d, ns, name, patched, subresource);
  }

  delete(ctx: RequestContext, d: ResourceDef, ns: string | undefined, name: string, options: { preconditions?: { uid?: string; resourceVersion?: string } } = {}): unknown {
    const old = this.store.get(d, ns, name);
    if (!old) throw notFound(d, name);
    const pre = options.preconditions ?? {};
    if (pre.uid && pre.uid !== old.metadata.uid) throw conflict(d, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw conflict(d, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    namespaceLifecycle(this.store, d, "delete", old);
    admitPolicies(this.store, { user: ctx.user, op: "DELETE", d, namespace: ns, name, object: null, oldObject: this.typed(d, old) });
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    // Namespaces and objects with finalizers are only marked; their controllers finish the deletion.
    if (d.resource === "namespaces" || old.metadata.finalizers?.length) {
      if (!old.metadata.deletionTimestamp) {
        old.metadata.deletionTimestamp = now;
        old.metadata.deletionGracePeriodSeconds = 0;
        if (d.resource === "namespaces") old.status = { ...old.status, phase: "Terminating" };
      }
      return this.typed(d, ctx.dryRun ? old : this.store.put(d, old));
    }
    if (ctx.dryRun) return d.returnsObject ? this.typed(d, old) : statusSuccess(d, name, old.metadata.uid);
    const gone = this.store.remove(d, ns, name)!;
    if (!d.returnsObject) return statusSuccess(d, name, old.metadata.uid);
    if (d.resource === "pods") Object.assign(gone.metadata, { deletionTimestamp: now, deletionGracePeriodSeconds: 0 });
    return this.typed(d, gone);
  }

  deleteCollection(ctx: RequestContext, d: ResourceDef, ns: string | undefined, q: ListQuery) {
    const list = this.list(d, ns, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector });
    for (const o of list.items) this.delete(ctx, d, ns, o.metadata.name);
    return list;
  }
}
