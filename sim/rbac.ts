// RBAC authorization: rule matching, binding resolution and the escalation `Covers` check,
// following k8s.io/kubernetes/pkg/registry/rbac/validation and plugin/pkg/auth/authorizer/rbac.
export interface PolicyRule { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }
export interface Subject { kind: string; name: string; namespace?: string; apiGroup?: string }
export interface RoleRef { kind: string; name: string; apiGroup?: string }
export interface Binding { metadata: { name: string; namespace?: string }; subjects?: Subject[]; roleRef: RoleRef }
export interface UserInfo { username: string; groups: string[] }

export interface Attributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}

/** Where the authorizer reads bindings and roles from (the store, in the simulator). */
export interface RuleSource {
  clusterRoleBindings(): Binding[];
  roleBindings(namespace: string): Binding[];
  clusterRole(name: string): { rules?: PolicyRule[] } | undefined;
  role(namespace: string, name: string): { rules?: PolicyRule[] } | undefined;
}

export const SUPERUSER_GROUP = "system:masters";
const has = (list: string[] | undefined, v: string) => !!list && list.includes(v);

export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, "*") && !has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) {
    const path = a.path ?? "";
    return (rule.nonResourceURLs ?? []).some((u) => u === "*" || u === path || (u.endsWith("*") && path.startsWith(u.slice(0, -1))));
  }
  if (!has(rule.apiGroups, "*") && !has(rule.apiGroups, a.apiGroup ?? "")) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource ?? "";
  const resourceOk = (rule.resources ?? []).some((r) => r === "*" || r === combined || (!!a.subresource && r === `*/${a.subresource}`));
  if (!resourceOk) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (!!a.name && names.includes(a.name));
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace?: string): boolean {
  if (s.kind === "User") return s.name === user.username;
  if (s.kind === "Group") return user.groups.includes(s.name);
  if (s.kind === "ServiceAccount") return user.username === `system:serviceaccount:${s.namespace || bindingNamespace}:${s.name}`;
  return false;
}

interface RuleGrant { rules: PolicyRule[]; describe: (subject: Subject) => string }

function* grants(src: RuleSource, user: UserInfo, namespace?: string): Generator<RuleGrant & { subject: Subject }> {
  const resolve = (b: Binding, ns?: string) =>
    (b.roleRef.kind === "ClusterRole" ? src.clusterRole(b.roleRef.name) : ns ? src.role(ns, b.roleRef.name) : undefined)?.rules ?? [];
  for (const b of src.clusterRoleBindings()) {
    const subject = (b.subjects ?? []).find((s) => subjectMatches(s, user));
    if (subject) yield { subject, rules: resolve(b), describe: (s) => `ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${b.roleRef.name}" to ${describeSubject(s)}` };
  }
  if (!namespace) return;
  for (const b of src.roleBindings(namespace)) {
    const subject = (b.subjects ?? []).find((s) => subjectMatches(s, user, namespace));
    if (subject) yield { subject, rules: resolve(b, namespace), describe: (s) => `RoleBinding "${b.metadata.name}/${namespace}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${describeSubject(s)}` };
  }
}

const describeSubject = (s: Subject) => (s.kind === "ServiceAccount" ? `ServiceAccount "${s.name}/${s.namespace}"` : `${s.kind} "${s.name}"`);

export interface Decision { allowed: boolean; reason: string }

export function authorize(src: RuleSource, a: Attributes): Decision {
  if (a.user.groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: "" };
  for (const g of grants(src, a.user, a.resourceRequest ? a.namespace : undefined)) {
    if (g.rules.some((r) => ruleAllows(r, a))) return { allowed: true, reason: `RBAC: allowed by ${g.describe(g.subject)}` };
  }
  return { allowed: false, reason: "" };
}

/** Every rule that applies to the user in the namespace (cluster-wide rules included). */
export function rulesFor(src: RuleSource, user: UserInfo, namespace?: string): PolicyRule[] {
  if (user.groups.includes(SUPERUSER_GROUP)) return [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }, { verbs: ["*"], nonResourceURLs: ["*"] }];
  return [...grants(src, user, namespace)].flatMap((g) => g.rules);
}

/** Real forbidden message: `User "alice" cannot list resource "pods" in API group "" in the namespace "ns1"`. */
export function deniedMessage(a: Attributes): string {
  const who = `User "${a.user.username}"`;
  if (!a.resourceRequest) return `${who} cannot ${a.verb.toLowerCase()} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : "at the cluster scope";
  return `${who} cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ""}" ${scope}`;
}

/** Splits rules into single-verb, single-group, single-resource(-name) rules (BreakdownRule). */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) for (const resource of rule.resources ?? []) for (const verb of rule.verbs) {
    const names = rule.resourceNames ?? [];
    if (names.length === 0) out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
    else for (const n of names) out.push({ apiGroups: [group], resources: [resource], resourceNames: [n], verbs: [verb] });
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

function resourcesCover(owner: string[], wanted: string[]): boolean {
  if (owner.includes("*")) return true;
  return wanted.every((r) => owner.includes(r) || (r.includes("/") && owner.includes(`*/${r.split("/").slice(1).join("/")}`)));
}

function ruleCovers(owner: PolicyRule, servant: PolicyRule): boolean {
  const all = (o: string[] | undefined, s: string[] | undefined) => (s ?? []).every((v) => has(o, "*") || has(o, v));
  if (!all(owner.verbs, servant.verbs) || !all(owner.apiGroups, servant.apiGroups)) return false;
  if (!resourcesCover(owner.resources ?? [], servant.resources ?? [])) return false;
  const urlsOk = (servant.nonResourceURLs ?? []).every((u) => (owner.nonResourceURLs ?? []).some((o) => o === "*" || o === u || (o.endsWith("*") && u.startsWith(o.slice(0, -1)))));
  if (!urlsOk) return false;
  const ownerNames = owner.resourceNames ?? [];
  if (ownerNames.length === 0) return true;
  const servantNames = servant.resourceNames ?? [];
  return servantNames.length > 0 && servantNames.every((n) => ownerNames.includes(n));
}

/** Whether `owner` rules hold every permission in `servant`; `missing` lists the atomic rules that are not held. */
export function covers(owner: PolicyRule[], servant: PolicyRule[]): { covered: boolean; missing: PolicyRule[] } {
  const missing = servant.flatMap(breakdown).filter((s) => !owner.some((o) => ruleCovers(o, s)));
  return { covered: missing.length === 0, missing };
}

/** Merges atomic rules that differ only in verbs (CompactRules). */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const merged = new Map<string, PolicyRule>();
  for (const r of rules) {
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]);
    const existing = merged.get(key);
    if (existing) { for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v); }
    else merged.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...merged.values()];
}

/** Go's `%q` of a []string: `["a" "b"]`. */
const goQuoted = (list: string[]) => `[${list.map((s) => JSON.stringify(s)).join(" ")}]`;

/** rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}`. */
function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${goQuoted(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${goQuoted(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${goQuoted(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${goQuoted(r.resourceNames)}`);
  if (r.verbs.length) parts.push(`Verbs:${goQuoted(r.verbs)}`);
  return `{${parts.join(", ")}}`;
}

export function escalationMessage(user: UserInfo, missing: PolicyRule[]): string {
  const lines = [...new Set(compact(missing).map(compactString))].sort();
  return `user "${user.username}" (groups=${goQuoted(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join("\n")}`;
}
