// Who is calling: the signed-in user (re-read on every request), and their bindings for a scope.
import type { User } from "@prisma/client";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { authOptions } from "./options";
import { projectKey, type Grant, type Principal, type Scope } from "../rbac/authorize";
import { grantFor } from "../rbac/roles";

/** The active user behind the session cookie, or null: a disabled or deleted user has no session. */
export async function currentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id } });
  return user?.status === "active" ? user : null;
}

/** Loads only the bindings that matter for `scope`: never a scan of all of a user's memberships. */
export async function principalFor(user: User, scope: Scope = {}): Promise<Principal> {
  const workspaces = new Map<string, Grant>();
  const projects = new Map<string, Grant>();
  const [wsMember, projectMember] = await Promise.all([
    scope.workspace
      ? db().workspaceMember.findFirst({ where: { userId: user.id, workspace: { name: scope.workspace } }, select: { role: true, workspaceId: true } })
      : null,
    scope.workspace && scope.project
      ? db().projectMember.findFirst({
          where: { userId: user.id, project: { name: scope.project, workspace: { name: scope.workspace } } },
          select: { role: true, projectId: true },
        })
      : null,
  ]);
  if (wsMember && scope.workspace) workspaces.set(scope.workspace, await grantFor("workspace", wsMember.workspaceId, wsMember.role));
  if (projectMember && scope.workspace && scope.project)
    projects.set(projectKey(scope.workspace, scope.project), await grantFor("project", projectMember.projectId, projectMember.role));
  return {
    userId: user.id,
    username: user.username,
    active: user.status === "active",
    platform: await grantFor("platform", "", user.platformRole),
    workspaces,
    projects,
  };
}
