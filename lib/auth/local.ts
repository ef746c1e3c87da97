// Local (password) sign-in: rate limit by IP → account lock → password → account status.
// Returns the user or null; every outcome is recorded (login record + audit).
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { verifyPassword } from "./password";
import { isLocked, registerFailure } from "../identity/lockout";
import { noteAttempt, withinSignInRate, type ClientMeta } from "../identity/attempts";

export const LOCAL_PROVIDER = "local";

export async function signInLocal(rawUsername: string, password: string, meta: ClientMeta): Promise<User | null> {
  const username = rawUsername.trim().toLowerCase();
  const fail = async (user: User | null, reason: string) => {
    await noteAttempt({ user, username, provider: LOCAL_PROVIDER, reason, meta });
    return null;
  };
  if (!(await withinSignInRate(meta))) return fail(null, "rate limited");
  const user = username ? await db().user.findUnique({ where: { username } }) : null;
  // A locked account is refused before its password is tried, so guessing cannot go on during the lock.
  if (user && isLocked(user)) return fail(user, "account locked");
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!passwordOk || !user) {
    if (user) await registerFailure(user.id, meta);
    return fail(user, "invalid username or password");
  }
  if (user.status !== "active") return fail(user, "account disabled");
  await noteAttempt({ user, username, provider: LOCAL_PROVIDER, reason: null, meta });
  return user;
}
