// authorization.k8s.io/v1 reviews: SelfSubjectAccessReview, SubjectAccessReview,
// LocalSubjectAccessReview and SelfSubjectRulesReview, and authentication.k8s.io/v1 SelfSubjectReview. Evaluated, never stored.
import { badRequest, fieldInvalid, invalid } from "../errors";
import { authorize, rulesFor, type Attributes, type RuleSource, type UserInfo } from "../rbac";
import type { ResourceDef } from "../resources";
import type { KObject } from "../store";

interface ResourceAttributes { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string }
interface NonResourceAttributes { path?: string; verb?: string }

function attributesFor(user: UserInfo, spec: { resourceAttributes?: ResourceAttributes; nonResourceAttributes?: NonResourceAttributes }): Attributes {
  if (spec.resourceAttributes) {
    const r = spec.resourceAttributes;
    return { user, verb: r.verb ?? "", resourceRequest: true, apiGroup: r.group ?? "", resource: r.resource ?? "", subresource: r.subresource || undefined, namespace: r.namespace || undefined, name: r.name || undefined };
  }
  if (spec.nonResourceAttributes) return { user, verb: spec.nonResourceAttributes.verb ?? "", resourceRequest: false, path: spec.nonResourceAttributes.path ?? "" };
  throw badRequest("exactly one of nonResourceAttributes or resourceAttributes must be specified");
}

export function review(src: RuleSource, requester: UserInfo, d: ResourceDef, ns: string | undefined, body: KObject): KObject {
  const spec = body.spec ?? {};
  const name = body.metadata?.name ?? "";
  if (d.resource === "selfsubjectreviews") {
    return { kind: d.kind, apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null } as never, status: { userInfo: { username: requester.username, groups: requester.groups } } };
  }
  const result = (status: object) => ({ kind: d.kind, apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null }, spec, status });

  if (d.resource === "selfsubjectrulesreviews") {
    const rules = rulesFor(src, requester, spec.namespace);
    return result({
      resourceRules: rules.filter((r) => !r.nonResourceURLs).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) })),
      nonResourceRules: rules.filter((r) => r.nonResourceURLs).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
      incomplete: false,
    }) as unknown as KObject;
  }

  let subject = requester;
  if (d.resource !== "selfsubjectaccessreviews") {
    if (!spec.user && !(spec.groups ?? []).length) throw invalid(d.kind, d.group, name, [fieldInvalid("spec.user", "", "at least one of user or group must be specified")]);
    subject = { username: spec.user ?? "", groups: spec.groups ?? [] };
  }
  if (d.resource === "localsubjectaccessreviews" && spec.resourceAttributes?.namespace !== ns) {
    throw invalid(d.kind, d.group, name, [fieldInvalid("spec.resourceAttributes.namespace", spec.resourceAttributes?.namespace ?? "", "must match metadata.namespace")]);
  }
  const decision = authorize(src, attributesFor(subject, spec));
  return result({ allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) }) as unknown as KObject;
}
