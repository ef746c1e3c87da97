// Defaulting and validation (422 Invalid) for the kinds the simulator serves; only what clients hit.
import { fieldInvalid, fieldRequired, invalid, type StatusCause } from "./errors";
import { parseQuantity } from "./quantity";
import type { ResourceDef } from "./resources";
import type { KObject } from "./store";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const MSG = {
  label: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  subdomain: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  dns1035: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  labelValue: "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  qualifiedName: "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
};

function nameCauses(d: ResourceDef, name: string): StatusCause[] {
  const f = "metadata.name";
  if (d.resource === "namespaces") return name.length > 63 ? [fieldInvalid(f, name, "must be no more than 63 characters")] : LABEL.test(name) ? [] : [fieldInvalid(f, name, MSG.label)];
  if (d.resource === "services") return name.length > 63 ? [fieldInvalid(f, name, "must be no more than 63 characters")] : DNS1035.test(name) ? [] : [fieldInvalid(f, name, MSG.dns1035)];
  if (d.group === "rbac.authorization.k8s.io") {
    if (name === "." || name === "..") return [fieldInvalid(f, name, `may not be '${name}'`)];
    for (const bad of ["/", "%"]) if (name.includes(bad)) return [fieldInvalid(f, name, `may not contain '${bad}'`)];
    return [];
  }
  if (name.length > 253) return [fieldInvalid(f, name, "must be no more than 253 characters")];
  return SUBDOMAIN.test(name) ? [] : [fieldInvalid(f, name, MSG.subdomain)];
}

function labelCauses(labels: Record<string, string> | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const [prefix, name] = k.includes("/") ? [k.slice(0, k.indexOf("/")), k.slice(k.indexOf("/") + 1)] : ["", k];
    if ((prefix && !SUBDOMAIN.test(prefix)) || !QUALIFIED_NAME.test(name) || name.length > 63) causes.push(fieldInvalid("metadata.labels", k, MSG.qualifiedName));
    if (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v)) causes.push(fieldInvalid("metadata.labels", v, MSG.labelValue));
  }
  return causes;
}

