// AES-256-GCM for secrets at rest (cluster credentials). The key comes from TENANTRY_SECRET_KEY
// (32 bytes, base64 or hex); the demo launcher generates one and keeps it in the data directory.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

function key(): Buffer {
  const raw = process.env.TENANTRY_SECRET_KEY;
  if (!raw) throw new Error("TENANTRY_SECRET_KEY is not set");
  const decoded = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  // A key of any other length is stretched rather than refused, so a passphrase works too.
  return decoded.length === 32 ? decoded : createHash("sha256").update(raw).digest();
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function unseal(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
