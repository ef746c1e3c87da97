// Who can do an action in a scope, and through which binding: the inverse of authorize(),
// answered with one query per binding level (roles are few; bindings can be many).
import { db } from "../db/client";
import { invalid } from "../api/errors";
import { builtinRoles, templatesByName, type Level } from "./catalogue";
import type { ScopeRef } from "../tenancy/scope";

export interface AccessEntry {
  username: string;
  displayName: string | null;
  level: Level;
  role: string;
}

/** Role names at a level (built-in and custom at scopeId) that grant any of `perms`. */
async function rolesGranting(level: Level, scopeId: string, perms: string[]): Promise<string[]> {
  const builtins = builtinRoles.filter((r) => r.level === level && perms.some((p) => r.templates.includes(p))).map((r) => r.name);
  const custom = await db().customRole.findMany({ where: { level, scopeId, templates: { hasSome: perms } }, select: { name: true } });
  return [...builtins, ...custom.map((c) => c.name)];
}

export async function accessReview(ref: ScopeRef, action: string): Promise<AccessEntry[]> {
  const template = templatesByName.get(action);
  if (!template || template.level !== ref.level)
    throw invalid([{ path: "action", message: `Not a ${ref.level} permission; see GET /api/v1/templates?scope=${ref.level}.` }]);
  const view = action.endsWith(".view");
  const fromPlatform = await rolesGranting("platform", "", view ? ["workspaces.manage", "workspaces.view"] : ["workspaces.manage"]);
  const wsPerms = ref.level === "workspace" ? [action] : view ? ["projects.manage", "projects.view"] : ["projects.manage"];
  const [platformUsers, wsMembers, projectMembers] = await Promise.all([
    db().user.findMany({ where: { status: "active", platformRole: { in: fromPlatform } }, select: { username: true, displayName: true, platformRole: true }, orderBy: { username: "asc" } }),
    rolesGranting("workspace", ref.workspaceId!, wsPerms).then((roles) =>
      db().workspaceMember.findMany({ where: { workspaceId: ref.workspaceId, role: { in: roles }, user: { status: "active" } }, select: { role: true, user: { select: { username: true, displayName: true } } }, orderBy: { user: { username: "asc" } } }),
    ),
    ref.level === "project"
      ? rolesGranting("project", ref.projectId!, [action]).then((roles) =>
          db().projectMember.findMany({ where: { projectId: ref.projectId, role: { in: roles }, user: { status: "active" } }, select: { role: true, user: { select: { username: true, displayName: true } } }, orderBy: { user: { username: "asc" } } }),
        )
      : [],
  ]);
  return [
    ...platformUsers.map((u) => ({ username: u.username, displayName: u.displayName, level: "platform" as const, role: u.platformRole })),
    ...wsMembers.map((m) => ({ ...m.user, level: "workspace" as const, role: m.role })),
    ...projectMembers.map((m) => ({ ...m.user, level: "project" as const, role: m.role })),
  ];
}
