// Self-signed CA and serving certificate, made with the openssl CLI (Node cannot issue X.509 certificates).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export interface TlsMaterial { caCert: string; cert: string; key: string }

export async function generateTls(host: string): Promise<TlsMaterial> {
  const dir = await mkdtemp(join(tmpdir(), "tenantry-sim-tls-"));
  const f = (n: string) => join(dir, n);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  try {
    await run("openssl", ["req", "-x509", ...ec, "-keyout", f("ca.key"), "-out", f("ca.crt"), "-days", "3650", "-subj", "/CN=tenantry-simulator-ca"]);
    await run("openssl", ["req", ...ec, "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=kube-apiserver"]);
    const san = [...new Set(["DNS:localhost", "DNS:kubernetes", "DNS:kubernetes.default", "IP:127.0.0.1", /^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`])];
    await writeFile(f("ext.cnf"), `subjectAltName=${san.join(",")}\nextendedKeyUsage=serverAuth\n`);
    await run("openssl", ["x509", "-req", "-in", f("server.csr"), "-CA", f("ca.crt"), "-CAkey", f("ca.key"), "-CAcreateserial", "-out", f("server.crt"), "-days", "3650", "-extfile", f("ext.cnf")]);
    const [caCert, cert, key] = await Promise.all(["ca.crt", "server.crt", "server.key"].map((n) => readFile(f(n), "utf8")));
    return { caCert, cert, key };
  } catch (e) {
    throw new Error(`TLS needs the openssl CLI to create a certificate: ${(e as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
