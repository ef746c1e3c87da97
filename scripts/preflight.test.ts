import { describe, expect, it } from "vitest";
import { POSTGRES, TOOLS, missingTools, plan, toolsFor } from "./preflight.mts";

describe("npm test preflight", () => {
  it("finds nothing to do when every tool is there", () => {
    expect(plan(missingTools(TOOLS, () => true), { root: false, apt: false })).toEqual({ ok: true });
  });

  it("installs the missing packages once each as root with apt", () => {
    const missing = missingTools(TOOLS, (p) => !p.includes("slap"));
    expect(plan(missing, { root: true, apt: true })).toEqual({ install: "apt-get update && apt-get install -y slapd", pkgs: ["slapd"] });
  });

  it("stops at the first missing tool with the exact command when it cannot install", () => {
    const missing = missingTools(TOOLS, (p) => p !== "/usr/bin/chromium" && p !== "/usr/bin/xz");
    const { stop } = plan(missing, { root: false, apt: true }) as { stop: string };
    expect(stop).toContain("npm test needs /usr/bin/chromium");
    expect(stop).toContain("sudo apt-get update && sudo apt-get install -y chromium xz-utils");
  });

  it("names kubectl by its Debian package (the deploy manifests' test and the real-cluster passes need it)", () => {
    const missing = missingTools(TOOLS, (p) => p !== "kubectl");
    expect(plan(missing, { root: false, apt: true }).stop).toContain("sudo apt-get install -y kubernetes-client");
  });

  it("names PostgreSQL 15 for the replicas test unless TENANTRY_TEST_DATABASE_URL names a server", () => {
    expect(toolsFor({})).toContain(POSTGRES);
    expect(toolsFor({ TENANTRY_TEST_DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/tenantry_test" })).not.toContain(POSTGRES);
    const missing = missingTools(toolsFor({}), (p) => p !== POSTGRES.path && p !== "/usr/sbin/haproxy");
    expect(plan(missing, { root: false, apt: true }).stop).toContain("sudo apt-get install -y haproxy postgresql-15");
  });
});
