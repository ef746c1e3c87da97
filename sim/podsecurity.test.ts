import { describe, expect, it } from "vitest";
import { podSecurity } from "./podsecurity";
import { resourceFor } from "./resources";
import { Store, type KObject } from "./store";

function storeWith(level?: string) {
  const store = new Store();
  store.put(resourceFor("", "namespaces")!, { metadata: { name: "ns", labels: level ? { "pod-security.kubernetes.io/enforce": level } : {} } });
  return store;
}
const pod = (spec: Record<string, unknown>, container: Record<string, unknown> = {}): KObject =>
  ({ metadata: { name: "p", namespace: "ns" }, spec: { containers: [{ name: "app", image: "nginx", ...container }], ...spec } });
const hardened = { securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } } };

describe("pod security admission", () => {
  it.each<[string, string | undefined, KObject, string | undefined]>([
    ["no label admits anything", undefined, pod({ hostNetwork: true }, { securityContext: { privileged: true } }), undefined],
    ["privileged admits anything", "privileged", pod({ hostNetwork: true }), undefined],
    ["baseline admits a plain pod", "baseline", pod({}), undefined],
    ["baseline refuses privileged", "baseline", pod({}, { securityContext: { privileged: true } }), 'violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)'],
    ["baseline refuses host namespaces and hostPath", "baseline", pod({ hostNetwork: true, hostPID: true, volumes: [{ name: "data", hostPath: { path: "/" } }] }),
      'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume "data")'],
    ["restricted admits a hardened pod", "restricted", pod({}, hardened), undefined],
    ["restricted refuses a plain pod", "restricted", pod({}),
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'],
    ["restricted accepts pod-level runAsNonRoot and seccomp", "restricted", pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } } }, { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }), undefined],
    ["restricted reports hostPath as a restricted volume type", "restricted", pod({ volumes: [{ name: "data", hostPath: { path: "/" } }] }, hardened),
      'violates PodSecurity "restricted:latest": restricted volume types (volume "data" uses restricted volume type "hostPath")'],
  ])("%s", (_, level, p, message) => {
    const run = () => podSecurity(storeWith(level), p);
    if (message) expect(run).toThrow(`pods "p" is forbidden: ${message}`);
    else expect(run).not.toThrow();
  });
});
