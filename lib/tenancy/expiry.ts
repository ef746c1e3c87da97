// Time-bound memberships (#17): a workspace or project membership, or a group binding, may carry `expiresAt`.
// Authorization ignores an ended one at once (the live filters below sit in the queries that load bindings);
// the background leader then deletes it (expireMemberships), records `member.expire` for each membership and
// marks its projects for the reconciler, which removes the member's RoleBindings when the cluster answers.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { record } from "../audit/record";
import { requestReconcile } from "../kube/controller/enqueue";

/** Memberships and bindings still in force at `now`. */
export const live = (now = new Date()) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/**
 * A workspace membership of `userId` in force at `now`: not ended, and a bare one (added by group bindings only
 * so the user reaches bound projects) only while a project of the workspace still holds the user.
 */
export const liveWorkspaceMember = (userId: string, now = new Date()): Prisma.WorkspaceMemberWhereInput => ({
  userId,
  AND: [live(now), { OR: [{ viaBindings: false }, { workspace: { projects: { some: { members: { some: { userId, ...live(now) } } } } } }] }],
});

/** A project membership of `userId` in force at `now`: it and the workspace membership under it. */
export const liveProjectMember = (userId: string, now = new Date()): Prisma.ProjectMemberWhereInput => ({
  userId,
  ...live(now),
  project: { workspace: { members: { some: { userId, ...live(now) } } } },
});

/**
 * liveWorkspaceMember() and liveProjectMember() as SQL, for principalFor()'s one statement on the pool: the
 * membership aliased `m` in force at `now`. liveSql() alone (not ended) is also the reconciler's rule (project-state.ts).
 */
export const liveSql = (alias: string, now: Date) => Prisma.sql`(${Prisma.raw(alias)}."expiresAt" IS NULL OR ${Prisma.raw(alias)}."expiresAt" > ${now}::timestamptz)`;
export const liveWorkspaceMemberSql = (userId: string, now: Date) => Prisma.sql`m."userId" = ${userId}::uuid AND ${liveSql("m", now)} AND (NOT m."viaBindings" OR EXISTS (
  SELECT 1 FROM "Project" lp JOIN "ProjectMember" lpm ON lpm."projectId" = lp."id"
  WHERE lp."workspaceId" = m."workspaceId" AND lpm."userId" = ${userId}::uuid AND ${liveSql("lpm", now)}))`;
export const liveProjectMemberSql = (userId: string, now: Date) => Prisma.sql`m."userId" = ${userId}::uuid AND ${liveSql("m", now)} AND EXISTS (
  SELECT 1 FROM "Project" lp JOIN "WorkspaceMember" lwm ON lwm."workspaceId" = lp."workspaceId"
  WHERE lp."id" = m."projectId" AND lwm."userId" = ${userId}::uuid AND ${liveSql("lwm", now)})`;

