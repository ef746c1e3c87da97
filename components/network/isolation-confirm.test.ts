import { describe, expect, it } from "vitest";
import { isolationChanges } from "./isolation-confirm";

const open = { isolated: false, egress: { isolated: false, allow: [] } };

describe("isolationChanges", () => {
  it("names each switch turned, on or off", () => {
    expect(isolationChanges(open, { isolated: true, allow: [], egress: { isolated: true, allow: [] } })).toEqual(["confirm.ingressOn", "confirm.egressOn"]);
    expect(isolationChanges({ isolated: true, egress: { isolated: true, allow: [] } }, { isolated: false, allow: [], egress: { isolated: false, allow: [] } })).toEqual(["confirm.ingressOff", "confirm.egressOff"]);
  });

  it("asks nothing when only the allow-lists change", () => {
    expect(isolationChanges(open, { isolated: false, allow: [{ kind: "cidr", value: "10.0.0.0/8" }], egress: { isolated: false, allow: [] } } as never)).toEqual([]);
  });

  it("reads a project saved before egress existed as egress open", () => {
    expect(isolationChanges({ isolated: false, egress: undefined } as never, { isolated: false, allow: [], egress: { isolated: true, allow: [] } })).toEqual(["confirm.egressOn"]);
  });
});
