// One cluster's watch caches of what Tenantry owns (selected by app.kubernetes.io/managed-by=tenantry):
// namespaces and the objects in them, the ClusterRoles, the platform viewers' ClusterRoleBinding and the
// admission policy with its binding.
import {
  AdmissionregistrationV1Api,
  CoreV1Api,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  type KubeConfig,
  type KubernetesObject,
  type V1ClusterRole,
  type V1ClusterRoleBinding,
  type V1LimitRange,
  type V1Namespace,
  type V1NetworkPolicy,
  type V1ResourceQuota,
  type V1RoleBinding,
  type V1ValidatingAdmissionPolicy,
  type V1ValidatingAdmissionPolicyBinding,
} from "@kubernetes/client-node";
import { MANAGED_SELECTOR } from "../owned";
import { Informer } from "./informer";

export interface ClusterCache {
  namespaces: Informer<V1Namespace>;
  quotas: Informer<V1ResourceQuota>;
  limits: Informer<V1LimitRange>;
  policies: Informer<V1NetworkPolicy>;
  bindings: Informer<V1RoleBinding>;
  clusterRoles: Informer<V1ClusterRole>;
  clusterRoleBindings: Informer<V1ClusterRoleBinding>;
  admissionPolicies: Informer<V1ValidatingAdmissionPolicy>;
  admissionBindings: Informer<V1ValidatingAdmissionPolicyBinding>;
}

/** The work-queue key for the cluster-wide objects; every other key is a project's namespace. */
export const CLUSTER_KEY = "*";

/** Builds the caches; `changed` hears the key each change concerns (not started: see informersOf). */
export function clusterCache(kc: KubeConfig, changed: (key: string) => void): ClusterCache {
  const core = kc.makeApiClient(CoreV1Api);
  const net = kc.makeApiClient(NetworkingV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  const adm = kc.makeApiClient(AdmissionregistrationV1Api);
  const labelSelector = MANAGED_SELECTOR;
  const ns = (o: KubernetesObject) => changed(o.metadata!.namespace!);
  const cl = () => changed(CLUSTER_KEY);
  const informer = <T extends KubernetesObject>(path: string, model: string, list: () => Promise<{ items: T[] }>, on: (o: T) => void) =>
    new Informer<T>(kc, { path, model, labelSelector, list }, on);
  return {
    namespaces: informer("/api/v1/namespaces", "V1Namespace", () => core.listNamespace({ labelSelector }), (o) => changed(o.metadata!.name!)),
    quotas: informer("/api/v1/resourcequotas", "V1ResourceQuota", () => core.listResourceQuotaForAllNamespaces({ labelSelector }), ns),
    limits: informer("/api/v1/limitranges", "V1LimitRange", () => core.listLimitRangeForAllNamespaces({ labelSelector }), ns),
    policies: informer("/apis/networking.k8s.io/v1/networkpolicies", "V1NetworkPolicy", () => net.listNetworkPolicyForAllNamespaces({ labelSelector }), ns),
    bindings: informer("/apis/rbac.authorization.k8s.io/v1/rolebindings", "V1RoleBinding", () => rbac.listRoleBindingForAllNamespaces({ labelSelector }), ns),
    clusterRoles: informer("/apis/rbac.authorization.k8s.io/v1/clusterroles", "V1ClusterRole", () => rbac.listClusterRole({ labelSelector }), cl),
    clusterRoleBindings: informer("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "V1ClusterRoleBinding", () => rbac.listClusterRoleBinding({ labelSelector }), cl),
    admissionPolicies: informer("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies", "V1ValidatingAdmissionPolicy", () => adm.listValidatingAdmissionPolicy({ labelSelector }), cl),
    admissionBindings: informer("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings", "V1ValidatingAdmissionPolicyBinding", () => adm.listValidatingAdmissionPolicyBinding({ labelSelector }), cl),
  };
}

export const informersOf = (c: ClusterCache): Informer<KubernetesObject>[] => Object.values(c);
