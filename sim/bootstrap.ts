// Objects a fresh cluster starts with: system namespaces, nodes and the bootstrap RBAC policy
// (cluster-admin ⊇ admin ⊇ edit ⊇ view, aggregated from system:aggregate-to-* roles as in a real cluster).
import type { PolicyRule } from "./rbac";
import type { KObject } from "./store";

const R = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });
const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];

const VIEW: PolicyRule[] = [
  R([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], READ),
  R([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], READ),
  R([""], ["namespaces"], READ),
  R(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], READ),
  R(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], READ),
  R(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], READ),
  R(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], READ),
  R(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], READ),
  R(["discovery.k8s.io"], ["endpointslices"], READ),
];
const EDIT: PolicyRule[] = [
  R([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], READ),
  R([""], ["serviceaccounts"], ["impersonate"]),
  R([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], WRITE),
  R([""], ["pods/eviction"], ["create"]),
  R([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], WRITE),
  R([""], ["serviceaccounts/token"], ["create"]),
  R(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], WRITE),
  R(["autoscaling"], ["horizontalpodautoscalers"], WRITE),
  R(["batch"], ["cronjobs", "jobs"], WRITE),
  R(["networking.k8s.io"], ["ingresses", "networkpolicies"], WRITE),
  R(["policy"], ["poddisruptionbudgets"], WRITE),
];
const ADMIN: PolicyRule[] = [
  R(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
  R(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], [...WRITE, ...READ]),
];

const meta = (name: string, labels: Record<string, string> = {}) => ({ name, labels: { "kubernetes.io/bootstrapping": "rbac-defaults", ...labels } });
const clusterRole = (name: string, rules: PolicyRule[], labels?: Record<string, string>): KObject =>
  ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: meta(name, labels), rules });
const AGG = "rbac.authorization.k8s.io/aggregate-to-";
const aggregated = (name: string, labels: Record<string, string> = {}): KObject =>
  ({ ...clusterRole(name, [], labels), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`${AGG}${name}`]: "true" } }] } });
const clusterRoleBinding = (name: string, role: string, subject: { kind: string; name: string }): KObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: meta(name),
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
  subjects: [{ apiGroup: "rbac.authorization.k8s.io", ...subject }],
});

export function bootstrapRbac(): KObject[] {
  const authenticated = { kind: "Group", name: "system:authenticated" };
  return [
    clusterRole("cluster-admin", [R(["*"], ["*"], ["*"]), { nonResourceURLs: ["*"], verbs: ["*"] }]),
    clusterRole("system:aggregate-to-admin", ADMIN, { [`${AGG}admin`]: "true" }),
    clusterRole("system:aggregate-to-edit", EDIT, { [`${AGG}edit`]: "true" }),
    clusterRole("system:aggregate-to-view", VIEW, { [`${AGG}view`]: "true" }),
    aggregated("admin"),
    aggregated("edit", { [`${AGG}admin`]: "true" }),
    aggregated("view", { [`${AGG}edit`]: "true" }),
    clusterRole("system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], verbs: ["get"] }]),
    clusterRole("system:basic-user", [R(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]), R(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])]),
    clusterRoleBinding("cluster-admin", "cluster-admin", { kind: "Group", name: "system:masters" }),
    clusterRoleBinding("system:discovery", "system:discovery", authenticated),
    clusterRoleBinding("system:basic-user", "system:basic-user", authenticated),
  ];
}

export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
/** Namespaces the lifecycle admission refuses to delete. */
export const UNDELETABLE_NAMESPACES = ["default", "kube-system", "kube-public"];

export function node(index: number): KObject {
  const name = `sim-node-${index}`;
  const capacity = { cpu: "4", memory: "16Gi", pods: "110", "ephemeral-storage": "100Gi" };
  // What a kubelet reports after its system and kube reservations and eviction threshold, as on a real node.
  const allocatable = { cpu: "3800m", memory: "15872Mi", pods: "110", "ephemeral-storage": "95Gi" };
  return {
    apiVersion: "v1", kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", ...(index === 1 ? { "node-role.kubernetes.io/control-plane": "" } : {}) } },
    spec: { podCIDR: `10.244.${index}.0/24` },
    status: {
      capacity, allocatable,
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: new Date().toISOString(), lastTransitionTime: new Date().toISOString() }],
      addresses: [{ type: "InternalIP", address: `172.18.0.${index + 1}` }, { type: "Hostname", address: name }],
      nodeInfo: { kubeletVersion: "v1.31.0", containerRuntimeVersion: "containerd://1.7.0", osImage: "Tenantry simulator", operatingSystem: "linux", architecture: "amd64", kernelVersion: "6.1.0" },
    },
  };
}
