// The cluster side of project roles: Tenantry's ClusterRoles (installed once per cluster) and one
// RoleBinding per member in the project's namespace for user `tenantry:<username>`, so kubectl with
// that identity meets the same boundary as the console. Project roles never carry escalate, bind,
// impersonate or cluster-scoped rights. Workspace members whose role covers every project get a RoleBinding
// in each of its namespaces (reconciler.ts); the platform level, whose roles cover every workspace, is one
// ClusterRoleBinding per cluster, `tenantry-platform-viewers`: the viewer ClusterRole for the group
// `tenantry:platform-viewers`, which the console adds when it reads as such a member (impersonate.ts).
import { RbacAuthorizationV1Api, type V1ClusterRole, type V1ClusterRoleBinding, type V1PolicyRule, type V1RoleBinding } from "@kubernetes/client-node";
import { apiFor, kubeStatus, withTimeout, type ClusterCredentials } from "./client";
import { ensureOwned, managedLabels, MANAGED_SELECTOR, sameJson, type Cached } from "./owned";
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

/** The group of members whose platform role sees every workspace, and its ClusterRoleBinding. */
export const PLATFORM_VIEWERS_GROUP = "tenantry:platform-viewers";
export const PLATFORM_BINDING = "tenantry-platform-viewers";

export function desiredPlatformBinding(): V1ClusterRoleBinding {
  return {
    metadata: { name: PLATFORM_BINDING, labels: managedLabels },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRoleName("viewer") },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: PLATFORM_VIEWERS_GROUP }],
  };
}

const verifiedPlatform = new Map<string, number>();

/** Creates or repairs the platform viewers' ClusterRoleBinding: from the watch cache when given (undefined:
 *  absent), else read at most once a minute per cluster. roleRef is immutable, so a changed one is made anew. */
export async function ensurePlatformBinding(cluster: ClusterCredentials, have?: () => V1ClusterRoleBinding | undefined): Promise<void> {
  if (!have && (verifiedPlatform.get(cluster.id) ?? 0) > Date.now() - 60_000) return;
  const rbac = apiFor(cluster, RbacAuthorizationV1Api);
  const desired = desiredPlatformBinding();
  const read = () => withTimeout(rbac.readClusterRoleBinding({ name: PLATFORM_BINDING })).catch((err) => (kubeStatus(err) === 404 ? undefined : Promise.reject(err)));
  const create = () => withTimeout(rbac.createClusterRoleBinding({ body: desired })).then(() => undefined, (err) => (kubeStatus(err) === 409 ? read() : Promise.reject(err)));
  const current = (have ? have() : await read()) ?? (await create());
  if (current) {
    const labelled = current.metadata?.labels?.[LABELS.managedBy] === MANAGER;
    if (!sameJson(current.roleRef, desired.roleRef)) {
      await withTimeout(rbac.deleteClusterRoleBinding({ name: PLATFORM_BINDING }));
      await withTimeout(rbac.createClusterRoleBinding({ body: desired }));
    } else if (!labelled || !sameJson(current.subjects, desired.subjects)) {
      const labels = { ...current.metadata?.labels, ...managedLabels };
      await withTimeout(rbac.replaceClusterRoleBinding({ name: PLATFORM_BINDING, body: { ...current, metadata: { ...current.metadata, labels }, subjects: desired.subjects } }));
    }
  }
  verifiedPlatform.set(cluster.id, Date.now());
}

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
export async function ensureRoleBindings(cluster: ClusterCredentials, namespace: string, desired: V1RoleBinding[], cached?: Cached<V1RoleBinding>): Promise<void> {
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
    cached,
  );
}
