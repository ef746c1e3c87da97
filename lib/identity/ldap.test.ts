import { describe, expect, it } from "vitest";
import { escapeFilter } from "./ldap";

describe("LDAP filter escaping", () => {
  it("escapes what could rewrite a filter", () => {
    expect(escapeFilter("a*)(uid=*")).toBe("a\\2a\\29\\28uid=\\2a");
    expect(escapeFilter("back\\slash")).toBe("back\\5cslash");
    expect(escapeFilter("plain-name")).toBe("plain-name");
  });
});
