// Users from identity providers: map the provider's identity onto a Tenantry user (created on first
// sign-in, or only existing ones, per provider), then let group bindings set their memberships.
// A provider signs in only the users linked to it (User.identityProviderId: it created them, or an admin
// linked them), and only as the subject it first signed them in as — never a local account or another
// provider's user, whatever its mapping method (as OpenShift's identities tie a user to provider + subject).
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { username as usernameRule } from "../schemas/rbac";
import { isLocked } from "./lockout";
import type { ProviderRow } from "./providers";
import { syncGroupBindings } from "./binding-grants";

export interface ExternalIdentity {
  username: string;
  /** The provider's stable id for the person: OIDC `sub`, LDAP DN. */
  externalId: string;
  email?: string | null;
  displayName?: string | null;
  groups: string[];
}

export type MapResult = { user: User; reason: null } | { user: User | null; reason: string };

export async function mapExternalUser(p: ProviderRow, id: ExternalIdentity): Promise<MapResult> {
  const username = id.username.trim().toLowerCase();
  if (!usernameRule.safeParse(username).success) return { user: null, reason: `provider username "${username}" is not a valid Tenantry username` };
  if (!id.externalId) return { user: null, reason: `provider "${p.name}" gave no subject for "${username}"` };
  let user = await db().user.findUnique({ where: { username } });
  if (user && user.identityProviderId !== p.id)
    return { user: null, reason: `user "${username}" exists and is not linked to provider "${p.name}"` };
  if (user && user.externalId !== null && user.externalId !== id.externalId)
    return { user: null, reason: `user "${username}" is linked to another identity of provider "${p.name}"` };
  if (user?.externalId !== id.externalId) {
    // One subject, one user: a renamed person at the provider does not become a second (or someone else's) account.
    const holder = await db().user.findFirst({ where: { identityProviderId: p.id, externalId: id.externalId }, select: { username: true } });
    if (holder) return { user: null, reason: `this identity of provider "${p.name}" signs in as "${holder.username}", not "${username}"` };
  }
  if (!user) {
    if (p.mappingMethod === "lookup") return { user: null, reason: "no such user (this provider signs in existing users only)" };
    user = await db().user.create({ data: { username, email: id.email ?? null, displayName: id.displayName ?? null, source: p.name, identityProviderId: p.id, externalId: id.externalId } });
  } else {
    // The first sign-in after an admin's link pins the subject.
    user = await db().user.update({ where: { id: user.id }, data: { externalId: id.externalId, email: id.email ?? user.email, displayName: id.displayName ?? user.displayName } });
  }
  if (user.status !== "active") return { user, reason: "account disabled" };
  if (isLocked(user)) return { user, reason: "account locked" };
  await syncGroupBindings(user, p.id, id.groups);
  return { user, reason: null };
}
