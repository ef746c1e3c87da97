import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

const at = "2026-03-09T14:05:06Z";

describe("formatting in the console's language", () => {
  // The environment's own locale (the browser's, here Node's) is not Chinese: zh must come from the argument.
  it("writes dates the Chinese way for zh and the English way for en", () => {
    expect(new Intl.DateTimeFormat().resolvedOptions().locale).not.toMatch(/^zh/);
    expect(formatDate(at, "zh")).toBe("2026年3月9日");
    expect(formatDate(at, "en")).toBe("Mar 9, 2026");
    expect(formatDateTime(at, "zh")).toMatch(/^2026年3月9日 \d{2}:05:06$/);
    expect(formatDateTime(at, "en")).toMatch(/^Mar 9, 2026, \d{1,2}:05:06\s[AP]M$/);
  });

  it("says a missing date as a dash", () => {
    expect(formatDateTime(null, "zh")).toBe("—");
    expect(formatDate(undefined, "en")).toBe("—");
    expect(formatDateTime("not a date", "en")).toBe("—");
  });

  it("groups numbers for the language", () => {
    expect(formatNumber(1234567, "zh")).toBe("1,234,567");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });
});
