// Workspace and project members: who holds which role where, and until when. Invariants: a project member is a
// workspace member; a workspace keeps at least one admin whose membership does not end; nobody grants more than
// they hold or raises their own role (or extends their own membership), nor demotes, removes or time-binds a
// member whose role they do not cover.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { audited } from "../audit/context";
import { AppError, conflict, invalid, notFound } from "../api/errors";
import { parseSort, type Page } from "../api/page";
import { searchSql, listPage } from "../db/list";
import type { MemberListQuery } from "../schemas/lists";
import { assertCovers } from "../rbac/escalation";
import { assertCoversHoldings, holdingsOf, type Holding } from "../rbac/covers-principal";
import { missingPermissions, type Principal } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";
import { requestReconcile } from "../kube/controller/enqueue";
import { roleExists } from "./roles";
import type { ScopeRef } from "./scope";

export interface MemberDto {
  username: string;
  displayName: string | null;
  email: string | null;
  role: string;
  since: Date;
  /** When the membership ends by itself; null: never. */
  expiresAt: Date | null;
}

type MemberLevel = ScopeRef & { level: "workspace" | "project" };

function asMemberScope(ref: ScopeRef): MemberLevel {
  if (ref.level === "platform") throw new Error("platform roles are bound on users, not members");
  return ref as MemberLevel;
}

// The two membership tables differ only in their scope column; this keeps one code path for both.
const table = (ref: MemberLevel, client: Prisma.TransactionClient = db()) =>
  (ref.level === "workspace" ? client.workspaceMember : client.projectMember) as unknown as Prisma.WorkspaceMemberDelegate;
const scopeWhere = (ref: MemberLevel) => (ref.level === "workspace" ? { workspaceId: ref.workspaceId! } : { projectId: ref.projectId! }) as unknown as { workspaceId: string };

const userSelect = { username: true, displayName: true, email: true } as const;
const memberSelect = { role: true, createdAt: true, expiresAt: true, user: { select: userSelect } } as const;
type MemberRow = { role: string; createdAt: Date; expiresAt: Date | null; user: { username: string; displayName: string | null; email: string | null } };
const toDto = (r: MemberRow): MemberDto => ({ ...r.user, role: r.role, since: r.createdAt, expiresAt: r.expiresAt });

const MEMBER_SORT = { field: "username", desc: false } as const;

/**
 * Members in force of a workspace or project, named by the scope (a missing one is a 404 from the same statement);
 * one statement a page, keyset over (sort field, username).
 */
export async function listMembers(ref: Pick<ScopeRef, "scope">, opts: { limit: number; cursor?: string; q?: string } & Partial<Omit<MemberListQuery, "limit" | "cursor" | "q">>): Promise<Page<MemberDto>> {
  const { workspace, project } = ref.scope;
  if (!workspace) throw new Error("platform roles are bound on users, not members");
  // An ended membership counts for nothing from that instant, before the expiry step deletes it (lib/tenancy/expiry.ts).
  const where = [Prisma.sql`(m."expiresAt" IS NULL OR m."expiresAt" > ${new Date()}::timestamptz)`];
  if (opts.role) where.push(Prisma.sql`m."role" = ${opts.role}`);
  if (opts.q) where.push(searchSql(opts.q, Prisma.sql`u."username"`, Prisma.sql`u."displayName"`));
  // The scope's row (s) and its memberships: the two membership tables differ only in their scope column.
  const scope = project ? Prisma.sql`"Project" s JOIN "Workspace" w ON w."id" = s."workspaceId" AND w."name" = ${workspace}` : Prisma.sql`"Workspace" s`;
  const members = project ? Prisma.sql`"ProjectMember" m JOIN "User" u ON u."id" = m."userId" AND m."projectId" = s."id"` : Prisma.sql`"WorkspaceMember" m JOIN "User" u ON u."id" = m."userId" AND m."workspaceId" = s."id"`;
  return listPage<"username" | "role" | "since", MemberDto>({
    sort: parseSort(opts.sort ?? "username"),
    fallback: MEMBER_SORT,
    cursor: opts.cursor,
    limit: opts.limit,
    // The sort fields under the names the rows carry them (a member's `since` is the membership's createdAt).
    columns: { username: Prisma.sql`m."username"`, role: Prisma.sql`m."role"`, since: Prisma.sql`m."since"` },
    key: "username",
    instants: ["since"],
    within: project ? `Project "${project}"` : `Workspace "${workspace}"`,
    // The inner SELECT names the rows' fields, which the keyset and the order (m."since" ...) use on both levels.
    statement: ({ after, orderBy, take }) => Prisma.sql`
      SELECT m.* FROM ${scope} LEFT JOIN LATERAL (
        SELECT * FROM (
          SELECT u."username", u."displayName", u."email", m."role", m."createdAt" AS "since", m."expiresAt"
          FROM ${members} WHERE ${Prisma.join(where, " AND ")}
        ) m WHERE ${after} ORDER BY ${orderBy} LIMIT ${take}
      ) m ON TRUE
      WHERE s."name" = ${project ?? workspace}
      ORDER BY ${orderBy}`,
  });
}

async function userId(username: string, path = "username"): Promise<string> {
  const u = await db().user.findUnique({ where: { username }, select: { id: true } });
  if (!u) throw invalid([{ path, message: `No user named "${username}".` }]);
  return u.id;
}

async function assertRole(ref: MemberLevel, role: string) {
  if (!(await roleExists(ref, role))) throw invalid([{ path: "role", message: `No ${ref.level} role named "${role}".` }]);
}

async function membership(ref: MemberLevel, username: string) {
  const row = await table(ref).findFirst({ where: { ...scopeWhere(ref), user: { username } }, select: { userId: true, role: true, expiresAt: true } });
  if (!row) throw notFound(`Member "${username}"`);
  return row;
}

