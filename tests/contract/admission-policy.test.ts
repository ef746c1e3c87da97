// ValidatingAdmissionPolicy: https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
// The shape Tenantry installs: managed objects may not be updated or deleted except by the cluster admin.
import { AdmissionregistrationV1Api, AuthenticationV1Api, CoreV1Api, NetworkingV1Api, RbacAuthorizationV1Api, type V1NetworkPolicy } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, failure, openTarget, type Target } from "./target";

let t: Target;
let ns: string;
let policyName: string;
let userNet: NetworkingV1Api;
// Its own label, not the console's: on a cluster the console manages, its own policy would answer first.
const MANAGED = { "contract.tenantry.test/protected": "true" };

const netpol = (name: string, labels?: Record<string, string>): V1NetworkPolicy => ({ metadata: { name, labels }, spec: { podSelector: {}, policyTypes: ["Ingress"] } });

beforeAll(async () => {
  t = await openTarget();
  ns = `${t.run}-vap`;
  policyName = `${t.run}-protect`;
  const core = t.admin.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
  const user = t.user(`${t.run}-tenant`);
  await t.admin.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
    namespace: ns,
    body: { metadata: { name: "tenant-admin" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user.name }] },
  });
  userNet = user.kc.makeApiClient(NetworkingV1Api);
  const me = await t.admin.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } });
  const admission = t.admin.makeApiClient(AdmissionregistrationV1Api);
  await admission.createValidatingAdmissionPolicy({
    body: {
      metadata: { name: policyName },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [{ apiGroups: ["networking.k8s.io"], apiVersions: ["*"], operations: ["UPDATE", "DELETE"], resources: ["networkpolicies"] }],
          objectSelector: { matchLabels: MANAGED },
          namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
        },
        matchConditions: [
          { name: "not-admin", expression: `request.userInfo.username != '${me.status!.userInfo!.username}'` },
          { name: "not-masters", expression: "!('system:masters' in request.userInfo.groups)" },
        ],
        validations: [{ expression: "false", reason: "Forbidden", message: "managed by tenantry" }],
      },
    },
  });
  await admission.createValidatingAdmissionPolicyBinding({ body: { metadata: { name: policyName }, spec: { policyName, validationActions: ["Deny"] } } });
  await t.admin.makeApiClient(NetworkingV1Api).createNamespacedNetworkPolicy({ namespace: ns, body: netpol("guard", MANAGED) });
  // A real API server picks up new policies (and bindings) asynchronously. Probe with dry-run deletes,
  // which admission sees too, so that a delete let through before the policy is active removes nothing.
  await eventually(async () => expect((await failure(userNet.deleteNamespacedNetworkPolicy({ namespace: ns, name: "guard", dryRun: "All" }))).code).toBe(403), 30_000, 200);
});
afterAll(async () => {
  const admission = t.admin.makeApiClient(AdmissionregistrationV1Api);
  await admission.deleteValidatingAdmissionPolicyBinding({ name: policyName }).catch(() => undefined);
  await admission.deleteValidatingAdmissionPolicy({ name: policyName }).catch(() => undefined);
  await t.admin.makeApiClient(CoreV1Api).deleteNamespace({ name: ns }).catch(() => undefined);
  await t.close();
});

describe("ValidatingAdmissionPolicy", () => {
  it("refuses a non-admin's delete of a matching object with a 403 naming policy and binding", async () => {
    const { code, body } = await failure(userNet.deleteNamespacedNetworkPolicy({ namespace: ns, name: "guard" }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ kind: "Status", reason: "Forbidden", code: 403 });
    expect(body.message).toBe(`networkpolicies.networking.k8s.io "guard" is forbidden: ValidatingAdmissionPolicy '${policyName}' with binding '${policyName}' denied request: managed by tenantry`);
  });

  it("refuses an update that strips the label (the old object still matches)", async () => {
    const current = await userNet.readNamespacedNetworkPolicy({ namespace: ns, name: "guard" });
    const { code } = await failure(userNet.replaceNamespacedNetworkPolicy({ namespace: ns, name: "guard", body: { ...current, metadata: { ...current.metadata, labels: {} } } }));
    expect(code).toBe(403);
  });

  it("lets the user create, change and delete objects that do not match", async () => {
    await userNet.createNamespacedNetworkPolicy({ namespace: ns, body: netpol("mine") });
    const mine = await userNet.readNamespacedNetworkPolicy({ namespace: ns, name: "mine" });
    await userNet.replaceNamespacedNetworkPolicy({ namespace: ns, name: "mine", body: { ...mine, spec: { ...mine.spec!, policyTypes: ["Ingress", "Egress"] } } });
    await userNet.deleteNamespacedNetworkPolicy({ namespace: ns, name: "mine" });
  });

  it("lets the exempted admin delete the object", async () => {
    await t.admin.makeApiClient(NetworkingV1Api).deleteNamespacedNetworkPolicy({ namespace: ns, name: "guard" });
  });
});
