import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { principalFor } from "@/lib/auth/session";
import type { Scope } from "@/lib/rbac/authorize";

/** A DNS-label name no other test run uses. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

export async function makeUser(platformRole = "platform-regular", username = uniqueName("user")) {
  return db().user.create({ data: { username, platformRole } });
}

export async function principalOf(username: string, scope: Scope = {}) {
  return principalFor(await db().user.findUniqueOrThrow({ where: { username } }), scope);
}

/** Polls until `check` is true (a bounded wait for asynchronous controllers, not a timing assertion). */
export async function eventually(check: () => Promise<boolean>, tries = 50, intervalMs = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`condition not met after ${tries} tries`);
}
