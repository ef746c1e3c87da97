import { afterEach, describe, expect, it, vi } from "vitest";
import { KubeConfig, type V1Namespace, type V1ResourceQuota } from "@kubernetes/client-node";
import { Informer, newer, onlyStatusChanged } from "./informer";

const quota = (rv: string, hard: Record<string, string>, used: Record<string, string>): V1ResourceQuota => ({
  metadata: { name: "tenantry-quota", namespace: "p", resourceVersion: rv, labels: { "app.kubernetes.io/managed-by": "tenantry" }, creationTimestamp: new Date(0) },
  spec: { hard },
  status: { hard, used },
});

describe("which watch updates queue a reconcile", () => {
  it("not one where only the status moved (the quota controller recording usage)", () => {
    expect(onlyStatusChanged(quota("1", { pods: "10" }, {}), quota("2", { pods: "10" }, { pods: "3" }))).toBe(true);
  });
  it("one where the spec, a label or the deletion moved", () => {
    expect(onlyStatusChanged(quota("1", { pods: "10" }, {}), quota("2", { pods: "20" }, {}))).toBe(false);
    const relabelled = quota("2", { pods: "10" }, {});
    relabelled.metadata!.labels = {};
    expect(onlyStatusChanged(quota("1", { pods: "10" }, {}), relabelled)).toBe(false);
    const ns: V1Namespace = { metadata: { name: "p", resourceVersion: "1" }, status: { phase: "Active" } };
    const deleting: V1Namespace = { metadata: { name: "p", resourceVersion: "2", deletionTimestamp: new Date() }, status: { phase: "Terminating" } };
    expect(onlyStatusChanged(ns, deleting)).toBe(false);
  });
});

describe("which of two resourceVersions is later", () => {
  it("compares them as numbers of any length, as Kubernetes 1.35 allows", () => {
    expect(newer("10", "9")).toBe(true);
    expect(newer("9", "10")).toBe(false);
    expect(newer("7", "7")).toBe(false);
    expect(newer("184467440737095516160", "18446744073709551616")).toBe(true);
  });
  it("says no when either is missing or no number, so the cache waits for the watch", () => {
    expect(newer(undefined, "1")).toBe(false);
    expect(newer("2", undefined)).toBe(false);
    expect(newer("abc", "1")).toBe(false);
  });
});

describe("expectations of the controller's own writes", () => {
  afterEach(() => vi.useRealTimers());

  it("lapse after 30 s even when no watch event ever comes for their key (a write that keeps failing)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const informer = new Informer<V1ResourceQuota>(new KubeConfig(), { path: "/api/v1/resourcequotas", model: "V1ResourceQuota", list: async () => ({ items: [] }) }, () => {});
    const never = () => false;
    // A failing write retried for a minute, and one to another key that is never retried.
    informer.view("gone").expect("tenantry-quota", never);
    for (let s = 0; s < 60; s += 5) {
      informer.view("p").expect("tenantry-quota", never);
      vi.advanceTimersByTime(5_000);
    }
    // Only those of the last 30 s are still waited for; the other key's is gone.
    informer.view("p").expect("tenantry-quota", never);
    expect(informer.expecting).toBe(6);
  });
});
