import { describe, expect, it } from "vitest";
import { add, canonical, compare, formatQuantity, parseQuantity } from "./quantity";

describe("quantity", () => {
  it.each([
    ["1", "1"], ["500m", "500m"], ["1000m", "1"], ["1500m", "1500m"], ["0.5", "500m"], ["2000", "2k"],
    ["128Mi", "128Mi"], ["1024Mi", "1Gi"], ["1536Mi", "1536Mi"], ["1.5Gi", "1536Mi"], ["512", "512"],
    ["1Ki", "1Ki"], ["1G", "1G"], ["1000M", "1G"], ["1e3", "1e3"], ["1.5", "1500m"], ["0", "0"],
    ["100n", "100n"], ["2T", "2T"], ["1Ti", "1Ti"], ["10k", "10k"], ["-1", "-1"], ["0.1m", "100u"],
  ])("canonicalises %s as %s", (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it.each([["1", 1e9], ["100m", 1e8], ["1Ki", 1024e9], ["2Mi", 2 * 1024 * 1024 * 1e9], ["1k", 1e12], ["3e2", 300e9]])(
    "parses %s exactly", (input, nanos) => {
      expect(parseQuantity(input).nanos).toBe(BigInt(nanos));
    });

  it.each(["", "abc", "1x", "Mi", "1.2.3"])("rejects %j", (input) => {
    expect(() => parseQuantity(input)).toThrow();
  });

  it.each([
    ["500m", "500m", "1"], ["64Mi", "64Mi", "128Mi"], ["0", "250m", "250m"], ["1", "500m", "1500m"], ["1Gi", "512Mi", "1536Mi"],
  ])("adds %s + %s = %s", (a, b, sum) => {
    expect(formatQuantity(add(parseQuantity(a), parseQuantity(b)))).toBe(sum);
  });

  it.each([["1", "1000m", 0], ["2", "1500m", 1], ["1Gi", "1G", 1], ["100m", "0.2", -1]])("compares %s with %s", (a, b, want) => {
    expect(compare(parseQuantity(a), parseQuantity(b))).toBe(want);
  });
});
