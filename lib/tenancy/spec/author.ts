// Who applies a spec, as the apply's transaction sees them: their bindings read through db() (the transaction,
// lib/db/client.ts inTransaction()), so a change sees what earlier ones made — the creator of a new workspace is
// its admin for the changes that follow, as after its own POST. Decided by the one authorize().
import type { User } from "@prisma/client";
import { db } from "../../db/client";
import { AppError } from "../../api/errors";
import { authorize, projectKey, type Grant, type Principal, type Scope } from "../../rbac/authorize";
import type { Permission } from "../../rbac/catalogue";
import { grantFor } from "../../rbac/roles";
import { liveProjectMember, liveWorkspaceMember } from "../expiry";

export async function principalIn(user: User, scope: Scope = {}): Promise<Principal> {
  const workspaces = new Map<string, Grant>();
  const projects = new Map<string, Grant>();
  const now = new Date();
  if (scope.workspace) {
    const m = await db().workspaceMember.findFirst({
      where: { ...liveWorkspaceMember(user.id, now), workspace: { name: scope.workspace } },
      select: { role: true, workspaceId: true, expiresAt: true },
    });
    if (m) workspaces.set(scope.workspace, { ...(await grantFor("workspace", m.workspaceId, m.role)), expiresAt: m.expiresAt });
  }
  if (scope.workspace && scope.project) {
    const m = await db().projectMember.findFirst({
      where: { AND: [liveProjectMember(user.id, now), { project: { name: scope.project, workspace: { name: scope.workspace } } }] },
      select: { role: true, projectId: true, expiresAt: true },
    });
    if (m) projects.set(projectKey(scope.workspace, scope.project), { ...(await grantFor("project", m.projectId, m.role)), expiresAt: m.expiresAt });
  }
  return { userId: user.id, username: user.username, active: user.status === "active", platform: await grantFor("platform", "", user.platformRole), workspaces, projects };
}

/** route()'s require() inside the apply: 403 where the caller may see the scope, else 404. */
export const requireIn =
  (user: User) =>
  async (action: Permission, scope: Scope = {}): Promise<void> => {
    const decision = authorize(await principalIn(user, scope), action, scope);
    if (decision.allowed) return;
    if (!decision.visible) throw new AppError(404, "not_found", "Not found.");
    throw new AppError(403, "forbidden", decision.reason, [], { action });
  };
