// The cluster side of project roles: Tenantry's ClusterRoles (installed once per cluster) and one
// RoleBinding per member in the project's namespace for user `tenantry:<username>`, so kubectl with
// that identity meets the same boundary as the console. Project roles never carry escalate, bind,
// impersonate or cluster-scoped rights.
import { RbacAuthorizationV1Api, type V1ClusterRole, type V1PolicyRule, type V1RoleBinding } from "@kubernetes/client-node";
import { apiFor, kubeStatus, withTimeout, type ClusterCredentials } from "./client";
import { ensureOwned, managedLabels, MANAGED_SELECTOR, sameJson } from "./owned";
import { LABELS, MANAGER } from "./namespace";

export type KubeRole = "admin" | "operator" | "viewer";

const READ = ["get", "list", "watch"];
const WRITE = ["create", "update", "patch", "delete", "deletecollection"];
const workloads: V1PolicyRule[] = [
  { apiGroups: [""], resources: ["pods", "services", "endpoints", "configmaps", "persistentvolumeclaims", "serviceaccounts", "replicationcontrollers"], verbs: READ },
  { apiGroups: ["apps"], resources: ["deployments", "replicasets", "statefulsets", "daemonsets"], verbs: READ },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: READ },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses"], verbs: READ },
  { apiGroups: [""], resources: ["resourcequotas", "limitranges", "events", "pods/log"], verbs: READ },
];
const writable = (rules: V1PolicyRule[]) => rules.slice(0, 4).map((r) => ({ ...r, verbs: [...READ, ...WRITE] }));

export const CLUSTER_ROLES: Record<KubeRole, V1PolicyRule[]> = {
  viewer: workloads,
  operator: [...writable(workloads), { apiGroups: [""], resources: ["secrets"], verbs: [...READ, ...WRITE] }, { apiGroups: [""], resources: ["pods/exec", "pods/portforward"], verbs: ["create", "get"] }, workloads[4]!],
  admin: [
    ...writable(workloads),
    { apiGroups: [""], resources: ["secrets"], verbs: [...READ, ...WRITE] },
    { apiGroups: [""], resources: ["pods/exec", "pods/portforward"], verbs: ["create", "get"] },
    workloads[4]!,
    { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"], verbs: [...READ, ...WRITE] },
  ],
};

export const clusterRoleName = (role: KubeRole) => `tenantry-project-${role}`;
export const subjectFor = (username: string) => `tenantry:${username}`;

/** Which cluster role a set of console permissions maps to, if any. */
export function kubeRoleFor(permissions: ReadonlySet<string>): KubeRole | undefined {
  if (permissions.has("workloads.manage")) return permissions.has("project-members.manage") || permissions.has("project-roles.manage") ? "admin" : "operator";
  if (permissions.has("workloads.view")) return "viewer";
  return undefined;
}


const verified = new Map<string, number>();

/** Creates or repairs the three ClusterRoles. Given what is there (the watch cache: undefined for absent), it
 *  writes only differences; without it, it reads them, at most once a minute per cluster. */
export async function ensureClusterRoles(cluster: ClusterCredentials, have?: (name: string) => V1ClusterRole | undefined): Promise<void> {
  if (!have && (verified.get(cluster.id) ?? 0) > Date.now() - 60_000) return;
  const rbac = apiFor(cluster, RbacAuthorizationV1Api);
  const read = (name: string) => withTimeout(rbac.readClusterRole({ name })).catch((err) => (kubeStatus(err) === 404 ? undefined : Promise.reject(err)));
  for (const [role, rules] of Object.entries(CLUSTER_ROLES) as [KubeRole, V1PolicyRule[]][]) {
    const name = clusterRoleName(role);
    const desired: V1ClusterRole = { metadata: { name, labels: managedLabels }, rules };
    // Absent from a label-selected cache may still exist unlabelled (409): then read it and repair it.
    const current = (have ? have(name) : await read(name)) ?? (await withTimeout(rbac.createClusterRole({ body: desired })).then(() => undefined, (err) => (kubeStatus(err) === 409 ? read(name) : Promise.reject(err))));
    if (current && (!sameJson(current.rules, rules) || current.metadata?.labels?.[LABELS.managedBy] !== MANAGER)) {
      await withTimeout(rbac.replaceClusterRole({ name, body: { ...current, metadata: { ...current.metadata, labels: { ...current.metadata?.labels, ...managedLabels } }, rules } }));
    }
  }
  verified.set(cluster.id, Date.now());
}

export function desiredRoleBinding(namespace: string, username: string, role: KubeRole): V1RoleBinding {
  return {
    metadata: { name: `tenantry-member-${username}`, namespace, labels: { ...managedLabels, "tenantry.io/user": username } },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRoleName(role) },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: subjectFor(username) }],
  };
}

/** Makes the namespace's Tenantry RoleBindings exactly `desired`; leaves everyone else's alone. */
export async function ensureRoleBindings(cluster: ClusterCredentials, namespace: string, desired: V1RoleBinding[], have?: V1RoleBinding[]): Promise<void> {
  const rbac = apiFor(cluster, RbacAuthorizationV1Api);
  const create = (ns: string, body: V1RoleBinding) => rbac.createNamespacedRoleBinding({ namespace: ns, body });
  const remove = (ns: string, name: string) => rbac.deleteNamespacedRoleBinding({ name, namespace: ns });
  await ensureOwned<V1RoleBinding>(
    {
      list: (ns) => rbac.listNamespacedRoleBinding({ namespace: ns, labelSelector: MANAGED_SELECTOR }),
      create,
      // roleRef cannot change in place: a changed binding is made anew.
      replace: async (ns, name, body) => {
        await remove(ns, name);
        return create(ns, { ...body, metadata: { ...body.metadata, resourceVersion: undefined } });
      },
      remove,
      spec: (rb) => ({ roleRef: rb.roleRef, subjects: rb.subjects }),
    },
    namespace,
    desired,
    have,
  );
}