function quantityCauses(field: string, values: Record<string, unknown> | undefined): StatusCause[] {
  return Object.entries(values ?? {}).flatMap(([k, v]) => {
    try { parseQuantity(v as string); return []; } catch { return [fieldInvalid(`${field}[${k}]`, v, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]; }
  });
}

/** A container's securityContext as the API server prints it in this message: Go's field names and order. */
function goSecurityContext(sc: Record<string, unknown>) {
  const fields = ["capabilities", "privileged", "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount", "seccompProfile", "appArmorProfile"];
  const goName = (f: string) => f.replace(/^seLinux/, "SELinux").replace(/^./, (x) => x.toUpperCase());
  return Object.fromEntries(fields.map((f) => [goName(f), sc[f] ?? null]));
}

const notSupported = (field: string, value: unknown, supported: string[]): StatusCause =>
  ({ reason: "FieldValueNotSupported", message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((v) => `"${v}"`).join(", ")}`, field });

/** A controller's pod template: the selector must select it, and its restartPolicy suit the controller. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function templateCauses(spec: any, at: string, restartPolicies: string[], needsSelector = true): StatusCause[] {
  const template = spec?.template;
  if (!template) return [fieldRequired(`${at}.template`)];
  const labels = template.metadata?.labels ?? {};
  const selector = spec.selector?.matchLabels as Record<string, string> | undefined;
  const causes: StatusCause[] = [];
  if (needsSelector && !spec.selector) causes.push(fieldRequired(`${at}.selector`));
  else if (selector && Object.entries(selector).some(([k, v]) => labels[k] !== v)) causes.push(fieldInvalid(`${at}.template.metadata.labels`, labels, "`selector` does not match template `labels`"));
  const containers = template.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) causes.push(fieldRequired(`${at}.template.spec.containers`));
  const policy = template.spec?.restartPolicy ?? "Always";
  // A Job's refusal is worded as kube-apiserver words it: "Required value: valid values: …".
  const valid = restartPolicies.map((v) => `"${v}"`).join(", ");
  if (!restartPolicies.includes(policy))
    causes.push(restartPolicies.includes("Always") ? notSupported(`${at}.template.spec.restartPolicy`, policy, restartPolicies) : fieldRequired(`${at}.template.spec.restartPolicy`, `valid values: ${valid}`));
  return causes;
}

function specCauses(d: ResourceDef, o: KObject): StatusCause[] {
  switch (d.resource) {
    case "deployments":
    case "replicasets":
    case "statefulsets":
    case "daemonsets":
      return templateCauses(o.spec, "spec", ["Always"]);
    case "jobs":
      return templateCauses(o.spec, "spec", ["OnFailure", "Never"], false);
    case "cronjobs":
      return [...(o.spec?.schedule ? [] : [fieldRequired("spec.schedule")]), ...templateCauses(o.spec?.jobTemplate?.spec, "spec.jobTemplate.spec", ["OnFailure", "Never"], false)];
    case "pods": {
      const containers = o.spec?.containers;
      if (!Array.isArray(containers) || containers.length === 0) return [fieldRequired("spec.containers")];
      return containers.flatMap((c: { name?: string; image?: string; resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> }; securityContext?: Record<string, unknown> }, i: number) => [
        ...(c.name ? (LABEL.test(c.name) ? [] : [fieldInvalid(`spec.containers[${i}].name`, c.name, MSG.label)]) : [fieldRequired(`spec.containers[${i}].name`)]),
        ...(c.image ? [] : [fieldRequired(`spec.containers[${i}].image`)]),
        ...(c.securityContext?.privileged === true && c.securityContext.allowPrivilegeEscalation === false
          ? [fieldInvalid(`spec.containers[${i}].securityContext`, goSecurityContext(c.securityContext), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true")] : []),
        ...quantityCauses(`spec.containers[${i}].resources.requests`, c.resources?.requests),
        ...quantityCauses(`spec.containers[${i}].resources.limits`, c.resources?.limits),
      ]);
    }
    case "resourcequotas": return quantityCauses("spec.hard", o.spec?.hard);
    case "limitranges":
      return (o.spec?.limits ?? []).flatMap((l: Record<string, Record<string, unknown>>, i: number) =>
        ["default", "defaultRequest", "max", "min"].flatMap((k) => quantityCauses(`spec.limits[${i}].${k}`, l[k])));
    case "rolebindings":
    case "clusterrolebindings":
      return o.roleRef?.name ? [] : [fieldRequired("roleRef.name")];
    case "services":
      return Array.isArray(o.spec?.ports) && o.spec.ports.length > 0 ? [] : o.spec?.type === "ExternalName" ? [] : [fieldRequired("spec.ports")];
    default: return [];
  }
}

export function validate(d: ResourceDef, o: KObject): void {
  const name = o.metadata.name ?? "";
  const causes = name ? nameCauses(d, name) : [fieldRequired("metadata.name", "name or generateName is required")];
  causes.push(...labelCauses(o.metadata.labels), ...specCauses(d, o));
  if (causes.length) throw invalid(d.kind, d.group, name, causes);
}

let nextServiceIP = 1;
/** Server-side defaults a client sees in the response. */
export function applyDefaults(d: ResourceDef, o: KObject): void {
  if (d.resource === "pods") {
    o.spec ??= {};
    o.spec.restartPolicy ??= "Always";
    o.spec.dnsPolicy ??= "ClusterFirst";
    o.spec.serviceAccountName ??= "default";
    o.spec.schedulerName ??= "default-scheduler";
    o.spec.terminationGracePeriodSeconds ??= 30;
    for (const c of [...(o.spec.containers ?? []), ...(o.spec.initContainers ?? [])]) {
      c.imagePullPolicy ??= String(c.image ?? "").endsWith(":latest") || !String(c.image ?? "").includes(":") ? "Always" : "IfNotPresent";
      // Requests default to limits when only limits are given.
      if (c.resources?.limits) c.resources.requests = { ...c.resources.limits, ...(c.resources.requests ?? {}) };
    }
  }
  if (d.resource === "services") {
    o.spec ??= {};
    o.spec.type ??= "ClusterIP";
    if (o.spec.type !== "ExternalName" && !o.spec.clusterIP) {
      const n = nextServiceIP++;
      o.spec.clusterIP = `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
      o.spec.clusterIPs = [o.spec.clusterIP];
    }
    o.spec.sessionAffinity ??= "None";
    for (const p of o.spec.ports ?? []) { p.protocol ??= "TCP"; p.targetPort ??= p.port; }
    o.status ??= { loadBalancer: {} };
  }
  if (d.resource === "namespaces") {
    o.metadata.labels = { ...(o.metadata.labels ?? {}), "kubernetes.io/metadata.name": o.metadata.name };
    o.spec = { finalizers: ["kubernetes"] };
    o.status = { phase: "Active" };
  }
  if (d.resource === "secrets") o.type ??= "Opaque";
  if (d.resource === "secrets") mergeStringData(o);
  if (["deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs"].includes(d.resource)) o.spec ??= {};
  if (d.resource === "deployments" || d.resource === "replicasets" || d.resource === "statefulsets") o.spec.replicas ??= 1;
  if (d.resource === "deployments") {
    o.spec.strategy ??= { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } };
    o.spec.revisionHistoryLimit ??= 10;
    o.spec.progressDeadlineSeconds ??= 600;
  }
  if (d.resource === "statefulsets") {
    o.spec.podManagementPolicy ??= "OrderedReady";
    o.spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
    o.spec.revisionHistoryLimit ??= 10;
  }
  if (d.resource === "daemonsets") o.spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  if (d.resource === "jobs") Object.assign(o.spec, { parallelism: 1, completions: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, ...o.spec });
  if (d.resource === "cronjobs") Object.assign(o.spec, { concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, ...o.spec });
  if (d.resource === "networkpolicies") {
    o.spec ??= {};
    o.spec.podSelector ??= {};
    o.spec.policyTypes ??= ["Ingress", ...(o.spec.egress ? ["Egress"] : [])];
  }
}

