import { describe, expect, it } from "vitest";
import { strictFields } from "./fields";
import { findResource } from "./resources";

const limitranges = findResource("", "v1", "limitranges")!;
const policies = findResource("networking.k8s.io", "v1", "networkpolicies")!;

describe("strict field validation", () => {
  it("refuses fields a kind does not declare, named as the API server names them", () => {
    expect(() => strictFields(limitranges, { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: { limits: [{ type: "Container", _default: { cpu: "1" } }] } })).toThrow(
      'LimitRange in version "v1" cannot be handled as a LimitRange: strict decoding error: unknown field "spec.limits[0]._default"',
    );
    expect(() => strictFields(policies, { spec: { podSelector: {}, ingress: [{ _from: [{ podSelector: {} }] }] } })).toThrow('unknown field "spec.ingress[0]._from"');
    expect(() => strictFields(limitranges, { metadata: { toString: "x" } })).toThrow('unknown field "metadata.toString"');
  });

  it("accepts the API objects, maps of any keys, and strategic-merge-patch directives", () => {
    expect(() => strictFields(limitranges, { metadata: { name: "l", labels: { any: "thing" } }, spec: { limits: [{ type: "Container", default: { cpu: "1" }, max: { "ephemeral-storage": "1Gi" } }], "$setElementOrder/limits": [] } })).not.toThrow();
    expect(() => strictFields(policies, { spec: { podSelector: { matchLabels: { a: "b" } }, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }], ports: [{ port: 80, protocol: "TCP" }] }] } })).not.toThrow();
  });
});
