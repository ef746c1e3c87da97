// Users from identity providers: map the provider's identity onto a Tenantry user (created on first
// sign-in, or only existing ones, per provider), then let group bindings set their memberships.
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { username as usernameRule } from "../schemas/rbac";
import { isLocked } from "./lockout";
import type { ProviderRow } from "./providers";
import { syncGroupBindings } from "./binding-grants";

export interface ExternalIdentity {
  username: string;
  email?: string | null;
  displayName?: string | null;
  groups: string[];
}

export type MapResult = { user: User; reason: null } | { user: User | null; reason: string };

export async function mapExternalUser(p: ProviderRow, id: ExternalIdentity): Promise<MapResult> {
  const username = id.username.trim().toLowerCase();
  if (!usernameRule.safeParse(username).success) return { user: null, reason: `provider username "${username}" is not a valid Tenantry username` };
  let user = await db().user.findUnique({ where: { username } });
  if (user && p.mappingMethod === "auto" && user.source !== p.name)
    // Creating on first sign-in must not hand over an account that came from elsewhere (e.g. local "admin").
    return { user: null, reason: `user "${username}" exists and does not come from provider "${p.name}"` };
  if (!user) {
    if (p.mappingMethod === "lookup") return { user: null, reason: "no such user (this provider signs in existing users only)" };
    user = await db().user.create({ data: { username, email: id.email ?? null, displayName: id.displayName ?? null, source: p.name } });
  } else if (user.source === p.name) {
    user = await db().user.update({ where: { id: user.id }, data: { email: id.email ?? user.email, displayName: id.displayName ?? user.displayName } });
  }
  if (user.status !== "active") return { user, reason: "account disabled" };
  if (isLocked(user)) return { user, reason: "account locked" };
  await syncGroupBindings(user, p.id, id.groups);
  return { user, reason: null };
}
