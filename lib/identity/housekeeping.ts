// Rows sign-in leaves behind that nothing reads any more: ended sessions (revoked, past their lifetime
// or idle too long), per-IP rate-limit counters whose window has passed and login records older than their
// retention. The background loop removes them in bulk DELETEs.
import { db } from "../db/client";
import { identityConfig } from "./config";

export async function cleanIdentityTables(now = new Date()): Promise<{ sessions: number; rateLimits: number; loginRecords: number }> {
  const { sessionIdleMs, signInRateWindowMs, loginRecordRetentionMs } = identityConfig();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const sessions = await db().session.deleteMany({
    where: { OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }, { lastSeenAt: { lt: ago(sessionIdleMs) } }] },
  });
  const rateLimits = await db().rateLimit.deleteMany({ where: { windowStart: { lt: ago(signInRateWindowMs) } } });
  const loginRecords = await db().loginRecord.deleteMany({ where: { createdAt: { lt: ago(loginRecordRetentionMs) } } });
  return { sessions: sessions.count, rateLimits: rateLimits.count, loginRecords: loginRecords.count };
}

let nextRun = 0;

/** For the background loop (called every few seconds): cleans at most every ten minutes. */
export async function maybeCleanIdentityTables(everyMs = 10 * 60_000): Promise<void> {
  if (Date.now() < nextRun) return;
  nextRun = Date.now() + everyMs;
  await cleanIdentityTables();
}
