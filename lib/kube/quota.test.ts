import { describe, expect, it } from "vitest";
import { effectiveHard, quotaSources } from "./quota";
import { desiredLimitItem, effectiveLimits } from "./limits";
import { limitIssues } from "../tenancy/quotas-limits";
import { CLUSTER_ROLES } from "./rbac";

describe("project quota", () => {
  it("starts from object counts, zeroes pooled keys and keeps the project's own share", () => {
    expect(effectiveHard(undefined, [])).toEqual({ persistentvolumeclaims: "20", pods: "100", "services.loadbalancers": "0", "services.nodeports": "0" });
    expect(effectiveHard({ "requests.cpu": "1500m", "limits.memory": "1024Mi" }, ["requests.cpu", "pods"])).toMatchObject({ "requests.cpu": "1500m", "limits.memory": "1Gi", pods: "0" });
  });
});

describe("where a project's quota in effect comes from", () => {
  it("tells what is set here from the workspace's default, its pool and the built-in counts", () => {
    expect(quotaSources({ "requests.cpu": "1", "limits.cpu": "2" }, ["limits.cpu"], ["requests.cpu", "requests.memory"])).toEqual({
      "requests.cpu": "project",
      "limits.cpu": "workspace-default",
      "requests.memory": "pool",
      pods: "built-in",
      persistentvolumeclaims: "built-in",
      "services.loadbalancers": "built-in",
      "services.nodeports": "built-in",
    });
    // A project's own value of a built-in key is its own.
    expect(quotaSources({ pods: "5" }, [], [])).toMatchObject({ pods: "project" });
  });
});

describe("default container limits", () => {
  it("in effect name the API object's fields and where each value comes from", () => {
    expect(effectiveLimits({ max: { cpu: "2" } }, { "requests.memory": "1Gi" })).toEqual({
      effective: { default: { cpu: "2", memory: "512Mi" }, defaultRequest: { cpu: "2", memory: "128Mi" }, max: { cpu: "2" } },
      sources: { default: { cpu: "derived", memory: "automatic" }, defaultRequest: { cpu: "derived", memory: "automatic" }, max: { cpu: "project" } },
    });
    expect(effectiveLimits(undefined, {})).toBeNull();
  });

  it("are added for cpu/memory when the quota tracks them and nobody set any", () => {
    expect(desiredLimitItem(undefined, { pods: "10" })).toBeUndefined();
    expect(desiredLimitItem(undefined, { "requests.cpu": "1" })).toEqual({ type: "Container", _default: { cpu: "500m" }, defaultRequest: { cpu: "100m" } });
  });

  it("mirror the API server's defaulting: default ← max, defaultRequest ← default, then ← min", () => {
    expect(desiredLimitItem({ max: { cpu: "2" }, min: { memory: "64Mi" } }, {})).toEqual({ type: "Container", _default: { cpu: "2" }, defaultRequest: { cpu: "2", memory: "64Mi" }, max: { cpu: "2" }, min: { memory: "64Mi" } });
  });

  it("must be ordered min ≤ defaultRequest ≤ default ≤ max", () => {
    expect(limitIssues({ min: { cpu: "100m" }, default: { cpu: "1" }, max: { cpu: "500m" } })).toEqual([{ path: "max.cpu", message: "cpu: max 500m is below default 1." }]);
    expect(limitIssues({ defaultRequest: { memory: "1Gi" }, default: { memory: "1Gi" } })).toEqual([]);
  });
});

describe("project cluster roles", () => {
  it("never carry escalate, bind or impersonate, nor cluster-scoped resources", () => {
    for (const rules of Object.values(CLUSTER_ROLES)) {
      for (const r of rules) {
        expect(r.verbs.filter((v) => ["escalate", "bind", "impersonate", "*"].includes(v))).toEqual([]);
        expect(r.resources?.filter((res) => ["namespaces", "nodes", "clusterroles", "clusterrolebindings", "*"].includes(res)) ?? []).toEqual([]);
      }
    }
  });
});
