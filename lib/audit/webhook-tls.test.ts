import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureWebhookTls, readWebhookTls } from "./webhook-tls";

/** GET https://{host}:{port}/ trusting only `ca`: the status, or the TLS error's code. */
function fetchWith(ca: string, servername: string, port: number): Promise<string> {
  return new Promise((done) => {
    const req = request({ host: "127.0.0.1", servername, port, path: "/", ca, headers: { host: servername } }, (res) => {
      res.resume();
      done(String(res.statusCode));
    });
    req.on("error", (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    req.end();
  });
}

describe("the audit webhook's TLS identity", () => {
  it("is a CA and a serving certificate a client trusting only that CA accepts, for the names it was made for", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tls-"));
    const tls = ensureWebhookTls(dir, ["localhost", "127.0.0.1", "console.example.com"]);
    const cert = new X509Certificate(tls.cert);
    expect(cert.verify(new X509Certificate(tls.caCert).publicKey)).toBe(true);
    expect(new X509Certificate(tls.caCert).ca).toBe(true);
    expect(cert.ca).toBe(false);
    const server = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => res.end("ok")).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await fetchWith(tls.caCert, "console.example.com", port)).toBe("200");
      expect(await fetchWith(tls.caCert, "localhost", port)).toBe("200");
      expect(await fetchWith(tls.caCert, "other.example.com", port)).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
      const stranger = ensureWebhookTls(mkdtempSync(join(tmpdir(), "tls-")), ["localhost"]);
      expect(await fetchWith(stranger.caCert, "localhost", port)).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    } finally {
      server.close();
    }
  });

  it("keeps its files while they cover the names asked for, and makes new ones when a name is added", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tls-"));
    const first = ensureWebhookTls(dir, ["localhost"]);
    expect(readFileSync(join(dir, "tls.key"), "utf8")).toBe(first.key);
    expect(ensureWebhookTls(dir, ["localhost"])).toEqual(first);
    const wider = ensureWebhookTls(dir, ["localhost", "10.0.0.7"]);
    expect(wider.caCert).not.toBe(first.caCert);
    expect(new X509Certificate(wider.cert).checkIP("10.0.0.7")).toBe("10.0.0.7");
    expect(readWebhookTls(dir)).toEqual(wider);
    expect(readWebhookTls(join(dir, "missing"))).toBeNull();
  });
});
