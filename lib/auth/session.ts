// Who is calling: a bearer token's owner, or the signed-in user behind a live server-side session
// (re-read on every request), and their bindings for a scope.
import type { User } from "@prisma/client";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { authOptions } from "./options";
import { projectKey, type Grant, type Principal, type Scope } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";
import { liveSession } from "../identity/sessions";
import { userForToken } from "../identity/tokens";
import { liveProjectMember, liveWorkspaceMember } from "../tenancy/expiry";

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1]! : null;
}

/** The session id in the caller's cookie (null for token callers or no session). */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { sid?: string } | undefined)?.sid ?? null;
}

/**
 * The active user behind the request, or null. With `req` (API routes), a bearer token is honoured;
 * otherwise the session cookie must name a live session: revoked, idle or expired sessions and
 * disabled or deleted users have none.
 */
export async function currentUser(req?: Request): Promise<User | null> {
  const token = req ? bearerToken(req.headers) : null;
  if (token) return userForToken(token);
  const session = await getServerSession(authOptions);
  const { id, sid } = (session?.user ?? {}) as { id?: string; sid?: string };
  if (!id || !sid) return null;
  const live = await liveSession(sid);
  if (!live || live.userId !== id) return null;
  const user = await db().user.findUnique({ where: { id } });
  return user?.status === "active" ? user : null;
}

/** Loads only the bindings that matter for `scope`: never a scan of all of a user's memberships. A membership
 *  that has ended counts for nothing from that instant, in the same query, before the expiry step deletes it. */
export async function principalFor(user: User, scope: Scope = {}): Promise<Principal> {
  const workspaces = new Map<string, Grant>();
  const projects = new Map<string, Grant>();
  const now = new Date();
  const [wsMember, projectMember] = await Promise.all([
    scope.workspace
      ? db().workspaceMember.findFirst({
          where: { ...liveWorkspaceMember(user.id, now), workspace: { name: scope.workspace } },
          select: { role: true, workspaceId: true, expiresAt: true },
        })
      : null,
    scope.workspace && scope.project
      ? db().projectMember.findFirst({
          where: { AND: [liveProjectMember(user.id, now), { project: { name: scope.project, workspace: { name: scope.workspace } } }] },
          select: { role: true, projectId: true, expiresAt: true },
        })
      : null,
  ]);
  if (wsMember && scope.workspace)
    workspaces.set(scope.workspace, { ...(await grantFor("workspace", wsMember.workspaceId, wsMember.role)), expiresAt: wsMember.expiresAt });
  if (projectMember && scope.workspace && scope.project)
    projects.set(projectKey(scope.workspace, scope.project), { ...(await grantFor("project", projectMember.projectId, projectMember.role)), expiresAt: projectMember.expiresAt });
  return {
    userId: user.id,
    username: user.username,
    active: user.status === "active",
    platform: await grantFor("platform", "", user.platformRole),
    workspaces,
    projects,
  };
}
