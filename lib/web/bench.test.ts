// The benchmarks' bare route and empty page are in every build: they must not answer unless benchmarking.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as bare } from "@/app/api/bench/bare/route";
import BenchEmpty from "@/app/(bench)/bench-empty/page";

afterEach(() => vi.unstubAllEnvs());

const notFoundDigest = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { digest?: string }).digest;
  }
  return "rendered";
};

describe("without TENANTRY_BENCH=1", () => {
  it("GET /api/bench/bare is a 404 with no body, even with a body file named", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-body-")), "body.json");
    writeFileSync(file, JSON.stringify({ items: [{ name: "secret" }] }));
    vi.stubEnv("TENANTRY_BENCH_BODY", file);
    for (const flag of [undefined, "", "0", "true"]) {
      vi.stubEnv("TENANTRY_BENCH", flag);
      const res = bare();
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("");
    }
  });

  it("/bench-empty is Next's not-found", () => {
    vi.stubEnv("TENANTRY_BENCH", undefined);
    expect(notFoundDigest(() => BenchEmpty())).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("with TENANTRY_BENCH=1 (the benches' server)", () => {
  it("GET /api/bench/bare answers the JSON of the body file, and /bench-empty renders nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-body-")), "body.json");
    writeFileSync(file, JSON.stringify({ items: [{ name: "p1" }], nextCursor: null }));
    vi.stubEnv("TENANTRY_BENCH", "1");
    vi.stubEnv("TENANTRY_BENCH_BODY", file);
    const res = bare();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ items: [{ name: "p1" }], nextCursor: null });
    expect(notFoundDigest(() => BenchEmpty())).toBe("rendered");
  });
});
