// Pod Security Admission (enforce mode) for the namespace label `pod-security.kubernetes.io/enforce`:
// the common baseline and restricted checks, reported in the real plugin's order and wording.
import { forbidden } from "./errors";
import { resourceFor } from "./resources";
import type { KObject, Store } from "./store";

interface SecurityContext { privileged?: boolean; allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean; runAsUser?: number; capabilities?: { add?: string[]; drop?: string[] }; seccompProfile?: { type?: string } }
interface Container { name: string; ports?: { hostPort?: number }[]; securityContext?: SecurityContext }

const BASELINE_CAPS = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];
const RESTRICTED_VOLUMES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];
const LEVELS = ["privileged", "baseline", "restricted"];

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const containersPhrase = (names: string[]) => `${names.length === 1 ? "container" : "containers"} ${quoted(names)}`;

/** Checks in the plugin's (alphabetical) order; a restricted check may replace a baseline one. */
type Check = { id: string; level: "baseline" | "restricted"; overrides?: string; run: (pod: KObject, cs: Container[]) => string | undefined };

const CHECKS: Check[] = [
  { id: "allowPrivilegeEscalation", level: "restricted", run: (_, cs) => {
    const bad = cs.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => c.name);
    return bad.length ? `allowPrivilegeEscalation != false (${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false)` : undefined;
  } },
  { id: "capabilities_baseline", level: "baseline", run: (_, cs) => {
    const bad = cs.flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPS.includes(cap)).map((cap) => `container "${c.name}" must not include "${cap}" in securityContext.capabilities.add`));
    return bad.length ? `non-default capabilities (${bad.join("; ")})` : undefined;
  } },
  { id: "capabilities_restricted", level: "restricted", overrides: "capabilities_baseline", run: (_, cs) => {
    const noDrop = cs.filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes("ALL")).map((c) => c.name);
    const added = cs.flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => cap !== "NET_BIND_SERVICE").map((cap) => `container "${c.name}" must not include "${cap}" in securityContext.capabilities.add`));
    const parts = [...(noDrop.length ? [`${containersPhrase(noDrop)} must set securityContext.capabilities.drop=["ALL"]`] : []), ...added];
    return parts.length ? `unrestricted capabilities (${parts.join("; ")})` : undefined;
  } },
  { id: "hostNamespaces", level: "baseline", run: (pod) => {
    const set = ["hostNetwork", "hostPID", "hostIPC"].filter((k) => pod.spec?.[k] === true);
    return set.length ? `host namespaces (${set.map((k) => `${k}=true`).join(", ")})` : undefined;
  } },
  { id: "hostPathVolumes", level: "baseline", run: (pod) => {
    const vols = (pod.spec?.volumes ?? []).filter((v: Record<string, unknown>) => v.hostPath).map((v: { name: string }) => v.name);
    return vols.length ? `hostPath volumes (${vols.length === 1 ? "volume" : "volumes"} ${quoted(vols)})` : undefined;
  } },
  { id: "hostPorts", level: "baseline", run: (_, cs) => {
    const uses = cs.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `container "${c.name}" uses hostPort ${p.hostPort}`));
    return uses.length ? `hostPort (${uses.join(", ")})` : undefined;
  } },
  { id: "privileged", level: "baseline", run: (_, cs) => {
    const bad = cs.filter((c) => c.securityContext?.privileged).map((c) => c.name);
    return bad.length ? `privileged (${containersPhrase(bad)} must not set securityContext.privileged=true)` : undefined;
  } },
  { id: "restrictedVolumes", level: "restricted", overrides: "hostPathVolumes", run: (pod) => {
    const bad = (pod.spec?.volumes ?? []).flatMap((v: Record<string, unknown>) => Object.keys(v).filter((k) => k !== "name" && !RESTRICTED_VOLUMES.includes(k)).map((k) => `volume "${v.name}" uses restricted volume type "${k}"`));
    return bad.length ? `restricted volume types (${bad.join(", ")})` : undefined;
  } },
  { id: "runAsNonRoot", level: "restricted", run: (pod, cs) => {
    const podLevel = pod.spec?.securityContext?.runAsNonRoot === true;
    const bad = cs.filter((c) => c.securityContext?.runAsNonRoot === false || (!podLevel && c.securityContext?.runAsNonRoot !== true)).map((c) => c.name);
    return bad.length ? `runAsNonRoot != true (pod or ${containersPhrase(bad)} must set securityContext.runAsNonRoot=true)` : undefined;
  } },
  { id: "runAsUser", level: "restricted", run: (pod, cs) => {
    const bad = cs.filter((c) => c.securityContext?.runAsUser === 0).map((c) => c.name);
    if (pod.spec?.securityContext?.runAsUser === 0) return "runAsUser=0 (pod must not set runAsUser=0)";
    return bad.length ? `runAsUser=0 (${containersPhrase(bad)} must not set runAsUser=0)` : undefined;
  } },
  { id: "seccompProfile_restricted", level: "restricted", run: (pod, cs) => {
    const ok = (t?: string) => t === "RuntimeDefault" || t === "Localhost";
    const podLevel = ok(pod.spec?.securityContext?.seccompProfile?.type);
    const bad = cs.filter((c) => (c.securityContext?.seccompProfile?.type ? !ok(c.securityContext.seccompProfile.type) : !podLevel)).map((c) => c.name);
    return bad.length ? `seccompProfile (pod or ${containersPhrase(bad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")` : undefined;
  } },
];

/** Refuses a pod that breaks its namespace's enforced Pod Security level. */
export function podSecurity(store: Store, pod: KObject): void {
  const ns = store.get(resourceFor("", "namespaces")!, undefined, pod.metadata.namespace!);
  const labels = ns?.metadata.labels ?? {};
  const level = labels["pod-security.kubernetes.io/enforce"];
  if (!level || !LEVELS.includes(level) || level === "privileged") return;
  const version = labels["pod-security.kubernetes.io/enforce-version"] || "latest";
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const active = CHECKS.filter((c) => level === "restricted" || c.level === "baseline");
  const replaced = new Set(active.map((c) => c.overrides));
  const failures = active.filter((c) => !replaced.has(c.id)).map((c) => c.run(pod, containers)).filter((m): m is string => !!m);
  if (failures.length) throw forbidden(resourceFor("", "pods")!, pod.metadata.name, `violates PodSecurity "${level}:${version}": ${failures.join(", ")}`);
}
