import { describe, expect, it } from "vitest";
import { allOf, atLeast, atLeastShare, atMost, atMostTimes, comparisonTable, environmentLines, markdownTable, postgresSettings, type Machine } from "./report";

describe("targets", () => {
  it("hold ours against the limit measured beside it", () => {
    expect(atLeastShare(0.5).met(500, 1000)).toBe(true);
    expect(atLeastShare(0.5).met(499, 1000)).toBe(false);
    expect(atMostTimes(2, 5).met(25, 10)).toBe(true);
    expect(atMostTimes(2, 5).met(25.1, 10)).toBe(false);
    expect(atMost(100, "ms").met(100, 1)).toBe(true);
    expect(atLeast(20_000, "events/s").met(19_999, 1)).toBe(false);
    const both = allOf(atMostTimes(1.5), atMost(100, "ms"));
    expect(both.text).toBe("≤ 1.5× the limit and ≤ 100 ms");
    expect(both.met(90, 60)).toBe(true);
    expect(both.met(90, 59)).toBe(false); // over 1.5×
    expect(both.met(120, 100)).toBe(false); // over 100 ms
    expect(atMostTimes(2, 5, "ms").text).toBe("≤ 2× the limit + 5 ms");
    expect(allOf(atLeastShare(0.5), atLeast(20_000, "events/s")).text).toBe("≥ 50% of the limit and ≥ 20,000 events/s");
  });
});

describe("comparisonTable", () => {
  it("prints ours, the limit, the ratio, the target and whether it is met; a miss says NO", () => {
    const t = comparisonTable([
      { measure: "GET /x req/s", unit: "req/s", runs: [{ ours: 1200, limit: 2000 }], target: atLeastShare(0.5) },
      { measure: "GET /x p95", unit: "ms", runs: [{ ours: 30.04, limit: 12.5 }] },
      { measure: "ingest", unit: "events/s", runs: [{ ours: 12_900, limit: 60_000 }], target: allOf(atLeastShare(0.5), atLeast(20_000, "events/s")) },
    ]);
    expect(t.split("\n")).toEqual([
      "| measure | ours | limit | ratio ours ÷ limit | target | met |",
      "|---|---:|---:|---:|---|---|",
      "| GET /x req/s | 1,200 req/s | 2,000 req/s | 0.60× | ≥ 50% of the limit | yes |",
      "| GET /x p95 | 30.0 ms | 12.5 ms | 2.40× | — | — |",
      "| ingest | 12,900 events/s | 60,000 events/s | 0.21× | ≥ 50% of the limit and ≥ 20,000 events/s | NO |",
    ]);
  });

  it("prints min / median / max of consecutive runs, met only when every run meets it", () => {
    const target = allOf(atMostTimes(1.5), atMost(100, "ms"));
    const t = comparisonTable([
      { measure: "user", unit: "ms", runs: [{ ours: 40, limit: 30 }, { ours: 20, limit: 18 }, { ours: 30, limit: 25 }], target },
      { measure: "page 1,000", unit: "ms", runs: [{ ours: 40, limit: 30 }, { ours: 120, limit: 90 }, { ours: 30, limit: 25 }], target },
    ]).split("\n");
    expect(t[0]).toBe("| measure | ours (min / median / max) | limit | ratio ours ÷ limit | target | met |");
    expect(t[2]).toBe("| user | 20.0 ms / 30.0 ms / 40.0 ms | 18.0 ms / 25.0 ms / 30.0 ms | 1.11× / 1.20× / 1.33× | ≤ 1.5× the limit and ≤ 100 ms | yes |");
    expect(t[3]).toMatch(/\| NO \(2 of 3 runs\) \|$/);
  });
});

describe("environment", () => {
  const m: Machine = { cores: 2, cpu: "Test CPU", memoryBytes: 8 * 2 ** 30, loadBefore: [1.5, 1, 0.5], node: "v20.19.0", next: "16.4.6", kernel: "Linux 6.1.0" };

  it("names the machine, load before and after, versions, scale and the durability settings in force", () => {
    expect(environmentLines(m, [2.25, 1.5, 0.75], "10 workspaces", { version: "15.14", fsync: "on", synchronous_commit: "on", full_page_writes: "on" })).toEqual([
      "machine: 2 cores (Test CPU), 8.0 GiB memory; load average (1 / 5 / 15 min) 1.50 / 1.00 / 0.50 before, 2.25 / 1.50 / 0.75 after",
      "versions: node v20.19.0, PostgreSQL 15.14, next 16.4.6, Linux 6.1.0",
      "scale: 10 workspaces",
      "settings when measured: fsync=on, synchronous_commit=on, full_page_writes=on",
    ]);
  });

  it("leaves PostgreSQL out of a bench that has none", () => {
    expect(environmentLines(m, [0, 0, 0], "one build")).toEqual([
      "machine: 2 cores (Test CPU), 8.0 GiB memory; load average (1 / 5 / 15 min) 1.50 / 1.00 / 0.50 before, 0.00 / 0.00 / 0.00 after",
      "versions: node v20.19.0, next 16.4.6, Linux 6.1.0",
      "scale: one build",
    ]);
  });

  it("reads the settings with SHOW", async () => {
    const asked: string[] = [];
    const values: Record<string, string> = { server_version: "15.14 (Debian 15.14-0+deb12u1)", fsync: "on", synchronous_commit: "off", full_page_writes: "on" };
    const s = await postgresSettings({ query: async (sql) => (asked.push(sql), { rows: [{ [sql.slice(5)]: values[sql.slice(5)] }] }) });
    expect(asked).toEqual(["SHOW server_version", "SHOW fsync", "SHOW synchronous_commit", "SHOW full_page_writes"]);
    expect(s).toEqual({ version: "15.14 (Debian 15.14-0+deb12u1)", fsync: "on", synchronous_commit: "off", full_page_writes: "on" });
  });

  it("markdownTable", () => {
    expect(markdownTable(["a", "b"], [["1", "2"]])).toBe("| a | b |\n|---|---|\n| 1 | 2 |");
  });
});
