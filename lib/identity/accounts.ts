// Local account passwords: change one's own (current password required) and an admin's reset.
// A new password ends the account's other sessions; an admin reset ends all of them and its API tokens.
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { invalid } from "../api/errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { assertPasswordPolicy } from "./password-policy";
import { revokeAllSessions } from "./sessions";
import { revokeAllTokens } from "./tokens";

export async function changeOwnPassword(user: User, currentPassword: string, newPassword: string, keepSession: string | null): Promise<void> {
  if (!user.passwordHash) throw invalid([{ path: "currentPassword", message: "Your account signs in through an identity provider; it has no password here." }]);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalid([{ path: "currentPassword", message: "The current password is wrong." }]);
  if (currentPassword === newPassword) throw invalid([{ path: "newPassword", message: "Choose a password different from the current one." }]);
  assertPasswordPolicy(newPassword, user.username, "newPassword");
  await setPassword(user.id, newPassword, false);
  await revokeAllSessions(user.id, keepSession ?? undefined);
}

/** The admin's reset: the user must choose a new password at next sign-in unless told otherwise. */
export async function resetPassword(userId: string, username: string, password: string, mustChange = true): Promise<void> {
  assertPasswordPolicy(password, username);
  await setPassword(userId, password, mustChange);
  await endCredentials(userId);
}

/** Sessions and API tokens die together when the reason they were trusted goes (reset, disable, role change). */
export async function endCredentials(userId: string): Promise<void> {
  await revokeAllSessions(userId);
  await revokeAllTokens(userId);
}

async function setPassword(userId: string, password: string, mustChangePassword: boolean) {
  await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword },
  });
}