/** Members are RoleBindings in the cluster (workspace roles reach every project): in the change's own
 *  transaction, mark the projects for the reconciler. */
async function afterChange(ref: MemberLevel, tx: Prisma.TransactionClient) {
  await requestReconcile(tx, ref.level === "project" ? { id: ref.projectId! } : { workspaceId: ref.workspaceId });
}

export async function addMember(ref: ScopeRef, actor: Principal, body: { username: string; role: string; expiresAt?: Date }): Promise<MemberDto> {
  const m = asMemberScope(ref);
  const id = await userId(body.username);
  await assertRole(m, body.role);
  assertCovers(actor, m.level, m.scope, (await grantFor(m.level, m.scopeId, body.role)).permissions);
  if (m.level === "project" && !(await db().workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: m.workspaceId!, userId: id } } })))
    throw invalid([{ path: "username", message: `"${body.username}" must be a member of workspace "${m.scope.workspace}" first.` }]);
  if (await table(m).findFirst({ where: { ...scopeWhere(m), userId: id } })) throw conflict(`"${body.username}" is already a member.`, "already_exists");
  await audited(async (tx) => {
    await table(m, tx).create({ data: { ...scopeWhere(m), userId: id, role: body.role, expiresAt: body.expiresAt ?? null } });
    await afterChange(m, tx);
  });
  return getMember(m, body.username);
}

export async function getMember(ref: ScopeRef, username: string): Promise<MemberDto> {
  const m = asMemberScope(ref);
  const row = await table(m).findFirst({
    where: { ...scopeWhere(m), user: { username } },
    select: memberSelect,
  });
  if (!row) throw notFound(`Member "${username}"`);
  return toDto(row);
}

/** The member's role here, as a holding the actor must cover to demote or remove them. */
const heldHere = (m: MemberLevel, role: string): Holding => ({ level: m.level, scope: m.scope, scopeId: m.scopeId, workspaceId: m.workspaceId, role });

type Held = { userId: string; role: string; expiresAt: Date | null };

/** A workspace keeps an admin whose membership does not end: the last one can't be demoted, removed (409) or
 *  time-bound (422 on expiresAt). */
async function assertKeepsAnAdmin(ref: MemberLevel, username: string, row: Held, next?: { role: string; expiresAt: Date | null }) {
  if (ref.level !== "workspace" || row.role !== "admin" || row.expiresAt) return;
  if (next?.role === "admin" && !next.expiresAt) return;
  const others = await table(ref).count({ where: { ...scopeWhere(ref), role: "admin", expiresAt: null, userId: { not: row.userId } } });
  if (others > 0) return;
  if (next?.role === "admin")
    throw invalid([{ path: "expiresAt", message: `"${username}" is the last admin of workspace "${ref.scope.workspace}"; the last admin cannot be time-bound.` }]);
  throw conflict(`"${username}" is the last admin of workspace "${ref.scope.workspace}"; make someone else admin first.`, "last_admin");
}

/** Changes a member's role, or when their membership ends (`expiresAt`; null: never), or both. */
export async function changeMember(ref: ScopeRef, actor: Principal, username: string, patch: { role?: string; expiresAt?: Date | null }): Promise<MemberDto> {
  const m = asMemberScope(ref);
  const row = await membership(m, username);
  const role = patch.role ?? row.role;
  const expiresAt = patch.expiresAt === undefined ? row.expiresAt : patch.expiresAt;
  await assertRole(m, role);
  const next = (await grantFor(m.level, m.scopeId, role)).permissions;
  assertCovers(actor, m.level, m.scope, next);
  await assertCoversHoldings(actor, `member "${username}"`, [heldHere(m, row.role)]);
  if (row.userId === actor.userId) {
    const current = (await grantFor(m.level, m.scopeId, row.role)).permissions;
    const raised = missingPermissions(current, next);
    if (raised.length) throw new AppError(403, "self_escalation", `You cannot raise your own role (it would add ${raised.join(", ")}).`);
    if (row.expiresAt && (!expiresAt || expiresAt > row.expiresAt)) throw new AppError(403, "self_escalation", "You cannot extend your own membership.");
  }
  await assertKeepsAnAdmin(m, username, row, { role, expiresAt });
  // A role someone chose is a direct membership, no longer the bare one group bindings may take back.
  const data = m.level === "workspace" ? { role, expiresAt, viaBindings: false } : { role, expiresAt };
  await audited(async (tx) => {
    await table(m, tx).updateMany({ where: { ...scopeWhere(m), userId: row.userId }, data });
    await afterChange(m, tx);
  });
  return getMember(m, username);
}

export async function removeMember(ref: ScopeRef, actor: Principal, username: string): Promise<void> {
  const m = asMemberScope(ref);
  const row = await membership(m, username);
  // Leaving a workspace ends its project memberships too, so the actor must cover those as well.
  const held = m.level === "workspace" ? (await holdingsOf({ id: row.userId }, { workspaceId: m.workspaceId! }))!.holdings : [heldHere(m, row.role)];
  await assertCoversHoldings(actor, `member "${username}"`, held);
  await assertKeepsAnAdmin(m, username, row);
  if (m.level === "workspace") {
    // Leaving a workspace means leaving its projects too.
    await audited(async (tx) => {
      await tx.projectMember.deleteMany({ where: { userId: row.userId, project: { workspaceId: m.workspaceId } } });
      await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId: m.workspaceId!, userId: row.userId } } });
      await afterChange(m, tx);
    });
  } else {
    await audited(async (tx) => {
      await tx.projectMember.delete({ where: { projectId_userId: { projectId: m.projectId!, userId: row.userId } } });
      await afterChange(m, tx);
    });
  }
}
