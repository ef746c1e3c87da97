import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-info";

const from = (peer: string | null, forwardedFor?: string) =>
  clientAddress(new Headers({ ...(peer ? { [PEER_HEADER]: peer } : {}), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) }));

afterEach(() => {
  delete process.env.TENANTRY_TRUSTED_PROXIES;
});

describe("the client address", () => {
  it("is the TCP peer's, whatever X-Forwarded-For a client writes", () => {
    expect(from("203.0.113.9", "10.1.2.3")).toBe("203.0.113.9");
    expect(from("::ffff:127.0.0.1", "10.1.2.3")).toBe("127.0.0.1");
    expect(from("::1")).toBe("::1");
  });

  it("is unknown without the peer header the console's server sets", () => {
    expect(from(null, "10.1.2.3")).toBeNull();
  });

  it("follows X-Forwarded-For through trusted proxies only, from the right", () => {
    process.env.TENANTRY_TRUSTED_PROXIES = "10.0.0.0/8, 192.0.2.1, fd00::/8";
    expect(from("192.0.2.1", "198.51.100.7")).toBe("198.51.100.7");
    // The client wrote the first entry itself; the trusted edge proxy appended its peer.
    expect(from("192.0.2.1", "1.2.3.4, 198.51.100.7, 10.0.0.5")).toBe("198.51.100.7");
    expect(from("fd00::1", "10.9.9.9, 2001:db8::5")).toBe("2001:db8::5");
    expect(from("10.0.0.1", "10.0.0.2, 10.0.0.3")).toBe("10.0.0.2");
    expect(from("192.0.2.1", "not-an-ip")).toBe("192.0.2.1");
    expect(from("198.51.100.8", "10.0.0.5")).toBe("198.51.100.8");
  });

  it("ignores what in TENANTRY_TRUSTED_PROXIES is no address", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    process.env.TENANTRY_TRUSTED_PROXIES = "proxy.example, 10.0.0.0/99, 192.0.2.1";
    expect(from("192.0.2.1", "198.51.100.7")).toBe("198.51.100.7");
    expect(from("10.0.0.1", "198.51.100.7")).toBe("10.0.0.1");
    expect(log).toHaveBeenCalledTimes(2);
  });
});
