// Platform users: accounts, their platform role, and their status. Disabling takes effect on the
// very next request because every request re-reads the user (lib/auth/session.ts). Acting on someone else
// needs covering everything they hold (lib/rbac/covers-principal.ts); a reset, a disable and a platform-role
// change end their sessions and API tokens.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { AppError, conflict, invalid, notFound } from "../api/errors";
import { parseSort, type Page } from "../api/page";
import { searchSql, listPage } from "../db/list";
import type { UserListQuery } from "../schemas/lists";
import { hashPassword } from "../auth/password";
import { assertCovers } from "../rbac/escalation";
import { assertCoversUser } from "../rbac/covers-principal";
import { missingPermissions, type Principal } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";
import type { UserCreate, UserPatch } from "../schemas/rbac";
import { assertPasswordPolicy } from "../identity/password-policy";
import { endCredentials, resetPassword } from "../identity/accounts";
import { isLocked } from "../identity/lockout";
import { roleExists } from "./roles";
import { userWorkspaceCounts } from "../db/counts";
import { projectsOfUser, requestReconcile } from "../kube/controller/enqueue";

const PLATFORM = { level: "platform", scopeId: "", scope: {} } as const;

const userView = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  source: true,
  status: true,
  lockedUntil: true,
  platformRole: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

async function present(rows: Prisma.UserGetPayload<{ select: typeof userView }>[]) {
  const workspaces = await userWorkspaceCounts(rows.map((u) => u.id));
  return rows.map(({ id, lockedUntil, ...u }) => ({ ...u, lockedUntil: isLocked({ lockedUntil }) ? lockedUntil : null, workspaceCount: workspaces.get(id) ?? 0 }));
}
export type UserDto = Awaited<ReturnType<typeof present>>[number];

const USER_SORT = { field: "username", desc: false } as const;

/** One statement a page, keyset over (sort field, username); filters and `q` narrow it. */
export async function listUsers(opts: { limit: number; cursor?: string; q?: string } & Partial<Omit<UserListQuery, "limit" | "cursor" | "q">>): Promise<Page<UserDto>> {
  const where: Prisma.Sql[] = [];
  if (opts.status) where.push(Prisma.sql`u."status" = ${opts.status}::"UserStatus"`);
  if (opts.role) where.push(Prisma.sql`u."platformRole" = ${opts.role}`);
  if (opts.source) where.push(Prisma.sql`u."source" = ${opts.source}`);
  if (opts.q) where.push(searchSql(opts.q, Prisma.sql`u."username"`, Prisma.sql`u."displayName"`, Prisma.sql`u."email"`));
  const page = await listPage<"username" | "createdAt" | "platformRole", Omit<UserDto, "lockedUntil"> & { lockedUntil: Date | null }>({
    sort: parseSort(opts.sort ?? "username"),
    fallback: USER_SORT,
    cursor: opts.cursor,
    limit: opts.limit,
    columns: { username: Prisma.sql`u."username"`, createdAt: Prisma.sql`u."createdAt"`, platformRole: Prisma.sql`u."platformRole"` },
    key: "username",
    instants: ["createdAt"],
    // The page first, then each one's workspace count for those rows only.
    statement: ({ after, orderBy, take }) => Prisma.sql`
      SELECT u."username", u."displayName", u."email", u."source", u."status", u."lockedUntil", u."platformRole", u."mustChangePassword",
        u."lastLoginAt", u."createdAt", wc."n" AS "workspaceCount"
      FROM (SELECT * FROM "User" u WHERE ${Prisma.join([...where, after], " AND ")} ORDER BY ${orderBy} LIMIT ${take}) u
      CROSS JOIN LATERAL (SELECT count(*)::int AS "n" FROM "WorkspaceMember" m WHERE m."userId" = u."id") wc
      ORDER BY ${orderBy}`,
  });
  return { ...page, items: page.items.map((u) => ({ ...u, lockedUntil: isLocked(u) ? u.lockedUntil : null })) };
}

export async function getUser(username: string): Promise<UserDto> {
  const u = await db().user.findUnique({ where: { username }, select: userView });
  if (!u) throw notFound(`User "${username}"`);
  return (await present([u]))[0]!;
}

async function assertGrantablePlatformRole(actor: Principal, role: string) {
  if (!(await roleExists(PLATFORM, role))) throw invalid([{ path: "platformRole", message: `No platform role named "${role}".` }]);
  assertCovers(actor, "platform", {}, (await grantFor("platform", "", role)).permissions);
}

