// RBAC authorization, impersonation, access reviews and escalation prevention:
// https://kubernetes.io/docs/reference/access-authn-authz/rbac/ and .../authentication/#user-impersonation
import { AuthorizationV1Api, CoreV1Api, RbacAuthorizationV1Api, type V1PolicyRule } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, failure, openTarget, raw, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
let rbac: RbacAuthorizationV1Api;
let ns: string;
let alice: { name: string; kc: import("@kubernetes/client-node").KubeConfig };
const clusterObjects: string[] = [];
const RBAC_GROUP = "rbac.authorization.k8s.io";

async function bindInNamespace(name: string, roleKind: "Role" | "ClusterRole", role: string, subject = { kind: "User", name: alice.name }) {
  await rbac.createNamespacedRoleBinding({ namespace: ns, body: { metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name: role }, subjects: [{ apiGroup: RBAC_GROUP, ...subject }] } });
}

async function clusterRole(name: string, rules: V1PolicyRule[], bindTo?: string) {
  const full = `${t.run}-${name}`;
  clusterObjects.push(full);
  await rbac.createClusterRole({ body: { metadata: { name: full }, rules } });
  if (bindTo) await rbac.createClusterRoleBinding({ body: { metadata: { name: full }, roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: full }, subjects: [{ apiGroup: RBAC_GROUP, kind: "User", name: bindTo }] } });
  return full;
}

beforeAll(async () => {
  t = await openTarget();
  core = t.admin.makeApiClient(CoreV1Api);
  rbac = t.admin.makeApiClient(RbacAuthorizationV1Api);
  ns = `${t.run}-rbac`;
  await core.createNamespace({ body: { metadata: { name: ns } } });
  alice = t.user("alice");
});
afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
  for (const name of clusterObjects) {
    await rbac.deleteClusterRoleBinding({ name }).catch(() => undefined);
    await rbac.deleteClusterRole({ name }).catch(() => undefined);
  }
  await t.close();
});

describe("authorization", () => {
  it("refuses an unbound user with the API server's forbidden message", async () => {
    const { code, body } = await failure(alice.kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: ns }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ kind: "Status", status: "Failure", reason: "Forbidden", details: { kind: "pods" }, code: 403 });
    expect(body.message).toBe(`pods is forbidden: User "${alice.name}" cannot list resource "pods" in API group "" in the namespace "${ns}"`);
  });

  it("names the object and scope in the message", async () => {
    const api = alice.kc.makeApiClient(CoreV1Api);
    const get = await failure(api.readNamespace({ name: ns }));
    expect(get.body.message).toBe(`namespaces "${ns}" is forbidden: User "${alice.name}" cannot get resource "namespaces" in API group "" in the namespace "${ns}"`);
    const list = await failure(api.listNamespace());
    expect(list.body.message).toBe(`namespaces is forbidden: User "${alice.name}" cannot list resource "namespaces" in API group "" at the cluster scope`);
    const roles = await failure(alice.kc.makeApiClient(RbacAuthorizationV1Api).listNamespacedRole({ namespace: ns }));
    expect(roles.body.message).toBe(`roles.rbac.authorization.k8s.io is forbidden: User "${alice.name}" cannot list resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "${ns}"`);
  });

  it("grants what a RoleBinding to a ClusterRole allows, in that namespace only", async () => {
    await bindInNamespace("alice-view", "ClusterRole", "view");
    const api = alice.kc.makeApiClient(CoreV1Api);
    await eventually(() => api.listNamespacedPod({ namespace: ns }));
    const { code, body } = await failure(api.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "nope" } } }));
    expect(code).toBe(403);
    expect(body.message).toBe(`configmaps is forbidden: User "${alice.name}" cannot create resource "configmaps" in API group "" in the namespace "${ns}"`);
    expect((await failure(api.listNamespacedPod({ namespace: "default" }))).code).toBe(403);
  });

  it("limits a rule to resourceNames", async () => {
    // view does not cover secrets, so only this Role can allow reading one.
    await core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: "open" } } });
    await core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: "closed" } } });
    await rbac.createNamespacedRole({ namespace: ns, body: { metadata: { name: "one-secret" }, rules: [{ apiGroups: [""], resources: ["secrets"], resourceNames: ["open"], verbs: ["get", "update"] }] } });
    await bindInNamespace("alice-one-secret", "Role", "one-secret");
    const api = alice.kc.makeApiClient(CoreV1Api);
    await eventually(() => api.readNamespacedSecret({ namespace: ns, name: "open" }));
    const { body } = await failure(api.readNamespacedSecret({ namespace: ns, name: "closed" }));
    expect(body.message).toBe(`secrets "closed" is forbidden: User "${alice.name}" cannot get resource "secrets" in API group "" in the namespace "${ns}"`);
    expect((await failure(api.listNamespacedSecret({ namespace: ns }))).code).toBe(403);
  });
});

