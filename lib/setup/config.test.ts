import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configError, configProblems } from "./config";

const good = {
  DATABASE_URL: "postgresql://tenantry:pw@db:5432/tenantry",
  TENANTRY_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
  NEXTAUTH_SECRET: "x".repeat(44),
};

describe("configuration at start", () => {
  it("accepts the three required settings and documented values of the rest", () => {
    const tls = mkdtempSync(join(tmpdir(), "config-tls-"));
    for (const f of ["tls.crt", "tls.key"]) writeFileSync(join(tls, f), "");
    expect(
      configProblems({
        ...good,
        PORT: "3000",
        NEXTAUTH_URL: "https://console.example.com",
        LOG_LEVEL: "debug",
        TENANTRY_TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8,192.168.1.1",
        TENANTRY_AUDIT_TLS_PORT: "0",
        TENANTRY_AUDIT_TLS_DIR: tls,
        TENANTRY_IDENTITY_PROVIDERS: "[]",
        TENANTRY_LOCKOUT_THRESHOLD: "5",
        TENANTRY_SHUTDOWN_TIMEOUT_MS: "0",
        // Empty counts as unset, as the modules reading these treat it.
        TENANTRY_METRICS_TOKEN: "",
        UNRELATED: "anything",
      }),
    ).toEqual([]);
  });

  it("names each missing required setting", () => {
    expect(configProblems({})).toEqual(["DATABASE_URL: is not set", "TENANTRY_SECRET_KEY: is not set", "NEXTAUTH_SECRET: is not set"]);
  });

  it.each([
    ["DATABASE_URL", "mysql://db/tenantry", /URL starting with postgresql:\/\/ or postgres:\/\//],
    ["TENANTRY_SECRET_KEY", "short", /at least 32 characters/],
    ["PORT", "80a", /whole number/],
    ["PORT", "70000", /between 1 and 65535/],
    ["LOG_LEVEL", "loud", /expected one of/i],
    ["NEXTAUTH_URL", "console.example.com", /URL starting with http:\/\/ or https:\/\//],
    ["TENANTRY_TRUSTED_PROXIES", "10.0.0.0/8,10.0.0.0/99,proxy", /10\.0\.0\.0\/99, proxy/],
    ["TENANTRY_AUDIT_TLS_DIR", "/nonexistent", /tls\.crt and tls\.key/],
    ["TENANTRY_AUDIT_WEBHOOK_URL", "http://tenantry:3443", /URL starting with https:\/\//],
    ["TENANTRY_IDENTITY_PROVIDERS", "{\"name\":\"corp\"}", /JSON array/],
    ["TENANTRY_RECONCILE_INTERVAL_MS", "10", /between 100/],
    ["TENANTRY_SESSION_MAX_HOURS", "-1", /whole number/],
    ["TENANTRY_METRICS_TOKEN", "abc", /at least 16/],
    ["TENANTRY_ADMIN_PASSWORD", "admin", /at least 12/],
    ["TENANTRY_EXPIRY_WARNING_HOURS", "0", /between 1 and 8760/],
  ])("refuses %s=%s with a message naming it", (name, value, message) => {
    const problems = configProblems({ ...good, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(problems[0]).toMatch(message);
  });

  it("reports every problem at once, one line each", () => {
    const error = configError({ ...good, PORT: "x", LOG_LEVEL: "loud" });
    expect(error).toMatch(/has 2 problems:\n {2}PORT: .+\n {2}LOG_LEVEL: .+$/);
    expect(configError(good)).toBeNull();
  });
});
