// The wall tenants cannot take down (DESIGN §4): a ValidatingAdmissionPolicy + binding per cluster that
// refuses UPDATE and DELETE of objects labelled managed-by=tenantry to everyone but Tenantry's own
// identity, cluster admins (system:masters) and the control plane (whose namespace controller deletes a
// namespace's contents). Tenants keep full self-service over their own, unlabelled objects.
import {
  AdmissionregistrationV1Api,
  AuthenticationV1Api,
  type V1ValidatingAdmissionPolicy,
  type V1ValidatingAdmissionPolicyBinding,
} from "@kubernetes/client-node";
import { apiFor, kubeStatus, withTimeout, type ClusterCredentials } from "./client";
import { LABELS, MANAGER } from "./namespace";
import { covers, managedLabels } from "./owned";

export const POLICY_NAME = "tenantry-protect-managed-objects";
const q = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export function desiredPolicy(tenantryUser: string): V1ValidatingAdmissionPolicy {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: POLICY_NAME, labels: managedLabels },
    spec: {
      failurePolicy: "Fail",
      matchConstraints: {
        resourceRules: [
          { apiGroups: [""], apiVersions: ["*"], operations: ["UPDATE", "DELETE"], resources: ["namespaces", "resourcequotas", "limitranges"] },
          { apiGroups: ["networking.k8s.io"], apiVersions: ["*"], operations: ["UPDATE", "DELETE"], resources: ["networkpolicies"] },
          { apiGroups: ["rbac.authorization.k8s.io"], apiVersions: ["*"], operations: ["UPDATE", "DELETE"], resources: ["rolebindings"] },
        ],
        objectSelector: { matchLabels: { [LABELS.managedBy]: MANAGER } },
      },
      matchConditions: [
        { name: "not-tenantry", expression: `request.userInfo.username != ${q(tenantryUser)}` },
        { name: "not-cluster-admin", expression: `!('system:masters' in request.userInfo.groups)` },
        {
          name: "not-control-plane",
          expression: `!request.userInfo.username.startsWith('system:serviceaccount:kube-system:') && !request.userInfo.username.startsWith('system:kube-') && request.userInfo.username != 'system:apiserver'`,
        },
      ],
      validations: [
        {
          expression: "false",
          reason: "Forbidden",
          message: "this object is managed by Tenantry (app.kubernetes.io/managed-by=tenantry); change it in the Tenantry console",
        },
      ],
    },
  };
}

export function desiredBinding(): V1ValidatingAdmissionPolicyBinding {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: POLICY_NAME, labels: managedLabels },
    spec: { policyName: POLICY_NAME, validationActions: ["Deny"] },
  };
}

const identities = new Map<string, { credentials: string; username: string }>();

/** The username this cluster sees Tenantry as (SelfSubjectReview, GA since Kubernetes 1.28); asked once per credentials. */
async function tenantryIdentity(cluster: ClusterCredentials): Promise<string> {
  const known = identities.get(cluster.id);
  if (known?.credentials === cluster.credentials) return known.username;
  const auth = apiFor(cluster, AuthenticationV1Api);
  const review = await withTimeout(auth.createSelfSubjectReview({ body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } }));
  const username = review.status?.userInfo?.username;
  if (!username) throw new Error("the cluster did not say who Tenantry is (SelfSubjectReview without a username)");
  identities.set(cluster.id, { credentials: cluster.credentials, username });
  return username;
}

const verified = new Map<string, number>();

export interface AdmissionObjects {
  policy?: V1ValidatingAdmissionPolicy;
  binding?: V1ValidatingAdmissionPolicyBinding;
}

/** Creates or repairs the policy and its binding. Given what is there (the watch cache), it writes only
 *  differences; without it, it reads them, at most once a minute per cluster. */
export async function ensureAdmissionPolicy(cluster: ClusterCredentials, have?: AdmissionObjects): Promise<number> {
  if (!have && (verified.get(cluster.id) ?? 0) > Date.now() - 60_000) return 0;
  const api = apiFor(cluster, AdmissionregistrationV1Api);
  const policy = desiredPolicy(await tenantryIdentity(cluster));
  const binding = desiredBinding();
  let writes = 0;
  const read = <T>(get: () => Promise<T>) => withTimeout(get()).catch((err) => (kubeStatus(err) === 404 ? undefined : Promise.reject(err)));
  const ensure = async <T extends { metadata?: { resourceVersion?: string; labels?: Record<string, string> }; spec?: unknown }>(want: T, cached: T | undefined, get: () => Promise<T>, create: () => Promise<unknown>, replace: (rv?: string) => Promise<unknown>) => {
    let current = have ? cached : await read(get);
    if (!current) {
      // Absent from the label-selected cache may still exist unlabelled: create answers 409, then read it.
      const created = await withTimeout(create()).then(() => true, (err) => (kubeStatus(err) === 409 ? false : Promise.reject(err)));
      if (created) return void writes++;
      current = await withTimeout(get());
    }
    if (covers(current.spec, want.spec) && current.metadata?.labels?.[LABELS.managedBy] === MANAGER) return;
    await withTimeout(replace(current.metadata?.resourceVersion));
    writes++;
  };
  await ensure(policy, have?.policy, () => api.readValidatingAdmissionPolicy({ name: POLICY_NAME }), () => api.createValidatingAdmissionPolicy({ body: policy }),
    (resourceVersion) => api.replaceValidatingAdmissionPolicy({ name: POLICY_NAME, body: { ...policy, metadata: { ...policy.metadata, resourceVersion } } }));
  await ensure(binding, have?.binding, () => api.readValidatingAdmissionPolicyBinding({ name: POLICY_NAME }), () => api.createValidatingAdmissionPolicyBinding({ body: binding }),
    (resourceVersion) => api.replaceValidatingAdmissionPolicyBinding({ name: POLICY_NAME, body: { ...binding, metadata: { ...binding.metadata, resourceVersion } } }));
  verified.set(cluster.id, Date.now());
  return writes;
}
