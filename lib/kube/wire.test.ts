import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { desiredLimitItem, desiredLimitRange } from "./limits";
import { desiredPolicies } from "./network";
import { wireYaml } from "./wire";

describe("objects shown as YAML", () => {
  it("are the API objects, not client-node's models (`default` and `from`, not `_default` and `_from`)", () => {
    const limits = desiredLimitRange("p1", desiredLimitItem({ max: { cpu: "2" } }, {})!);
    const [policy] = desiredPolicies("p1", "ws", false, { isolated: true, allow: [{ project: "p2" }] });
    const text = wireYaml([limits, policy!, { apiVersion: "v1", kind: "Namespace", metadata: { name: "p1", creationTimestamp: new Date("2026-01-02T03:04:05Z") } }]);
    expect(text).not.toMatch(/_default|_from/);
    const [lr, np, ns] = parseAllDocuments(text).map((d) => d.toJS());
    expect(lr.spec.limits[0]).toEqual({ type: "Container", default: { cpu: "2" }, defaultRequest: { cpu: "2" }, max: { cpu: "2" } });
    expect(np.spec.ingress[1].from).toEqual([{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "p2" } } }]);
    expect(ns.metadata.creationTimestamp).toBe("2026-01-02T03:04:05.000Z");
  });
});
