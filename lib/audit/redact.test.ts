import { describe, expect, it } from "vitest";
import { redact, redactText, redactValues } from "./redact";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----";
const JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";
const TOKEN = "tnt_3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

describe("redactText", () => {
  it.each([
    ["a URL's user and password", "DATABASE_URL=postgres://app:hunter2@db:5432/app", "hunter2"],
    ["a URL's token as user", "git clone https://ghp_abcdef123456@github.com/acme/app", "ghp_abcdef123456"],
    ["a bearer token", "curl -H 'Authorization: Bearer abc.def-ghi_jkl' https://x", "abc.def-ghi_jkl"],
    ["basic credentials", "Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", "YWxhZGRpbjpvcGVuc2VzYW1l"],
    ["a PEM block", `key: |\n${PEM}\n`, "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"],
    ["a truncated PEM block", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"],
    ["a JWT", `id_token ${JWT}`, JWT],
    ["a Tenantry token", `TENANTRY_TOKEN ${TOKEN}`, TOKEN],
    ["a password in a connection string", "Server=db;User Id=app;Password=Sup3rS3cret;", "Sup3rS3cret"],
    ["a token in YAML", "users:\n- name: ci\n  user:\n    token: 0123456789abcdef\n", "0123456789abcdef"],
  ])("hides %s", (_what, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["LOG_LEVEL=debug", "https://example.com/docs?q=1", "basic authentication is off", "secretName: tls-cert", "web-7d4b9c-abcde"])
      expect(redactText(text)).toBe(text);
  });
});

describe("redact", () => {
  it("hides credentials in any field of a body, not only in keys named like secrets", () => {
    const body = {
      kind: "ConfigMap",
      metadata: { name: "web-settings", annotations: { "example.com/source": "https://deploy:s3cr3t-pw@git.example.com/web.git" } },
      data: { LOG_LEVEL: "debug", "ca.pem": PEM, notes: `use ${JWT}` },
    };
    const text = JSON.stringify(redact(body));
    for (const secret of ["s3cr3t-pw", "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun", JWT]) expect(text).not.toContain(secret);
    expect(text).toContain("LOG_LEVEL");
    expect(text).toContain("git.example.com/web.git");
  });

  it("hides secret-named keys, Secret data and env vars named like secrets", () => {
    const out = redact({
      spec: { containers: [{ env: [{ name: "DB_PASSWORD", value: "plain-value-1" }, { name: "MODE", value: "prod" }] }] },
      password: "plain-value-2",
      nested: { kind: "Secret", apiVersion: "v1", metadata: { name: "s" }, data: { k: "cGxhaW4=" } },
    });
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/plain-value|cGxhaW4=/);
    expect(text).toContain('"prod"');
  });
});

describe("redactValues", () => {
  it("rewrites strings anywhere but keeps keys and other values", () => {
    expect(redactValues({ uri: "/api?x=1", n: 3, ok: true, list: [`Bearer ${TOKEN}`], authorization: "kept-key" })).toEqual({
      uri: "/api?x=1",
      n: 3,
      ok: true,
      list: ["Bearer [redacted]"],
      authorization: "kept-key",
    });
  });

  it("returns what needs no change as it is, and copies (never changes) what it redacts", () => {
    const clean = { uri: "/api/v1/pods", user: { groups: ["system:authenticated"] }, n: 3 };
    expect(redactValues(clean)).toBe(clean);
    const nested = { ok: "x", annotations: { source: "https://deploy:s3cr3t@git.example.com" }, list: ["a", `Bearer ${TOKEN}`] };
    const copy = structuredClone(nested);
    const out = redactValues(nested) as typeof nested;
    expect(JSON.stringify(out)).not.toContain("s3cr3t");
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(out.list[0]).toBe("a");
    expect(nested).toEqual(copy);
  });

  it("does not let a deeply nested credential through", () => {
    let deep: unknown = { url: "postgres://app:hunter2@db/app" };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(JSON.stringify(redactValues(deep))).not.toContain("hunter2");
  });
});

describe("cost", () => {
  // A webhook body may hold megabytes of caller-chosen text: no pattern may backtrack quadratically.
  it.each([
    ["dotted words (URL scheme)", "a.".repeat(300_000)],
    ["schemes without userinfo", "a://".repeat(150_000)],
    ["BEGIN without END", "-----BEGIN " + "A ".repeat(300_000)],
    ["bearer words", "bearer ".repeat(100_000)],
    ["password keys without values", "password ".repeat(70_000)],
    ["JWT-like prefixes", "eyJaaaa.".repeat(80_000)],
  ])("redacts 600 kB of %s in linear time", (_what, text) => {
    const started = performance.now();
    redactText(text);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
