import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seal, unseal } from "./seal";

describe("seal", () => {
  beforeEach(() => {
    process.env.TENANTRY_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");
  });
  afterEach(() => {
    delete process.env.TENANTRY_SECRET_KEY;
  });

  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("token: very-secret");
    expect(sealed).not.toContain("very-secret");
    expect(unseal(sealed)).toBe("token: very-secret");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("x")).not.toBe(seal("x"));
  });

  it("refuses a tampered value", () => {
    const parts = seal("hello").split(".");
    parts[3] = Buffer.from("jello").toString("base64url");
    expect(() => unseal(parts.join("."))).toThrow();
  });

  it("refuses another key", () => {
    const sealed = seal("hello");
    process.env.TENANTRY_SECRET_KEY = Buffer.alloc(32, 8).toString("base64");
    expect(() => unseal(sealed)).toThrow();
  });

  it("needs a key", () => {
    delete process.env.TENANTRY_SECRET_KEY;
    expect(() => seal("x")).toThrow(/TENANTRY_SECRET_KEY/);
  });
});
