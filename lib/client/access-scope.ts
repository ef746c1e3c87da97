// Where roles and members live: the platform, a workspace or a project. One shape for all three
// so the role and member screens are written once.
import type { RoleLevel } from "./types";
import type { PermissionName } from "@/lib/rbac/catalogue";

export interface AccessScope {
  level: RoleLevel;
  workspace?: string;
  project?: string;
}

export const platformScope: AccessScope = { level: "platform" };
export const workspaceScope = (workspace: string): AccessScope => ({ level: "workspace", workspace });
export const projectScope = (workspace: string, project: string): AccessScope => ({ level: "project", workspace, project });

const seg = encodeURIComponent;

/** The scope's BFF prefix: /api/v1/platform, /api/v1/workspaces/{ws} or …/projects/{project}. */
export function scopeApi(scope: AccessScope): string {
  if (scope.level === "platform") return "/api/v1/platform";
  const ws = `/api/v1/workspaces/${seg(scope.workspace!)}`;
  return scope.level === "workspace" ? ws : `${ws}/projects/${seg(scope.project!)}`;
}

/** The scope's console page prefix. */
export function scopeHref(scope: AccessScope): string {
  if (scope.level === "platform") return "/platform";
  const ws = `/workspaces/${scope.workspace}`;
  return scope.level === "workspace" ? ws : `${ws}/projects/${scope.project}`;
}

/** A stable react-query key part. */
export const scopeKey = (scope: AccessScope) => [scope.level, scope.workspace ?? null, scope.project ?? null] as const;

/** Permission names of the scope's roles and members modules, e.g. "workspace-roles.manage". */
export const rolesPermission = (scope: AccessScope, verb: "view" | "manage") => `${scope.level}-roles.${verb}` as const;
// Members live in workspaces and projects only, so the platform's name never comes up.
export const membersPermission = (scope: AccessScope, verb: "view" | "manage") => `${scope.level}-members.${verb}` as PermissionName;

/** Breadcrumbs leading to the scope itself. */
export function scopeCrumbs(scope: AccessScope): { label: string; href: string }[] {
  if (scope.level === "platform") return [];
  const crumbs = [
    { label: "Workspaces", href: "/workspaces" },
    { label: scope.workspace!, href: `/workspaces/${scope.workspace}` },
  ];
  if (scope.level === "project") crumbs.push({ label: scope.project!, href: scopeHref(scope) });
  return crumbs;
}
