import { describe, expect, it } from "vitest";
import { providerBody } from "./identity";

const ldap = (config: object) => ({ name: "corp", type: "ldap", config: { url: "ldap://ldap.example.com", userBase: "ou=people,dc=example,dc=com", ...config } });

describe("LDAP provider settings", () => {
  it("take StartTLS on ldap:// and TLS from the start on ldaps://", () => {
    expect(providerBody.safeParse(ldap({ startTls: true })).success).toBe(true);
    expect(providerBody.safeParse(ldap({ url: "ldaps://ldap.example.com" })).success).toBe(true);
  });

  it("refuse StartTLS on an ldaps:// URL, naming the field", () => {
    const r = providerBody.safeParse(ldap({ url: "ldaps://ldap.example.com", startTls: true }));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["config.startTls", "StartTLS is for ldap:// URLs; ldaps:// is already TLS."]]);
  });
});