export async function createUser(actor: Principal, body: UserCreate): Promise<UserDto> {
  await assertGrantablePlatformRole(actor, body.platformRole);
  if (await db().user.findUnique({ where: { username: body.username }, select: { id: true } }))
    throw conflict(`A user named "${body.username}" already exists.`, "already_exists");
  assertPasswordPolicy(body.password, body.username);
  await db().user.create({
    data: {
      username: body.username,
      displayName: body.displayName,
      email: body.email,
      platformRole: body.platformRole,
      mustChangePassword: body.mustChangePassword,
      passwordHash: await hashPassword(body.password),
      passwordChangedAt: new Date(),
    },
  });
  return getUser(body.username);
}

/** A platform keeps at least one active platform admin. */
async function assertKeepsPlatformAdmin(username: string) {
  const others = await db().user.count({ where: { platformRole: "platform-admin", status: "active", username: { not: username } } });
  if (others === 0) throw conflict(`"${username}" is the last active platform admin.`, "last_admin");
}

export async function updateUser(actor: Principal, username: string, body: UserPatch): Promise<UserDto> {
  const current = await db().user.findUnique({ where: { username } });
  if (!current) throw notFound(`User "${username}"`);
  const self = current.id === actor.userId;
  // Self-actions keep their own rules below; anyone else must be covered by the actor, whatever the field.
  if (!self) await assertCoversUser(actor, username);
  const roleChanged = !!body.platformRole && body.platformRole !== current.platformRole;
  if (roleChanged && body.platformRole) {
    await assertGrantablePlatformRole(actor, body.platformRole);
    if (self) {
      const raised = missingPermissions((await grantFor("platform", "", current.platformRole)).permissions, (await grantFor("platform", "", body.platformRole)).permissions);
      if (raised.length) throw new AppError(403, "self_escalation", `You cannot raise your own role (it would add ${raised.join(", ")}).`);
    }
    if (current.platformRole === "platform-admin") await assertKeepsPlatformAdmin(username);
  }
  if (body.status === "disabled" && current.status !== "disabled") {
    if (self) throw conflict("You cannot disable your own account.", "self_disable");
    if (current.platformRole === "platform-admin") await assertKeepsPlatformAdmin(username);
  }
  if (body.password) assertPasswordPolicy(body.password, username);
  const link = body.identityProvider === undefined ? {} : await providerLink(current, body.identityProvider);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: current.id },
      data: {
        displayName: body.displayName,
        email: body.email,
        platformRole: body.platformRole,
        status: body.status,
        mustChangePassword: body.mustChangePassword,
        ...link,
      },
    });
    // Only active users keep RoleBindings in the clusters.
    if (body.status && body.status !== current.status) await requestReconcile(tx, projectsOfUser(current.id));
  });
  // Credentials die with the reason they were trusted: a reset, a disable (re-enabling revives none) or a new
  // platform role ends every session and API token of the user.
  if (body.password) await resetPassword(current.id, username, body.password, body.mustChangePassword ?? true);
  if (body.status === "disabled" || roleChanged) await endCredentials(current.id);
  return getUser(username);
}

/** An admin's explicit link to the provider that may sign the user in (or none); a new link pins no subject yet. */
async function providerLink(current: { identityProviderId: string | null; externalId: string | null }, name: string | null) {
  if (name === null) return { identityProviderId: null, externalId: null, source: "local" };
  const p = await db().identityProvider.findUnique({ where: { name }, select: { id: true } });
  if (!p) throw invalid([{ path: "identityProvider", message: `No identity provider named "${name}".` }]);
  return { identityProviderId: p.id, externalId: p.id === current.identityProviderId ? current.externalId : null, source: name };
}

export async function deleteUser(actor: Principal, username: string): Promise<void> {
  const current = await db().user.findUnique({ where: { username } });
  if (!current) throw notFound(`User "${username}"`);
  if (current.id === actor.userId) throw conflict("You cannot delete your own account.", "self_delete");
  await assertCoversUser(actor, username);
  if (current.platformRole === "platform-admin") await assertKeepsPlatformAdmin(username);
  // A workspace keeps an admin whose membership does not end (members.ts): time-bound admins don't count.
  const lastAdminOf = await db().workspace.findFirst({
    where: { members: { some: { userId: current.id, role: "admin", expiresAt: null }, none: { role: "admin", expiresAt: null, userId: { not: current.id } } } },
    select: { name: true },
  });
  if (lastAdminOf) throw conflict(`"${username}" is the last admin of workspace "${lastAdminOf.name}"; make someone else admin first.`, "last_admin");
  // Its sessions and API tokens go with the row (cascade), so a user later created with the name inherits none.
  await db().$transaction(async (tx) => {
    await requestReconcile(tx, projectsOfUser(current.id));
    await tx.user.delete({ where: { id: current.id } });
  });
}
