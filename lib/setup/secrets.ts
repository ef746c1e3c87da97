// The two secrets a Tenantry needs. Production passes them in the environment; the demo generates
// them once and keeps them in the data directory so a restart can still read what it sealed.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Secrets {
  secretKey: string;
  authSecret: string;
}

export function loadOrCreateSecrets(dataDir: string, env = process.env): Secrets {
  const file = join(dataDir, "secrets.json");
  const kept: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: Secrets = {
    secretKey: env.TENANTRY_SECRET_KEY || kept.secretKey || randomBytes(32).toString("base64"),
    authSecret: env.NEXTAUTH_SECRET || kept.authSecret || randomBytes(32).toString("base64"),
  };
  if (!env.TENANTRY_SECRET_KEY || !env.NEXTAUTH_SECRET) {
    writeFileSync(file, JSON.stringify({ secretKey: kept.secretKey ?? secrets.secretKey, authSecret: kept.authSecret ?? secrets.authSecret }), { mode: 0o600 });
  }
  return secrets;
}
