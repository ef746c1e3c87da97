// Identity knobs, read from the environment on each use so an operator (or a test) can change them
// without a code change. Defaults follow the issue: 5 failures / 30 min → 30 min lock, 30 min idle, 12 h max.
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const MINUTE = 60_000;

export function identityConfig() {
  return {
    lockoutThreshold: num("TENANTRY_LOCKOUT_THRESHOLD", 5),
    lockoutWindowMs: num("TENANTRY_LOCKOUT_WINDOW_MINUTES", 30) * MINUTE,
    lockoutDurationMs: num("TENANTRY_LOCKOUT_MINUTES", 30) * MINUTE,
    signInRateLimit: num("TENANTRY_SIGNIN_RATE_LIMIT", 60),
    signInRateWindowMs: num("TENANTRY_SIGNIN_RATE_WINDOW_SECONDS", 60) * 1000,
    sessionIdleMs: num("TENANTRY_SESSION_IDLE_MINUTES", 30) * MINUTE,
    sessionMaxMs: num("TENANTRY_SESSION_MAX_HOURS", 12) * 60 * MINUTE,
    loginRecordRetentionMs: num("TENANTRY_LOGIN_RECORD_RETENTION_DAYS", 90) * 24 * 60 * MINUTE,
  };
}
