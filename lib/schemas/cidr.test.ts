import { describe, expect, it } from "vitest";
import { parseCidr } from "./cidr";
import { allowEntry } from "./network";

describe("CIDRs as networking/v1 takes them", () => {
  it.each(["10.0.0.0/8", "0.0.0.0/0", "192.168.1.7/32", "10.1.2.3/8", "::/0", "fd00::/8", "2001:db8::1/128", "::ffff:10.0.0.0/104", "2001:0db8:0:0:0:0:0:0/32"])(
    "accepts %s", (s) => expect(parseCidr(s)).toBeDefined());

  it.each([
    "10.0.0.0/33", "999.999.999.999/99", "256.0.0.0/8", "10.0.0/8", "10.0.0.0", "10.0.0.00/8", "010.0.0.0/8", "10.0.0.0/08", "10.0.0.0/",
    "::/129", "fd00:::/8", "1:2:3:4:5:6:7:8:9/64", "12345::/16", "g::/16", "1::2::3/64", "10.0.0.0/8 ", "::ffff:999.0.0.0/104",
  ])("refuses %s", (s) => expect(parseCidr(s)).toBeUndefined());
});

describe("allow-list entries", () => {
  const ok = (e: unknown) => allowEntry.safeParse(e).success;
  it("takes an except inside its CIDR and refuses one outside or equal", () => {
    expect(ok({ cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] })).toBe(true);
    expect(ok({ cidr: "10.0.0.0/8", except: ["11.0.0.0/16"] })).toBe(false);
    expect(ok({ cidr: "10.0.0.0/8", except: ["10.0.0.0/8"] })).toBe(false);
    expect(ok({ cidr: "10.0.0.0/8", except: ["fd00::/16"] })).toBe(false);
    expect(ok({ cidr: "fd00::/8", except: ["fd00:1::/32"] })).toBe(true);
  });

  it.each([[80, true], [65535, true], ["http", true], ["web-8080", true], [0, false], [65536, false], [1.5, false], ["80", false], ["65536", false], ["a--b", false], ["-http", false], ["toolongportname1", false]])(
    "port %j: %s", (port, want) => expect(ok({ cidr: "10.0.0.0/8", ports: [{ port }] })).toBe(want));
});
