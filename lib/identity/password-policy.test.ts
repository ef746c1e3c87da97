import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("accepts a long, uncommon password", () => expect(passwordProblem("correct horse battery", "alice")).toBeNull());
  it("refuses short ones", () => expect(passwordProblem("short-pass1")).toMatch(/12 characters/));
  it("refuses ones containing the username, in any case", () => expect(passwordProblem("my-ALICE-password-x", "alice")).toMatch(/username/));
  it("refuses common ones, in any case", () => {
    expect(passwordProblem("Password1234")).toMatch(/common/);
    expect(passwordProblem("qwertyuiop123")).toMatch(/common/);
  });
});