describe("aggregated ClusterRoles", () => {
  it("fold labelled ClusterRoles into view, edit and admin", async () => {
    const rule = { apiGroups: ["example.tenantry.io"], resources: [`${t.run}widgets`], verbs: ["get", "list", "watch"] };
    const name = `${t.run}-agg`;
    clusterObjects.push(name);
    await rbac.createClusterRole({ body: { metadata: { name, labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }, rules: [rule] } });
    for (const role of ["view", "edit", "admin"]) {
      await eventually(async () => expect((await rbac.readClusterRole({ name: role })).rules).toContainEqual(expect.objectContaining(rule)));
    }
  });
});

describe("access reviews", () => {
  it("answers SelfSubjectAccessReviews for the caller", async () => {
    const authz = alice.kc.makeApiClient(AuthorizationV1Api);
    const yes = await authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { namespace: ns, verb: "list", resource: "pods" } } } });
    expect(yes.status?.allowed).toBe(true);
    const no = await authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { namespace: ns, verb: "delete", resource: "pods" } } } });
    expect(no.status?.allowed).toBe(false);
  });

  it("answers SubjectAccessReviews for any user and group, with the allowing binding as reason", async () => {
    const authz = t.admin.makeApiClient(AuthorizationV1Api);
    const r = await authz.createSubjectAccessReview({ body: { spec: { user: alice.name, resourceAttributes: { namespace: ns, verb: "get", resource: "pods" } } } });
    expect(r.status?.allowed).toBe(true);
    expect(r.status?.reason).toContain(`RoleBinding "alice-view/${ns}" of ClusterRole "view"`);
    const other = await authz.createSubjectAccessReview({ body: { spec: { user: `${t.run}-nobody`, resourceAttributes: { namespace: ns, verb: "get", resource: "pods" } } } });
    expect(other.status?.allowed).toBe(false);
    const masters = await authz.createSubjectAccessReview({ body: { spec: { user: "root", groups: ["system:masters"], resourceAttributes: { verb: "delete", resource: "nodes" } } } });
    expect(masters.status?.allowed).toBe(true);
  });

  it("rejects a SubjectAccessReview without user or groups with 422", async () => {
    const { code, body } = await failure(t.admin.makeApiClient(AuthorizationV1Api).createSubjectAccessReview({ body: { spec: { resourceAttributes: { verb: "get", resource: "pods" } } } }));
    expect(code).toBe(422);
    expect(body.reason).toBe("Invalid");
  });
});

