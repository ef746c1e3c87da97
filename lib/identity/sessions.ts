// Server-side session records behind the JWT cookie: the cookie names a row, the row decides.
// That gives idle and absolute timeouts, a list of one's sessions, and revocation that works at once.
import { Prisma, type Session, type User } from "@prisma/client";
import { db } from "../db/client";
import { prepared } from "../db/sql";
import { notFound } from "../api/errors";
import { identityConfig } from "./config";

/** How often lastSeenAt is written: idle expiry needs no finer grain, and reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export async function openSession(userId: string, provider: string, meta: { sourceIp?: string | null; userAgent?: string | null }): Promise<Session> {
  const now = new Date(); // one clock (this server's) for creation, activity and expiry
  return db().session.create({
    data: {
      userId,
      provider,
      sourceIp: meta.sourceIp ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + identityConfig().sessionMaxMs),
    },
  });
}

type SessionTimes = Pick<Session, "revokedAt" | "expiresAt" | "lastSeenAt">;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session if it is still good (not revoked, not idle too long, not past its lifetime), touching it, with its
 * user. Every signed-in request asks: one statement on the pool, where two Prisma queries cost more CPU to
 * compile than PostgreSQL spends answering them (docs/benchmarks.md, "Where the time went"). `also` is one more
 * column the same statement answers (the caller's bindings, lib/auth/session.ts), returned as `also`.
 */
export async function liveSession(id: string, now = new Date(), also?: Prisma.Sql): Promise<(SessionTimes & { user: User; also?: unknown }) | null> {
  if (!UUID.test(id)) return null;
  const [row] = await prepared.rows<User & { sLastSeenAt: Date; sExpiresAt: Date; sRevokedAt: Date | null; sAlso?: unknown }>(Prisma.sql`
    SELECT u.*, s."lastSeenAt" AS "sLastSeenAt", s."expiresAt" AS "sExpiresAt", s."revokedAt" AS "sRevokedAt"${also ? Prisma.sql`, ${also} AS "sAlso"` : Prisma.empty}
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${id}::uuid`);
  if (!row) return null;
  const { sLastSeenAt: lastSeenAt, sExpiresAt: expiresAt, sRevokedAt: revokedAt, sAlso, ...user } = row;
  if (!isLive({ lastSeenAt, expiresAt, revokedAt }, now)) return null;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) await db().session.update({ where: { id }, data: { lastSeenAt: now } });
  return { lastSeenAt, expiresAt, revokedAt, user, also: sAlso };
}

export function isLive(s: Pick<Session, "revokedAt" | "expiresAt" | "lastSeenAt">, now = new Date()): boolean {
  return !s.revokedAt && s.expiresAt > now && now.getTime() - s.lastSeenAt.getTime() <= identityConfig().sessionIdleMs;
}

export async function listSessions(userId: string, currentId?: string) {
  const now = new Date();
  const rows = await db().session.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, orderBy: { lastSeenAt: "desc" } });
  return rows
    .filter((s) => isLive(s, now))
    .map(({ id, provider, sourceIp, userAgent, createdAt, lastSeenAt, expiresAt }) => ({ id, provider, sourceIp, userAgent, createdAt, lastSeenAt, expiresAt, current: id === currentId }));
}

export async function revokeSession(userId: string, id: string): Promise<void> {
  const { count } = await db().session.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw notFound("The session");
}

/** Ends every session of the user but `except` (the caller's own, when they change their password). */
export async function revokeAllSessions(userId: string, except?: string): Promise<number> {
  const { count } = await db().session.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function endSession(id: string): Promise<void> {
  await db().session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}
