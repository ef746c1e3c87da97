import { describe, expect, it } from "vitest";
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector, selectorObjectToRequirements } from "./selectors";

const labels = { app: "web", tier: "front", "tenantry.io/project": "p1", n: "5" };

describe("label selectors", () => {
  it.each([
    ["", true], ["app=web", true], ["app==web", true], ["app=db", false], ["app!=db", true], ["app!=web", false],
    ["missing!=x", true], ["app in (web,db)", true], ["app in (db)", false], ["app notin (db, cache)", true],
    ["app notin (web)", false], ["missing notin (x)", true], ["tier", true], ["missing", false], ["!missing", true],
    ["!tier", false], ["app=web,tier=front", true], ["app=web,tier=back", false], ["tenantry.io/project=p1", true],
    ["app in (web, db),tier notin (back)", true], ["n>3", true], ["n<3", false], ["app=", false], ["app==", false],
  ])("%j matches: %s", (sel, want) => {
    expect(matchLabels(parseLabelSelector(sel), labels)).toBe(want);
  });

  it("treats a missing label map as empty", () => {
    expect(matchLabels(parseLabelSelector("!a,b!=c"), undefined)).toBe(true);
    expect(matchLabels(parseLabelSelector("a"), undefined)).toBe(false);
  });

  it.each(["a=b=c", "=x", "app in web", "bad key!=1", "a,,b", "n>x", "k=v v"])("rejects %j with BadRequest", (sel) => {
    expect(() => parseLabelSelector(sel)).toThrow(expect.objectContaining({ code: 400, reason: "BadRequest" }));
  });

  it("converts LabelSelector objects", () => {
    const reqs = selectorObjectToRequirements({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }, { key: "x", operator: "DoesNotExist" }] });
    expect(matchLabels(reqs, labels)).toBe(true);
    expect(matchLabels(reqs, { app: "web", tier: "back" })).toBe(false);
  });
});

describe("field selectors", () => {
  const pod = { metadata: { name: "p", namespace: "ns" }, status: { phase: "Running" } };
  const fields = ["metadata.name", "metadata.namespace", "status.phase"];
  it.each([
    ["metadata.name=p", true], ["metadata.name==p", true], ["metadata.name!=p", false], ["status.phase=Running,metadata.namespace=ns", true],
    ["status.phase=Pending", false], ["metadata.namespace!=other", true],
  ])("%j matches: %s", (sel, want) => {
    expect(matchFields(parseFieldSelector(sel, fields), pod)).toBe(want);
  });
  it("rejects unsupported fields", () => {
    expect(() => parseFieldSelector("spec.foo=x", fields)).toThrow("field label not supported: spec.foo");
  });
});
