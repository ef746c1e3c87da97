import { describe, expect, it } from "vitest";
import type { V1NetworkPolicy } from "@kubernetes/client-node";
import { connectivityMatrix, EXTERNAL, verdict } from "./connectivity";
import { desiredPolicies } from "./network";

const ns = (name: string, ws = "ws1") => ({ name, labels: { "kubernetes.io/metadata.name": name, "tenantry.io/workspace": ws } });
const [a, b, c] = [ns("a"), ns("b"), ns("c", "ws2")];
const pol = (namespace: string, spec: V1NetworkPolicy["spec"], name = "p"): V1NetworkPolicy => ({ metadata: { name, namespace }, spec });

describe("connectivity (NetworkPolicy semantics)", () => {
  it("allows everything when no policy selects a pod", () => {
    expect(verdict(a, b, []).state).toBe("allowed");
    expect(verdict(a, EXTERNAL, []).state).toBe("allowed");
  });

  it("default-deny ingress (empty podSelector, no rules) isolates the namespace, itself included", () => {
    const deny = [pol("b", { podSelector: {}, policyTypes: ["Ingress"] })];
    expect(verdict(a, b, deny)).toMatchObject({ state: "denied", policies: ["b/p"], ingress: { state: "denied" }, egress: { state: "allowed" } });
    expect(verdict(b, b, deny).state).toBe("denied");
    expect(verdict(b, a, deny).state).toBe("allowed");
  });

  it("an empty rule (`ingress: [{}]`) allows all sources, outside included", () => {
    const all = [pol("b", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] })];
    expect(verdict(c, b, all).state).toBe("allowed");
    expect(verdict(EXTERNAL, b, all).state).toBe("allowed");
  });

  it("a podSelector peer alone means the policy's own namespace", () => {
    const same = [pol("b", { podSelector: {}, ingress: [{ _from: [{ podSelector: {} }] }] })];
    expect(verdict(b, b, same).state).toBe("allowed");
    expect(verdict(a, b, same).state).toBe("denied");
  });

  it("namespaceSelector × podSelector in one peer is an AND: only some pods of matching namespaces", () => {
    const and = [pol("b", { podSelector: {}, ingress: [{ _from: [{ namespaceSelector: { matchLabels: { "tenantry.io/workspace": "ws1" } }, podSelector: { matchLabels: { app: "web" } } }] }] })];
    expect(verdict(a, b, and).state).toBe("partial");
    expect(verdict(c, b, and).state).toBe("denied");
  });

  it("a policy selecting only some pods leaves the others open", () => {
    const some = [pol("b", { podSelector: { matchLabels: { app: "db" } }, policyTypes: ["Ingress"] })];
    expect(verdict(a, b, some).state).toBe("partial");
  });

  it("matchExpressions follow label-selector rules", () => {
    const notIn = [pol("b", { podSelector: {}, ingress: [{ _from: [{ namespaceSelector: { matchExpressions: [{ key: "tenantry.io/workspace", operator: "NotIn", values: ["ws2"] }] } }] }] })];
    expect(verdict(a, b, notIn).state).toBe("allowed");
    expect(verdict(c, b, notIn).state).toBe("denied");
  });

  it("ports restrict a rule; egress and ingress ports intersect", () => {
    const web = [pol("b", { podSelector: {}, ingress: [{ ports: [{ protocol: "TCP", port: 80 as never }, { port: 443 as never }] }] })];
    expect(verdict(a, b, web)).toMatchObject({ state: "allowed", ports: ["TCP/443", "TCP/80"] });
    const egress = pol("a", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ protocol: "TCP", port: 443 as never }] }] }, "e");
    expect(verdict(a, b, [...web, egress])).toMatchObject({ state: "allowed", ports: ["TCP/443"] });
    const dnsOnly = pol("a", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ protocol: "UDP", port: 53 as never }] }] }, "dns");
    expect(verdict(a, b, [...web, dnsOnly]).state).toBe("denied");
  });

  it("policyTypes default to Ingress, plus Egress when egress rules are present", () => {
    expect(verdict(a, b, [pol("a", { podSelector: {}, egress: [] })]).state).toBe("allowed");
    expect(verdict(a, b, [pol("a", { podSelector: {}, egress: [{ to: [{ podSelector: {} }] }] })]).state).toBe("denied");
  });

  it("ipBlock matches the outside world: 0.0.0.0/0 fully, a narrower block or one with except partly", () => {
    const world = [pol("b", { podSelector: {}, ingress: [{ _from: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] })];
    expect(verdict(EXTERNAL, b, world).state).toBe("allowed");
    expect(verdict(a, b, world).state).toBe("denied");
    const office = [pol("b", { podSelector: {}, ingress: [{ _from: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }] }] })];
    expect(verdict(EXTERNAL, b, office).state).toBe("partial");
  });

  it("Tenantry's workspace isolation admits its workspace only; project isolation only itself and its allow-list", () => {
    const wsIso = [...desiredPolicies("a", "ws1", true, undefined), ...desiredPolicies("b", "ws1", true, undefined)];
    const m = connectivityMatrix([a, b, c], wsIso);
    expect(m.nodes).toEqual(["a", "b", "c", EXTERNAL]);
    expect([m.cells.a!.b!.state, m.cells.c!.b!.state, m.cells.external!.a!.state, m.cells.b!.c!.state]).toEqual(["allowed", "denied", "denied", "allowed"]);
    const projIso = desiredPolicies("b", "ws1", true, { isolated: true, allow: [{ project: "c", ports: [{ port: 8080, protocol: "TCP" }] }], egress: { isolated: true, allow: [] } });
    const m2 = connectivityMatrix([a, b, c], projIso);
    expect(m2.cells.a!.b!.state).toBe("denied");
    expect(m2.cells.c!.b).toMatchObject({ state: "allowed", ports: ["TCP/8080"] });
    expect(m2.cells.b!.b!.state).toBe("allowed");
    expect(m2.cells.b!.a).toMatchObject({ state: "allowed", ports: ["TCP/53", "UDP/53"] });
  });
});
