// The queries a page's server render answers ahead (lib/web/prefetch.tsx): each one's key and API path, shared with
// the hook that asks it in the browser, so the browser's cache starts with the very answer it would have fetched.
import { withQuery } from "./api";
import { scopeApi, scopeKey, type AccessScope } from "./access-scope";
import type { RoleLevel } from "./types";

export interface ApiQuery {
  queryKey: readonly unknown[];
  path: string;
  /** What the cache keeps of the route's answer, when not all of it. */
  select?: (answer: never) => unknown;
}

const enc = encodeURIComponent;
const projectPath = (ws: string, project: string) => `/api/v1/workspaces/${enc(ws)}/projects/${enc(project)}`;

export const workspaceQuery = (ws: string): ApiQuery => ({ queryKey: ["workspaces", "detail", ws], path: `/api/v1/workspaces/${enc(ws)}` });

export const projectQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["projects", ws, project], path: projectPath(ws, project) });

/** The caller's effective permissions in a workspace, or a project of it; the empty workspace: the platform. */
export const scopePermissionsQuery = (scope: { workspace: string; project?: string }): ApiQuery => ({
  queryKey: ["permissions", scope.workspace, scope.project ?? null],
  path: withQuery("/api/v1/me/permissions", { workspace: scope.workspace, project: scope.project }),
});

export const projectQuotaQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["quotas", ws, project], path: `${projectPath(ws, project)}/quota` });

export const projectLimitsQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["limits", ws, project], path: `${projectPath(ws, project)}/limits` });

export const projectNetworkQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["network", ws, project], path: `${projectPath(ws, project)}/network` });

/** One role of a scope. */
export const roleQuery = (scope: AccessScope, name: string): ApiQuery => ({ queryKey: ["roles", ...scopeKey(scope), name], path: `${scopeApi(scope)}/roles/${enc(name)}` });

/** What the cache keeps of the templates route's answer: the list. */
export const templateItems = <T,>(answer: { items: T[] }): T[] => answer.items;

/** The permission templates of one level, as a list. */
export const templatesQuery = (level: RoleLevel): ApiQuery => ({
  queryKey: ["templates", level],
  path: withQuery("/api/v1/templates", { scope: level }),
  select: templateItems,
});
