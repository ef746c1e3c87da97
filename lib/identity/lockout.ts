// Brute-force protection per account: N failures within a window lock it for a while. The counters
// live on the user row and change in one atomic UPDATE, so concurrent attempts on any replica count.
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { record } from "../audit/record";
import { notFound } from "../api/errors";
import { identityConfig } from "./config";

export const isLocked = (user: Pick<User, "lockedUntil">, now = new Date()) => !!user.lockedUntil && user.lockedUntil > now;

/** Counts a failed sign-in; locks the account (and audits it) when this failure reaches the threshold. */
export async function registerFailure(userId: string, meta: { sourceIp?: string | null; userAgent?: string | null } = {}): Promise<boolean> {
  const { lockoutThreshold, lockoutWindowMs, lockoutDurationMs } = identityConfig();
  const rows = await db().$queryRaw<{ username: string; failedLogins: number; locked: boolean }[]>`
    WITH fresh AS (
      SELECT "id", ("failedLoginsSince" IS NULL OR "failedLoginsSince" < now() - ${lockoutWindowMs} * interval '1 millisecond') AS restart
      FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE
    )
    UPDATE "User" u SET
      "failedLogins" = CASE WHEN fresh.restart THEN 1 ELSE u."failedLogins" + 1 END,
      "failedLoginsSince" = CASE WHEN fresh.restart THEN now() ELSE u."failedLoginsSince" END,
      "lockedUntil" = CASE WHEN (CASE WHEN fresh.restart THEN 1 ELSE u."failedLogins" + 1 END) >= ${lockoutThreshold}
        THEN now() + ${lockoutDurationMs} * interval '1 millisecond' ELSE u."lockedUntil" END
    FROM fresh WHERE u."id" = fresh."id"
    RETURNING u."username", u."failedLogins", (u."failedLogins" = ${lockoutThreshold}) AS locked`;
  const row = rows[0];
  if (!row?.locked) return false;
  await record({
    action: "user.lock", verb: "update", resource: "users", name: row.username, username: row.username,
    outcome: "success", statusCode: 200, reason: `${row.failedLogins} failed sign-ins`, ...meta,
  });
  return true;
}

/** A successful sign-in starts the count afresh. */
export async function clearFailures(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { failedLogins: 0, failedLoginsSince: null, lockedUntil: null } });
}

/** An admin lifts a lock (and the failure count) before it runs out. */
export async function unlockUser(username: string): Promise<{ username: string; wasLocked: boolean }> {
  const user = await db().user.findUnique({ where: { username } });
  if (!user) throw notFound(`User "${username}"`);
  await clearFailures(user.id);
  return { username, wasLocked: isLocked(user) };
}
