import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("the pages' Content-Security-Policy", () => {
  it("runs scripts only with the response's nonce in production, never eval", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(contentSecurityPolicy({ nonce: "n" })).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const [k, v] of [["object-src", "'none'"], ["base-uri", "'none'"], ["frame-ancestors", "'none'"], ["form-action", "'self'"], ["default-src", "'self'"]] as const)
      expect(d.get(k)).toEqual([v]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only for next dev, and upgrades requests only behind https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("uses a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("Permissions-Policy", () => {
  it("denies camera, microphone, geolocation and the other powerful features", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
  });
});