/** A Secret's stringData is write-only: the API server stores it base64-encoded in data, over data's own keys. */
export function mergeStringData(o: KObject): void {
  if (!o.stringData) return;
  const encoded = Object.fromEntries(Object.entries(o.stringData as Record<string, string>).map(([k, v]) => [k, Buffer.from(String(v)).toString("base64")]));
  o.data = { ...(o.data ?? {}), ...encoded };
  delete o.stringData;
}

/** A Job's selector and pod labels name it by uid (manualSelector unset), set once it has one. */
export function jobSelector(o: KObject): void {
  if (o.spec?.manualSelector) return;
  const labels = { "batch.kubernetes.io/controller-uid": o.metadata.uid!, "batch.kubernetes.io/job-name": o.metadata.name, "controller-uid": o.metadata.uid!, "job-name": o.metadata.name };
  o.spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": o.metadata.uid! } };
  o.spec.template.metadata = { ...o.spec.template.metadata, labels: { ...o.spec.template.metadata?.labels, ...labels } };
  o.metadata.labels = { ...labels, ...o.metadata.labels };
}

export function qosClass(pod: KObject): string {
  const cs = pod.spec?.containers ?? [];
  const any = cs.some((c: { resources?: { requests?: object; limits?: object } }) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return "BestEffort";
  const guaranteed = cs.every((c: { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }) =>
    ["cpu", "memory"].every((r) => c.resources?.limits?.[r] && c.resources?.requests?.[r] === c.resources.limits[r]));
  return guaranteed ? "Guaranteed" : "Burstable";
}