/** How long before its end a membership is announced to its member (TENANTRY_EXPIRY_WARNING_HOURS). */
export function expiryWarningMs(): number {
  const hours = Number(process.env.TENANTRY_EXPIRY_WARNING_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3_600_000;
}

export interface TimeBound {
  workspace: string;
  project: string | null;
  username: string;
  displayName: string | null;
  role: string;
  expiresAt: Date;
  /** Within the warning time of its end. */
  endsSoon: boolean;
}

const LISTED = 100;
const userSelect = { username: true, displayName: true } as const;

/** Time-bound memberships that have not ended, soonest first: a user's own, or those of a workspace (and,
 *  with `projects`, of its projects). */
export async function timeBoundMemberships(where: { userId: string } | { workspaceId: string; projects: boolean }, now = new Date()): Promise<TimeBound[]> {
  const pending = { expiresAt: { gt: now } };
  const [ws, projects] = await Promise.all([
    db().workspaceMember.findMany({
      where: { ...pending, ...("userId" in where ? { userId: where.userId } : { workspaceId: where.workspaceId }) },
      select: { role: true, expiresAt: true, workspace: { select: { name: true } }, user: { select: userSelect } },
      orderBy: { expiresAt: "asc" },
      take: LISTED,
    }),
    "userId" in where || where.projects
      ? db().projectMember.findMany({
          where: { ...pending, ...("userId" in where ? { userId: where.userId } : { project: { workspaceId: where.workspaceId } }) },
          select: { role: true, expiresAt: true, project: { select: { name: true, workspace: { select: { name: true } } } }, user: { select: userSelect } },
          orderBy: { expiresAt: "asc" },
          take: LISTED,
        })
      : [],
  ]);
  const soon = now.getTime() + expiryWarningMs();
  const item = (workspace: string, project: string | null, m: { role: string; expiresAt: Date | null; user: { username: string; displayName: string | null } }): TimeBound => ({
    workspace,
    project,
    ...m.user,
    role: m.role,
    expiresAt: m.expiresAt!,
    endsSoon: m.expiresAt!.getTime() <= soon,
  });
  return [...ws.map((m) => item(m.workspace.name, null, m)), ...projects.map((m) => item(m.project.workspace.name, m.project.name, m))]
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
    .slice(0, LISTED);
}

/** The next instant a membership or binding ends, if any: the leader wakes for it (lib/jobs/background.ts). */
export async function nextExpiry(): Promise<Date | null> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT least((SELECT min("expiresAt") FROM "WorkspaceMember"), (SELECT min("expiresAt") FROM "ProjectMember"),
                 (SELECT min("expiresAt") FROM "GroupBinding")) AS at`;
  return row?.at ?? null;
}

interface Ended {
  workspace: string;
  project: string | null;
  username: string;
  role: string;
  expiresAt: Date | null;
}

export interface ExpiryResult {
  /** The memberships that ended, each recorded as one member.expire event. */
  memberships: Ended[];
  bindings: number;
}

const ACTOR = "system:expiry";

/** One audit event for what ended: done by the expiry step itself, not by anyone acting. */
function recordEnd(tx: Prisma.TransactionClient, action: string, what: { resource: string; name: string; workspace: string; project: string | null; reason: string }) {
  return record({ action, verb: "delete", outcome: "success", statusCode: 200, username: ACTOR, ...what }, tx);
}

/**
 * Ends what is due at `now`, in one transaction: group bindings (and the memberships they granted), workspace
 * memberships (and with them the member's projects in the workspace, as leaving does), project memberships, and
 * bare workspace memberships no bound project holds any more. Each row is deleted with RETURNING, so two
 * runners at once (a leader handing over) end, and record, each membership exactly once.
 */
export async function expireMemberships(now = new Date()): Promise<ExpiryResult> {
  return db().$transaction(async (tx) => {
    // What a binding granted carries its expiresAt (binding-grants.ts), so it ends below with the rest.
    const bindings = await tx.$queryRaw<{ group: string; workspace: string; project: string; role: string; id: string }[]>`
      DELETE FROM "GroupBinding" WHERE "expiresAt" <= ${now} RETURNING "group", workspace, project, role, id`;
    const workspaces = await tx.$queryRaw<(Ended & { workspaceId: string; userId: string })[]>`
      DELETE FROM "WorkspaceMember" m USING "Workspace" w, "User" u
      WHERE m."workspaceId" = w.id AND m."userId" = u.id AND m."expiresAt" <= ${now}
      RETURNING w.name AS workspace, NULL::text AS project, u.username, m.role, m."expiresAt", m."workspaceId", m."userId"`;
    const left = workspaces.map((m) => `${m.workspaceId}|${m.userId}`);
    const projects = await tx.$queryRaw<(Ended & { projectId: string; workspaceId: string; userId: string })[]>`
      DELETE FROM "ProjectMember" m USING "Project" p, "Workspace" w, "User" u
      WHERE m."projectId" = p.id AND p."workspaceId" = w.id AND m."userId" = u.id
        AND (m."expiresAt" <= ${now} OR (p."workspaceId"::text || '|' || m."userId"::text) = ANY(${left}::text[]))
      RETURNING w.name AS workspace, p.name AS project, u.username, m.role, m."expiresAt", m."projectId", p."workspaceId", m."userId"`;
    const users = [...new Set(projects.map((m) => m.userId))];
    const bare = users.length
      ? await tx.$queryRaw<(Ended & { workspaceId: string; userId: string })[]>`
          DELETE FROM "WorkspaceMember" m USING "Workspace" w, "User" u
          WHERE m."workspaceId" = w.id AND m."userId" = u.id AND m."viaBindings" AND m."userId" = ANY(${users}::uuid[])
            AND NOT EXISTS (SELECT 1 FROM "ProjectMember" pm JOIN "Project" p ON p.id = pm."projectId" WHERE pm."userId" = m."userId" AND p."workspaceId" = m."workspaceId")
          RETURNING w.name AS workspace, NULL::text AS project, u.username, m.role, m."expiresAt", m."workspaceId", m."userId"`
      : [];

    const why = (m: Ended) =>
      m.expiresAt && m.expiresAt <= now
        ? `${m.project ? "project" : "workspace"} membership (${m.role}) ended at ${m.expiresAt.toISOString()}`
        : m.project
          ? `the workspace membership ended (project role ${m.role})`
          : `no bound project of the workspace holds the user any more`;
    const ended = [...workspaces, ...projects, ...bare];
    for (const m of ended) {
      const resource = m.project ? "projectmembers" : "workspacemembers";
      await recordEnd(tx, "member.expire", { resource, name: m.username, workspace: m.workspace, project: m.project, reason: why(m) });
    }
    for (const b of bindings) {
      const reason = `group "${b.group}" → ${b.role} ended`;
      await recordEnd(tx, "group-binding.expire", { resource: "groupbindings", name: b.group, workspace: b.workspace, project: b.project || null, reason });
    }
    // The members' RoleBindings go: every project of a workspace they left, and each project they left.
    const wsIds = [...new Set([...workspaces, ...bare].map((m) => m.workspaceId))];
    const projectIds = [...new Set(projects.map((m) => m.projectId))];
    if (wsIds.length || projectIds.length) await requestReconcile(tx, { OR: [{ workspaceId: { in: wsIds } }, { id: { in: projectIds } }] });
    return { memberships: ended.map(({ workspace, project, username, role, expiresAt }) => ({ workspace, project, username, role, expiresAt })), bindings: bindings.length };
  });
}
