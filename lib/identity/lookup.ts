import { db } from "../db/client";
import { notFound } from "../api/errors";

export async function userIdOf(username: string): Promise<string> {
  const u = await db().user.findUnique({ where: { username }, select: { id: true } });
  if (!u) throw notFound(`User "${username}"`);
  return u.id;
}
