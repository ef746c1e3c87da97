// Personal access tokens: `tnt_` + 32 random bytes, shown once; only the SHA-256 is stored (a
// high-entropy secret needs no slow hash). A token acts as its owner, so it never holds more than they do.
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type User } from "@prisma/client";
import { db } from "../db/client";
import { prepared } from "../db/sql";
import { conflict, notFound } from "../api/errors";

const PREFIX = "tnt_";
const TOUCH_EVERY_MS = 60_000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const view = { id: true, name: true, prefix: true, expiresAt: true, lastUsedAt: true, createdAt: true } as const;

export async function createToken(userId: string, body: { name: string; expiresInDays?: number }) {
  if (await db().apiToken.findUnique({ where: { userId_name: { userId, name: body.name } }, select: { id: true } }))
    throw conflict(`You already have a token named "${body.name}".`, "already_exists");
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db().apiToken.create({
    data: {
      userId,
      name: body.name,
      prefix: token.slice(0, PREFIX.length + 6),
      hash: sha256(token),
      expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null,
    },
    select: view,
  });
  return { ...row, token };
}

export const listTokens = (userId: string) => db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: view });

export async function deleteToken(userId: string, id: string): Promise<{ name: string }> {
  const row = await db().apiToken.findFirst({ where: { id, userId }, select: { name: true } });
  if (!row) throw notFound("The token");
  await db().apiToken.delete({ where: { id } });
  return row;
}

/** Every token of the user stops working for good: they are deleted, so re-enabling the user revives none. */
export async function revokeAllTokens(userId: string): Promise<number> {
  return (await db().apiToken.deleteMany({ where: { userId } })).count;
}

/**
 * The active owner of a valid bearer token, or null (unknown, expired, or owner disabled). Every request with a
 * token asks: one statement on the pool, as for a session (lib/identity/sessions.ts).
 */
export async function userForToken(token: string, now = new Date()): Promise<User | null> {
  if (!token.startsWith(PREFIX)) return null;
  const [row] = await prepared.rows<User & { tId: string; tExpiresAt: Date | null; tLastUsedAt: Date | null }>(Prisma.sql`
    SELECT u.*, t."id" AS "tId", t."expiresAt" AS "tExpiresAt", t."lastUsedAt" AS "tLastUsedAt"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."hash" = ${sha256(token)}`);
  if (!row) return null;
  const { tId: id, tExpiresAt: expiresAt, tLastUsedAt: lastUsedAt, ...user } = row;
  if ((expiresAt && expiresAt <= now) || user.status !== "active") return null;
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > TOUCH_EVERY_MS) await db().apiToken.update({ where: { id }, data: { lastUsedAt: now } });
  return user;
}
