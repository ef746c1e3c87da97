// Discovery documents (/version, /api, /apis, group-version resource lists) for clients and kubectl.
import { apiVersionOf, groups, RESOURCES, type ResourceDef } from "./resources";

export const KUBE_VERSION = { major: "1", minor: "31", gitVersion: "v1.31.0", gitCommit: "9edcffcde5595e8a5b1a35f88c421764e575afce", gitTreeState: "clean", buildDate: "2024-08-13T07:28:49Z", goVersion: "go1.22.5", compiler: "gc", platform: "linux/amd64" };

const SUBRESOURCE_VERBS: Record<string, string[]> = { status: ["get", "patch", "update"], finalize: ["update"] };

function resourceEntries(d: ResourceDef) {
  const main = { name: d.resource, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs, ...(d.shortNames ? { shortNames: d.shortNames } : {}), ...(d.categories ? { categories: d.categories } : {}) };
  const subs = (d.subresources ?? []).map((s) => ({ name: `${d.resource}/${s}`, singularName: "", namespaced: d.namespaced, kind: d.kind, verbs: SUBRESOURCE_VERBS[s] }));
  return [main, ...subs];
}

const groupVersion = (group: string) => {
  const version = RESOURCES.find((d) => d.group === group)!.version;
  return { groupVersion: group ? `${group}/${version}` : version, version };
};

export const apiVersions = (serverAddress: string) => ({ kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] });

export function apiGroup(name: string) {
  const gv = groupVersion(name);
  return { kind: "APIGroup", apiVersion: "v1", name, versions: [gv], preferredVersion: gv };
}

export const apiGroupList = () => ({
  kind: "APIGroupList", apiVersion: "v1",
  groups: groups().filter((g) => g !== "").map((g) => { const { kind: _k, apiVersion: _a, ...rest } = apiGroup(g); return rest; }),
});

/** The APIResourceList for `/api/v1` or `/apis/<group>/<version>`; undefined when not served. */
export function resourceList(group: string, version: string) {
  const defs = RESOURCES.filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf(defs[0]), resources: defs.flatMap(resourceEntries) };
}
