import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PEER_HEADER } from "./client-info";
import { configuredPublicUrl, isPublicOrigin, publicOrigin, requestOrigin, secureCookies } from "./public-origin";

const PROXY = "10.0.0.7";
const headers = (h: Record<string, string>) => new Headers(h);
const viaProxy = (h: Record<string, string>) => headers({ [PEER_HEADER]: PROXY, ...h });
const fromClient = (h: Record<string, string>) => headers({ [PEER_HEADER]: "203.0.113.9", ...h });

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.NEXTAUTH_URL;
  delete process.env.NEXTAUTH_URL;
  process.env.TENANTRY_TRUSTED_PROXIES = "10.0.0.0/24";
});
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
  delete process.env.TENANTRY_TRUSTED_PROXIES;
});

describe("the request's origin", () => {
  it("is the Host over plain HTTP when the peer is no trusted proxy, whatever X-Forwarded-* says", () => {
    const h = fromClient({ host: "console.internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(requestOrigin(h)).toBe("http://console.internal:3000");
    // No peer header at all (not through scripts/serve.mjs): nothing is trusted either.
    expect(requestOrigin(headers({ host: "console.internal", "x-forwarded-host": "evil.example" }))).toBe("http://console.internal");
  });

  it("follows X-Forwarded-Host and -Proto from a trusted proxy, the value its own hop added", () => {
    expect(requestOrigin(viaProxy({ host: "10.0.0.8:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }))).toBe("https://console.example.com");
    expect(requestOrigin(viaProxy({ host: "10.0.0.8:3000", "x-forwarded-host": "evil.example, console.example.com:8443", "x-forwarded-proto": "http, https" }))).toBe(
      "https://console.example.com:8443",
    );
    expect(requestOrigin(headers({ [PEER_HEADER]: `::ffff:${PROXY}`, host: "x", "x-forwarded-host": "console.example.com" }))).toBe("http://console.example.com");
  });

  it("ignores forwarded values that are no host or scheme", () => {
    for (const bad of ["evil.example/path", "user@evil.example", "evil example", "", "evil.example:99999x"])
      expect(requestOrigin(viaProxy({ host: "console.internal", "x-forwarded-host": bad }))).toBe("http://console.internal");
    expect(requestOrigin(viaProxy({ host: "console.internal", "x-forwarded-proto": "javascript" }))).toBe("http://console.internal");
    expect(requestOrigin(headers({}))).toBeNull();
  });
});

describe("the public origin", () => {
  it("is NEXTAUTH_URL when set, whoever forwards what", () => {
    process.env.NEXTAUTH_URL = "https://console.example.com/";
    expect(publicOrigin(viaProxy({ host: "x", "x-forwarded-host": "other.example" }))).toBe("https://console.example.com");
    expect(configuredPublicUrl()?.protocol).toBe("https:");
  });

  it("admits only its own Origin: a foreign one with a matching X-Forwarded-Host passes only through a trusted proxy", () => {
    const forged = { host: "console.internal", "x-forwarded-host": "evil.example" };
    expect(isPublicOrigin("http://evil.example", fromClient(forged))).toBe(false);
    expect(isPublicOrigin("http://console.internal", fromClient(forged))).toBe(true);
    expect(isPublicOrigin("https://console.example.com", viaProxy({ host: "10.0.0.8", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }))).toBe(true);
    // Scheme and port are part of the origin.
    expect(isPublicOrigin("http://console.example.com", viaProxy({ host: "10.0.0.8", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }))).toBe(false);
    expect(isPublicOrigin("null", fromClient(forged))).toBe(false);
    process.env.NEXTAUTH_URL = "https://console.example.com";
    expect(isPublicOrigin("http://console.internal", fromClient(forged))).toBe(false);
    expect(isPublicOrigin("https://console.example.com", fromClient(forged))).toBe(true);
  });
});

describe("Secure cookies", () => {
  it.each([
    ["https://console.example.com", true],
    ["https://localhost:3000", true],
    ["http://console.example.com", true],
    ["http://localhost:3000", false],
    ["http://127.0.0.1:3100", false],
  ])("%s → %s", (url, secure) => expect(secureCookies(new URL(url))).toBe(secure));

  it("follow NEXTAUTH_URL", () => {
    process.env.NEXTAUTH_URL = "https://console.example.com";
    expect(secureCookies()).toBe(true);
    delete process.env.NEXTAUTH_URL;
    expect(secureCookies()).toBe(false);
  });
});
