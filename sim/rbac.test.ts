import { describe, expect, it } from "vitest";
import { authorize, covers, deniedMessage, escalationMessage, ruleAllows, type Attributes, type Binding, type PolicyRule, type RuleSource } from "./rbac";

const alice = { username: "alice", groups: ["devs", "system:authenticated"] };
const req = (a: Partial<Attributes>): Attributes => ({ user: alice, verb: "get", resourceRequest: true, apiGroup: "", resource: "pods", namespace: "ns1", ...a });

describe("ruleAllows", () => {
  const pods: PolicyRule = { verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] };
  it.each<[string, PolicyRule, Partial<Attributes>, boolean]>([
    ["exact match", pods, {}, true],
    ["other verb", pods, { verb: "delete" }, false],
    ["other group", pods, { apiGroup: "apps" }, false],
    ["other resource", pods, { resource: "services" }, false],
    ["subresource not implied", pods, { subresource: "log" }, false],
    ["explicit subresource", { verbs: ["get"], apiGroups: [""], resources: ["pods/log"] }, { subresource: "log" }, true],
    ["*/subresource", { verbs: ["get"], apiGroups: [""], resources: ["*/log"] }, { subresource: "log" }, true],
    ["wildcards", { verbs: ["*"], apiGroups: ["*"], resources: ["*"] }, { verb: "deletecollection", apiGroup: "apps", resource: "deployments" }, true],
    ["resourceNames match", { ...pods, resourceNames: ["p1"] }, { name: "p1" }, true],
    ["resourceNames miss", { ...pods, resourceNames: ["p1"] }, { name: "p2" }, false],
    ["resourceNames never match list", { ...pods, resourceNames: ["p1"] }, { verb: "list" }, false],
    ["nonResourceURL exact", { verbs: ["get"], nonResourceURLs: ["/version"] }, { resourceRequest: false, path: "/version" }, true],
    ["nonResourceURL prefix", { verbs: ["get"], nonResourceURLs: ["/apis/*"] }, { resourceRequest: false, path: "/apis/apps/v1" }, true],
    ["nonResourceURL rule for resources", { verbs: ["get"], nonResourceURLs: ["*"] }, {}, false],
  ])("%s", (_, rule, attrs, want) => {
    expect(ruleAllows(rule, req(attrs))).toBe(want);
  });
});

describe("authorize", () => {
  const roles: Record<string, PolicyRule[]> = {
    view: [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] }],
    nsrole: [{ verbs: ["create"], apiGroups: [""], resources: ["configmaps"] }],
  };
  const crbs: Binding[] = [{ metadata: { name: "devs-view" }, subjects: [{ kind: "Group", name: "devs" }], roleRef: { kind: "ClusterRole", name: "view" } }];
  const rbs: Binding[] = [
    { metadata: { name: "rb", namespace: "ns1" }, subjects: [{ kind: "User", name: "alice" }], roleRef: { kind: "Role", name: "nsrole" } },
    { metadata: { name: "sa", namespace: "ns1" }, subjects: [{ kind: "ServiceAccount", name: "bot" }], roleRef: { kind: "Role", name: "nsrole" } },
  ];
  const src: RuleSource = {
    clusterRoleBindings: () => crbs,
    roleBindings: (ns) => rbs.filter((b) => b.metadata.namespace === ns),
    clusterRole: (n) => (n === "view" ? { rules: roles.view } : undefined),
    role: (ns, n) => (ns === "ns1" && n === "nsrole" ? { rules: roles.nsrole } : undefined),
  };
  it.each<[string, Partial<Attributes>, boolean]>([
    ["group cluster binding", { verb: "list", namespace: "other" }, true],
    ["role binding in its namespace", { verb: "create", resource: "configmaps" }, true],
    ["role binding elsewhere", { verb: "create", resource: "configmaps", namespace: "ns2" }, false],
    ["unbound verb", { verb: "delete" }, false],
    ["service account in binding namespace", { user: { username: "system:serviceaccount:ns1:bot", groups: [] }, verb: "create", resource: "configmaps" }, true],
    ["system:masters", { user: { username: "root", groups: ["system:masters"] }, verb: "delete", resource: "nodes", namespace: undefined }, true],
  ])("%s", (_, attrs, want) => {
    expect(authorize(src, req(attrs)).allowed).toBe(want);
  });
  it("says which binding allowed", () => {
    expect(authorize(src, req({ verb: "list" })).reason).toBe('RBAC: allowed by ClusterRoleBinding "devs-view" of ClusterRole "view" to Group "devs"');
  });
});

describe("covers", () => {
  const owner: PolicyRule[] = [
    { verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "services"] },
    { verbs: ["*"], apiGroups: ["apps"], resources: ["*"] },
    { verbs: ["get"], apiGroups: [""], resources: ["*/status"] },
    { verbs: ["update"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["a", "b"] },
    { verbs: ["get"], nonResourceURLs: ["/healthz/*"] },
  ];
  it.each<[string, PolicyRule[], boolean]>([
    ["subset", [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }], true],
    ["extra verb", [{ verbs: ["get", "delete"], apiGroups: [""], resources: ["pods"] }], false],
    ["group wildcard owner", [{ verbs: ["create"], apiGroups: ["apps"], resources: ["deployments", "statefulsets"] }], true],
    ["servant wildcard needs owner wildcard", [{ verbs: ["*"], apiGroups: [""], resources: ["pods"] }], false],
    ["*/status covers x/status", [{ verbs: ["get"], apiGroups: [""], resources: ["pods/status"] }], true],
    ["resource names subset", [{ verbs: ["update"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["a"] }], true],
    ["resource names outside", [{ verbs: ["update"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["c"] }], false],
    ["named owner does not cover unnamed", [{ verbs: ["update"], apiGroups: [""], resources: ["configmaps"] }], false],
    ["non-resource prefix", [{ verbs: ["get"], nonResourceURLs: ["/healthz/ping"] }], true],
    ["empty", [], true],
  ])("%s", (_, servant, want) => {
    expect(covers(owner, servant).covered).toBe(want);
  });

  it("reports missing rules compactly, like the API server", () => {
    const { missing } = covers(owner, [{ verbs: ["get", "delete", "patch"], apiGroups: [""], resources: ["pods"] }]);
    expect(escalationMessage(alice, missing)).toBe(
      'user "alice" (groups=["devs" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["pods"], Verbs:["delete" "patch"]}',
    );
  });
});

it("formats denials like the API server", () => {
  expect(deniedMessage(req({ verb: "list" }))).toBe('User "alice" cannot list resource "pods" in API group "" in the namespace "ns1"');
  expect(deniedMessage(req({ verb: "list", resource: "namespaces", namespace: undefined }))).toBe('User "alice" cannot list resource "namespaces" in API group "" at the cluster scope');
});
