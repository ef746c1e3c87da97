// The server's configuration, checked once at start (instrumentation.ts, and the demo launcher before it starts
// anything): a bad variable stops the process with one line naming it, instead of a fallback nobody asked for
// or a failure at the first request that needs it. The modules read process.env themselves; this only vouches.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "../api/client-info";

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().check((ctx) => {
    const n = Number(ctx.value);
    if (!/^\d+$/.test(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: "must be a whole number" });
    else if (n < min || n > max) ctx.issues.push({ code: "custom", input: ctx.value, message: `must be between ${min} and ${max}` });
  });
const url = (schemes: string[]) =>
  z.string().refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol), `must be a URL starting with ${schemes.map((s) => `${s}//`).join(" or ")}`);
const secret = (min: number) => z.string().min(min, `must be at least ${min} characters (e.g. openssl rand -base64 32)`);

/** Every variable the server reads; unset ones take their documented default (README, configuration). */
const serverEnv = z.object({
  DATABASE_URL: url(["postgresql:", "postgres:"]),
  TENANTRY_SECRET_KEY: secret(32),
  NEXTAUTH_SECRET: secret(32),
  NEXTAUTH_URL: url(["http:", "https:"]).optional(),
  TENANTRY_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  PORT: whole(1, 65535).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  TENANTRY_BACKGROUND: z.enum(["0", "1"]).optional(),
  TENANTRY_METRICS_TOKEN: secret(16).optional(),
  TENANTRY_TRUSTED_PROXIES: z
    .string()
    .check((ctx) => {
      const { bad } = parseTrustedProxies(ctx.value);
      if (bad.length) ctx.issues.push({ code: "custom", input: ctx.value, message: `not an IP address or CIDR: ${bad.join(", ")}` });
    })
    .optional(),
  TENANTRY_AUDIT_TLS_PORT: whole(0, 65535).optional(),
  TENANTRY_AUDIT_TLS_DIR: z
    .string()
    .refine((dir) => ["tls.crt", "tls.key"].every((f) => existsSync(join(dir, f))), "must hold tls.crt and tls.key (cert-manager's layout)")
    .optional(),
  TENANTRY_AUDIT_WEBHOOK_URL: url(["https:"]).optional(),
  TENANTRY_IDENTITY_PROVIDERS: z
    .string()
    .refine((v) => {
      try {
        return Array.isArray(JSON.parse(v));
      } catch {
        return false;
      }
    }, "must be a JSON array of identity providers")
    .optional(),
  TENANTRY_AUDIT_RETENTION_DAYS: whole(1).optional(),
  TENANTRY_RECONCILE_INTERVAL_MS: whole(100).optional(),
  TENANTRY_RESYNC_INTERVAL_MS: whole(1000).optional(),
  TENANTRY_KUBE_TIMEOUT_MS: whole(100).optional(),
  TENANTRY_SHUTDOWN_TIMEOUT_MS: whole(0).optional(),
  TENANTRY_LOCKOUT_THRESHOLD: whole(1).optional(),
  TENANTRY_LOCKOUT_WINDOW_MINUTES: whole(1).optional(),
  TENANTRY_LOCKOUT_MINUTES: whole(1).optional(),
  TENANTRY_SIGNIN_RATE_LIMIT: whole(1).optional(),
  TENANTRY_SIGNIN_RATE_WINDOW_SECONDS: whole(1).optional(),
  TENANTRY_SESSION_IDLE_MINUTES: whole(1).optional(),
  TENANTRY_SESSION_MAX_HOURS: whole(1).optional(),
  TENANTRY_LOGIN_RECORD_RETENTION_DAYS: whole(1).optional(),
  TENANTRY_EXPIRY_WARNING_HOURS: whole(1, 8760).optional(),
});

/** One line per bad variable ("NAME: what is wrong"), none when the environment is usable. */
export function configProblems(env: Record<string, string | undefined> = process.env): string[] {
  // An empty value counts as unset, as everywhere that reads these.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = serverEnv.safeParse(given);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.code === "invalid_type" ? "is not set" : i.message}`);
}

/** The message to stop with, or null when the environment is usable. */
export function configError(env: Record<string, string | undefined> = process.env): string | null {
  const problems = configProblems(env);
  if (problems.length === 0) return null;
  return `Tenantry cannot start, its configuration has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map((p) => `  ${p}`).join("\n")}`;
}

/** Stops the process with the problems, if there are any. */
export function requireValidConfig(env: Record<string, string | undefined> = process.env): void {
  const error = configError(env);
  if (!error) return;
  console.error(error);
  process.exit(1);
}