describe("impersonation", () => {
  it("authorizes an impersonated request as the impersonated user", async () => {
    const r = await raw(t.admin, "GET", `/api/v1/namespaces/default/pods`, { headers: { "Impersonate-User": `${t.run}-carol` } });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(`pods is forbidden: User "${t.run}-carol" cannot list resource "pods" in API group "" in the namespace "default"`);
  });

  it("applies RBAC bound to an impersonated group", async () => {
    const group = `${t.run}-team`;
    await bindInNamespace("team-view", "ClusterRole", "view", { kind: "Group", name: group });
    const r = await eventually(async () => {
      const res = await raw(t.admin, "GET", `/api/v1/namespaces/${ns}/pods`, { headers: { "Impersonate-User": `${t.run}-dave`, "Impersonate-Group": group } });
      expect(res.status).toBe(200);
      return res;
    });
    expect(r.body.kind).toBe("PodList");
  });

  it.runIf(!process.env.KUBE_CONTRACT_KUBECONFIG || !!process.env.KUBE_CONTRACT_USER_TOKEN)("requires the impersonate verb on users", async () => {
    const target = `${t.run}-bob`;
    const denied = await raw(alice.kc, "GET", `/api/v1/namespaces/${ns}/pods`, { headers: { "Impersonate-User": target } });
    expect(denied.status).toBe(403);
    // From 1.36 the server also tries constrained impersonation (KEP-5284) and names the verb it lacked.
    const minor = Number((await raw(t.admin, "GET", "/version")).body.minor.replace(/\D+$/, ""));
    expect(denied.body.message).toBe(minor >= 36
      ? `pods is forbidden: User "${alice.name}" cannot impersonate-on:user-info:list resource "pods" in API group "" in the namespace "${ns}"`
      : `users "${target}" is forbidden: User "${alice.name}" cannot impersonate resource "users" in API group "" at the cluster scope`);
    await clusterRole("impersonate-bob", [{ apiGroups: [""], resources: ["users"], verbs: ["impersonate"], resourceNames: [target] }], alice.name);
    const allowed = await eventually(async () => {
      const r = await raw(alice.kc, "GET", `/api/v1/namespaces/${ns}/pods`, { headers: { "Impersonate-User": target } });
      expect(r.status).toBe(403);
      expect(r.body.message).toContain(`User "${target}"`);
      return r;
    });
    expect(allowed.body.reason).toBe("Forbidden");
  });
});

describe("escalation prevention", () => {
  let api: RbacAuthorizationV1Api;
  beforeAll(async () => {
    await bindInNamespace("alice-admin", "ClusterRole", "admin");
    api = alice.kc.makeApiClient(RbacAuthorizationV1Api);
    await eventually(() => api.listNamespacedRole({ namespace: ns }));
  });

  it("lets a namespace admin create a Role within their own rights", async () => {
    const r = await api.createNamespacedRole({ namespace: ns, body: { metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }] } });
    expect(r.metadata?.name).toBe("pod-reader");
  });

  it("refuses a Role granting rules the author does not hold", async () => {
    const { code, body } = await failure(api.createNamespacedRole({ namespace: ns, body: { metadata: { name: "grab" }, rules: [{ apiGroups: [""], resources: ["resourcequotas"], verbs: ["create", "get"] }] } }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ reason: "Forbidden", details: { name: "grab", group: RBAC_GROUP, kind: "roles" } });
    expect(body.message).toMatch(new RegExp(`^roles.rbac.authorization.k8s.io "grab" is forbidden: user "${alice.name}" \\(groups=\\[.*\\]\\) is attempting to grant RBAC permissions not currently held:\\n`));
    expect(body.message).toContain('{APIGroups:[""], Resources:["resourcequotas"], Verbs:["create"]}');
  });

  it("lets a namespace admin bind roles they hold, not roles they do not", async () => {
    await bindAs("edit-ok", "edit");
    const { code, body } = await failure(bindAs("too-much", "cluster-admin"));
    expect(code).toBe(403);
    expect(body.message).toContain(`rolebindings.rbac.authorization.k8s.io "too-much" is forbidden: user "${alice.name}"`);
    expect(body.message).toContain("is attempting to grant RBAC permissions not currently held");
  });

  it("allows binding with the bind verb and granting with the escalate verb", async () => {
    await clusterRole("bind-escalate", [
      { apiGroups: [RBAC_GROUP], resources: ["clusterroles"], verbs: ["bind"], resourceNames: ["cluster-admin"] },
      { apiGroups: [RBAC_GROUP], resources: ["roles"], verbs: ["escalate"] },
    ], alice.name);
    await eventually(() => bindAs("now-ok", "cluster-admin"));
    const r = await api.createNamespacedRole({ namespace: ns, body: { metadata: { name: "grab-ok" }, rules: [{ apiGroups: [""], resources: ["resourcequotas"], verbs: ["create"] }] } });
    expect(r.metadata?.name).toBe("grab-ok");
  });

  function bindAs(name: string, clusterRoleName: string) {
    return api.createNamespacedRoleBinding({ namespace: ns, body: { metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: clusterRoleName }, subjects: [{ apiGroup: RBAC_GROUP, kind: "User", name: `${t.run}-someone` }] } });
  }
});
