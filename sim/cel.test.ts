import { describe, expect, it } from "vitest";
import { CelError, evaluate } from "./cel";

const vars = {
  request: { userInfo: { username: "tenantry:alice", groups: ["system:authenticated"] } },
  oldObject: { metadata: { labels: { "app.kubernetes.io/managed-by": "tenantry" } } },
  object: null,
};

describe("CEL subset", () => {
  it.each([
    ["request.userInfo.username != 'admin'", true],
    ["!('system:masters' in request.userInfo.groups)", true],
    ["request.userInfo.username.startsWith('tenantry:') && !request.userInfo.username.endsWith('bob')", true],
    ["oldObject.metadata.labels['app.kubernetes.io/managed-by'] == 'tenantry'", true],
    ["has(oldObject.metadata.annotations) || size(request.userInfo.groups) == 1", true],
    ["object == null && 'a' in ['b', 'c']", false],
    ["false", false],
  ])("%s → %s", (expr, want) => expect(evaluate(expr, vars)).toBe(want));

  it("reports what it cannot evaluate", () => {
    expect(() => evaluate("request.nothing == 'x'", vars)).toThrow(CelError);
    expect(() => evaluate("request.userInfo.username.matches('x')", vars)).toThrow(/undeclared/);
    expect(() => evaluate("1 +", vars)).toThrow(CelError);
    expect(() => evaluate("request.userInfo.username", vars)).toThrow(/overload/);
  });
});
