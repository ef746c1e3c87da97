// A level-tagged scope with its database ids: what roles and memberships hang off.
import { db } from "../db/client";
import { notFound } from "../api/errors";
import type { Level } from "../rbac/catalogue";
import type { Scope } from "../rbac/authorize";

export interface ScopeRef {
  level: Level;
  /** CustomRole.scopeId: "" for platform, else the workspace or project id. */
  scopeId: string;
  scope: Scope;
  workspaceId?: string;
  projectId?: string;
}

export async function resolveScope(scope: Scope): Promise<ScopeRef> {
  if (!scope.workspace) return { level: "platform", scopeId: "", scope: {} };
  const ws = await db().workspace.findUnique({ where: { name: scope.workspace }, select: { id: true } });
  if (!ws) throw notFound(`Workspace "${scope.workspace}"`);
  if (!scope.project) return { level: "workspace", scopeId: ws.id, scope, workspaceId: ws.id };
  const p = await db().project.findUnique({ where: { workspaceId_name: { workspaceId: ws.id, name: scope.project } }, select: { id: true } });
  if (!p) throw notFound(`Project "${scope.project}"`);
  return { level: "project", scopeId: p.id, scope, workspaceId: ws.id, projectId: p.id };
}
