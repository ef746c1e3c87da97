// The API resources the simulator serves, as discovery advertises them.
export interface ResourceDef {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Discovery categories; `all` makes `kubectl get all` include the resource. */
  categories?: string[];
  verbs: string[];
  subresources?: string[];
  /** Field selectors beyond metadata.name / metadata.namespace. */
  fields?: string[];
  /** PUT on a missing object creates it (RBAC objects, like the real registry). */
  createOnUpdate?: boolean;
  /** DELETE answers with the object rather than a Status (graceful-deletion resources). */
  returnsObject?: boolean;
  /** Virtual "create-only" review resources: never stored. */
  review?: boolean;
  readOnly?: boolean;
}

const CRUD = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function def(group: string, version: string, resource: string, kind: string, namespaced: boolean, extra: Partial<ResourceDef> = {}): ResourceDef {
  return { group, version, resource, kind, singular: kind.toLowerCase(), namespaced, verbs: CRUD, ...extra };
}

const RBAC = "rbac.authorization.k8s.io";
const AUTHZ = "authorization.k8s.io";
const review = { verbs: ["create"], review: true };

export const RESOURCES: ResourceDef[] = [
  def("", "v1", "namespaces", "Namespace", false, { shortNames: ["ns"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], subresources: ["status", "finalize"], fields: ["status.phase"], returnsObject: true }),
  def("", "v1", "nodes", "Node", false, { shortNames: ["no"], verbs: ["get", "list", "watch"], readOnly: true, subresources: ["status"] }),
  def("", "v1", "pods", "Pod", true, { shortNames: ["po"], categories: ["all"], subresources: ["status"], fields: ["status.phase", "spec.nodeName", "spec.serviceAccountName"], returnsObject: true }),
  def("", "v1", "services", "Service", true, { shortNames: ["svc"], categories: ["all"], subresources: ["status"], createOnUpdate: true }),
  def("", "v1", "configmaps", "ConfigMap", true, { shortNames: ["cm"] }),
  def("", "v1", "secrets", "Secret", true, { fields: ["type"] }),
  def("", "v1", "serviceaccounts", "ServiceAccount", true, { shortNames: ["sa"] }),
  def("", "v1", "resourcequotas", "ResourceQuota", true, { shortNames: ["quota"], subresources: ["status"] }),
  def("", "v1", "limitranges", "LimitRange", true, { shortNames: ["limits"], createOnUpdate: true }),
  def("", "v1", "events", "Event", true, { shortNames: ["ev"], fields: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"] }),
  def("apps", "v1", "deployments", "Deployment", true, { shortNames: ["deploy"], categories: ["all"], subresources: ["status"] }),
  def("apps", "v1", "replicasets", "ReplicaSet", true, { shortNames: ["rs"], categories: ["all"], subresources: ["status"] }),
  def("apps", "v1", "statefulsets", "StatefulSet", true, { shortNames: ["sts"], categories: ["all"], subresources: ["status"] }),
  def("apps", "v1", "daemonsets", "DaemonSet", true, { shortNames: ["ds"], categories: ["all"], subresources: ["status"] }),
  def("batch", "v1", "jobs", "Job", true, { categories: ["all"], subresources: ["status"] }),
  def("batch", "v1", "cronjobs", "CronJob", true, { shortNames: ["cj"], categories: ["all"], subresources: ["status"] }),
  def("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, { shortNames: ["netpol"] }),
  def(RBAC, "v1", "roles", "Role", true, { createOnUpdate: true }),
  def(RBAC, "v1", "rolebindings", "RoleBinding", true, { createOnUpdate: true }),
  def(RBAC, "v1", "clusterroles", "ClusterRole", false, { createOnUpdate: true }),
  def(RBAC, "v1", "clusterrolebindings", "ClusterRoleBinding", false, { createOnUpdate: true }),
  def(AUTHZ, "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, review),
  def(AUTHZ, "v1", "subjectaccessreviews", "SubjectAccessReview", false, review),
  def(AUTHZ, "v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", true, review),
  def(AUTHZ, "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false, review),
  def("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, review),
  // Evaluated on writes by vap.ts (a CEL subset).
  def("admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, { subresources: ["status"] }),
  def("admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false),
];

export const apiVersionOf = (d: ResourceDef) => (d.group ? `${d.group}/${d.version}` : d.version);
export const resourceKey = (group: string, resource: string) => `${group}/${resource}`;

const byKey = new Map(RESOURCES.map((d) => [resourceKey(d.group, d.resource), d]));
export function findResource(group: string, version: string, resource: string): ResourceDef | undefined {
  const d = byKey.get(resourceKey(group, resource));
  return d && d.version === version ? d : undefined;
}
/** Served resource by group and plural name; undefined when the simulator does not serve it. */
export const resourceFor = (group: string, resource: string): ResourceDef | undefined => byKey.get(resourceKey(group, resource));
export const groups = () => [...new Set(RESOURCES.map((d) => d.group))];
