import { describe, expect, it } from "vitest";
import { canonical } from "@/sim/quantity";
import { joinQuantity, kindOf, splitQuantity } from "./quantity-units";

describe("quota values as amounts and units", () => {
  it("knows what each key measures", () => {
    expect(["requests.cpu", "limits.cpu", "cpu"].map(kindOf)).toEqual(["cpu", "cpu", "cpu"]);
    expect(["requests.memory", "limits.memory", "requests.storage", "ephemeral-storage"].map(kindOf)).toEqual(["bytes", "bytes", "bytes", "bytes"]);
    expect(["pods", "count/configmaps", "services.loadbalancers"].map(kindOf)).toEqual(["count", "count", "count"]);
  });

  it("reads a value in the largest unit that holds it whole", () => {
    expect(splitQuantity("2", "cpu")).toEqual({ amount: "2", unit: "" });
    expect(splitQuantity("1.5", "cpu")).toEqual({ amount: "1500", unit: "m" });
    expect(splitQuantity("250m", "cpu")).toEqual({ amount: "250", unit: "m" });
    expect(splitQuantity("8Gi", "bytes")).toEqual({ amount: "8", unit: "Gi" });
    expect(splitQuantity("1536Mi", "bytes")).toEqual({ amount: "1536", unit: "Mi" });
    expect(splitQuantity("1G", "bytes")).toEqual({ amount: "1000000000", unit: "" });
    expect(splitQuantity("1k", "count")).toEqual({ amount: "1000", unit: "" });
    expect(splitQuantity("100u", "cpu")).toEqual({ amount: "100u", unit: "" });
    expect(splitQuantity("", "bytes")).toEqual({ amount: "", unit: "Mi" });
  });

  it("writes the quantity the route parses, and keeps an amount typed with its own suffix", () => {
    expect(joinQuantity("500", "m")).toBe("500m");
    expect(joinQuantity(" 1.5 ", "Gi")).toBe("1.5Gi");
    expect(joinQuantity("2Gi", "Mi")).toBe("2Gi");
    expect(joinQuantity("", "Gi")).toBe("");
    for (const [value, kind] of [["750m", "cpu"], ["3", "cpu"], ["512Mi", "bytes"], ["4Gi", "bytes"], ["10", "count"]] as const) {
      const { amount, unit } = splitQuantity(value, kind);
      expect(canonical(joinQuantity(amount, unit))).toBe(canonical(value));
    }
  });
});
