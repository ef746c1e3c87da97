// ValidatingAdmissionPolicy evaluation (admissionregistration.k8s.io/v1): for each binding with a Deny
// action, its policy's matchConstraints (resourceRules, excludeResourceRules, namespaceSelector,
// objectSelector) and the binding's matchResources pick requests; matchConditions and validations are
// evaluated with the CEL subset in cel.ts. Params, variables, audit annotations and messageExpression
// are not supported (a policy using them fails according to its failurePolicy).
import { evaluate } from "./cel";
import { ApiError, forbidden } from "./errors";
import { resourceFor, type ResourceDef } from "./resources";
import { matchLabels, selectorObjectToRequirements, type LabelSelectorObject } from "./selectors";
import type { UserInfo } from "./rbac";
import type { KObject, Store } from "./store";

export type Operation = "CREATE" | "UPDATE" | "DELETE";
interface Rule { apiGroups?: string[]; apiVersions?: string[]; operations?: string[]; resources?: string[]; resourceNames?: string[] }
interface MatchResources { resourceRules?: Rule[]; excludeResourceRules?: Rule[]; namespaceSelector?: LabelSelectorObject; objectSelector?: LabelSelectorObject }
interface Validation { expression: string; message?: string; reason?: string }

export interface AdmissionRequest { user: UserInfo; op: Operation; d: ResourceDef; namespace?: string; name: string; subresource?: string; object: KObject | null; oldObject: KObject | null }

const def = (resource: string) => resourceFor("admissionregistration.k8s.io", resource)!;
const any = (list: string[] | undefined, v: string) => !!list?.some((x) => x === "*" || x === v);

function ruleMatches(r: Rule, q: AdmissionRequest): boolean {
  const resource = q.subresource ? `${q.d.resource}/${q.subresource}` : q.d.resource;
  const resourceOk = (r.resources ?? []).some((x) => x === "*" || x === resource || (x === "*/*") || (!!q.subresource && x === `*/${q.subresource}`));
  return any(r.apiGroups, q.d.group) && any(r.apiVersions, q.d.version) && any(r.operations, q.op) && resourceOk && (!r.resourceNames?.length || r.resourceNames.includes(q.name));
}

const selects = (sel: LabelSelectorObject | undefined, labels: Record<string, string> | undefined) => !sel || matchLabels(selectorObjectToRequirements(sel), labels);

function matches(m: MatchResources | undefined, store: Store, q: AdmissionRequest, requireRules: boolean): boolean {
  if (!m) return !requireRules;
  if (requireRules || m.resourceRules?.length) if (!(m.resourceRules ?? []).some((r) => ruleMatches(r, q))) return false;
  if ((m.excludeResourceRules ?? []).some((r) => ruleMatches(r, q))) return false;
  // On UPDATE the object selector matches if either the old or the new object matches, as in the real plugin.
  if (m.objectSelector && ![q.object, q.oldObject].some((o) => o && selects(m.objectSelector, o.metadata.labels))) return false;
  if (m.namespaceSelector) {
    const nsLabels = q.d.resource === "namespaces" ? (q.object ?? q.oldObject)?.metadata.labels : q.namespace ? store.get(resourceFor("", "namespaces")!, undefined, q.namespace)?.metadata.labels : undefined;
    if (q.namespace || q.d.resource === "namespaces") { if (!selects(m.namespaceSelector, nsLabels)) return false; }
  }
  return true;
}

/** Runs every bound policy on a write; throws the first denial as the API server would report it. */
export function admitPolicies(store: Store, q: AdmissionRequest): void {
  for (const binding of store.list(def("validatingadmissionpolicybindings"))) {
    const actions: string[] = binding.spec?.validationActions ?? [];
    if (!actions.includes("Deny")) continue;
    const policy = store.get(def("validatingadmissionpolicies"), undefined, binding.spec?.policyName);
    if (!policy) continue;
    if (!matches(policy.spec?.matchConstraints, store, q, true) || !matches(binding.spec?.matchResources, store, q, false)) continue;
    const vars = {
      request: { operation: q.op, userInfo: q.user, name: q.name, namespace: q.namespace ?? "", resource: { group: q.d.group, version: q.d.version, resource: q.d.resource }, subResource: q.subresource ?? "" },
      object: q.object,
      oldObject: q.oldObject,
    };
    const deny = (message: string, reason?: string) => {
      const why = `ValidatingAdmissionPolicy '${policy.metadata.name}' with binding '${binding.metadata.name}' denied request: ${message}`;
      if (reason === "Forbidden") throw forbidden(q.d, q.name, why);
      const subject = `${q.d.group ? `${q.d.resource}.${q.d.group}` : q.d.resource} "${q.name}"`;
      throw new ApiError(reason === "Unauthorized" ? 401 : 422, reason ?? "Invalid", `${subject} is invalid: ${why}`, { name: q.name, group: q.d.group || undefined, kind: q.d.kind });
    };
    try {
      if (!(policy.spec?.matchConditions ?? []).every((c: { expression: string }) => evaluate(c.expression, vars))) continue;
      if (policy.spec?.paramKind || policy.spec?.variables?.length) throw new Error("params and variables are not supported by the simulator");
      for (const v of (policy.spec?.validations ?? []) as Validation[]) {
        if (!evaluate(v.expression, vars)) deny(v.message ?? `failed expression: ${v.expression}`, v.reason);
      }
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (policy.spec?.failurePolicy === "Ignore") continue;
      deny(`expression could not be evaluated: ${(e as Error).message}`, "Forbidden");
    }
  }
}
