// One sign-in attempt's paper trail, for every provider: a login record and an audit event.
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { record } from "../audit/record";
import { identityConfig } from "./config";
import { allowHit } from "./rate-limit";
import { clearFailures } from "./lockout";
import { recordLogin } from "./login-records";

export interface ClientMeta {
  sourceIp: string | null;
  userAgent: string | null;
}

export async function noteAttempt(a: { user: User | null; username: string; provider: string; reason: string | null; meta: ClientMeta }): Promise<void> {
  const ok = a.reason === null;
  await recordLogin({ userId: a.user?.id ?? null, username: a.username, provider: a.provider, outcome: ok ? "success" : "failure", reason: a.reason, ...a.meta });
  await record({
    action: "login",
    verb: "create",
    resource: "sessions",
    username: a.username || null,
    outcome: ok ? "success" : "denied",
    statusCode: ok ? 200 : a.reason === "rate limited" ? 429 : 401,
    reason: a.reason,
    request: { provider: a.provider },
    ...a.meta,
  });
  if (ok && a.user) {
    await clearFailures(a.user.id);
    await db().user.update({ where: { id: a.user.id }, data: { lastLoginAt: new Date() } });
  }
}

/** The per-IP sign-in rate limit (all providers, all replicas). */
export async function withinSignInRate(meta: ClientMeta): Promise<boolean> {
  const { signInRateLimit, signInRateWindowMs } = identityConfig();
  return allowHit(`signin:${meta.sourceIp ?? "unknown"}`, signInRateLimit, signInRateWindowMs);
}
