// The audit webhook's TLS identity. kube-apiserver's webhook backend (client-go) sends a bearer token only
// over HTTPS, so the API server must reach the console by TLS with a CA it trusts. Production mounts a
// certificate in cert-manager's Secret layout (tls.crt, tls.key, ca.crt) at TENANTRY_AUDIT_TLS_DIR; the demo
// generates a private CA and a serving certificate there (ensureWebhookTls). scripts/serve.mjs listens with
// it on TENANTRY_AUDIT_TLS_PORT, and the webhook kubeconfig carries ca.crt as certificate-authority-data.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import { generateTls, type TlsMaterial } from "../net/tls";

const FILES = { cert: "tls.crt", key: "tls.key", caCert: "ca.crt" } as const;
const RENEW_BEFORE_MS = 30 * 86_400_000;

/** The PEM files in `dir`, or null when any is missing. */
export function readWebhookTls(dir: string): TlsMaterial | null {
  const paths = Object.values(FILES).map((f) => join(dir, f));
  if (!paths.every((p) => existsSync(p))) return null;
  const [cert, key, caCert] = paths.map((p) => readFileSync(p, "utf8")) as [string, string, string];
  return { cert, key, caCert };
}

/** Whether `cert` names every host and stays valid for a while yet. */
function covers(cert: string, hosts: string[]): boolean {
  const c = new X509Certificate(cert);
  if (new Date(c.validTo).getTime() - Date.now() < RENEW_BEFORE_MS) return false;
  return hosts.every((h) => (isIP(h) ? c.checkIP(h) : c.checkHost(h)) !== undefined);
}

/** The TLS files in `dir`, made anew when missing, expiring, or not naming every one of `hosts`. */
export function ensureWebhookTls(dir: string, hosts: string[]): TlsMaterial {
  const kept = readWebhookTls(dir);
  if (kept && covers(kept.cert, hosts)) return kept;
  const made = generateTls(hosts);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [part, file] of Object.entries(FILES)) writeFileSync(join(dir, file), made[part as keyof TlsMaterial], { mode: 0o600 });
  return made;
}
