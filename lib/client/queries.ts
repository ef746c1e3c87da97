// The queries a page's server render answers ahead (lib/web/prefetch.tsx): each one's key and API path, shared with
// the hook that asks it in the browser, so the browser's cache starts with the very answer it would have fetched.
import { withQuery } from "./api";
import { listParams, searchValue, type SearchParams } from "./list-params";
import { apiQuery, auditFiltersFrom, type AuditFilters } from "./audit-filters";
import { scopeApi, scopeKey, type AccessScope } from "./access-scope";
import type { RoleLevel } from "./types";

export interface ApiQuery {
  queryKey: readonly unknown[];
  path: string;
  /** What the cache keeps of the route's answer, when not all of it. */
  select?: (answer: never) => unknown;
}

/** What the cache keeps of `answer` to `query`: the same whether the page's server render asked it or the browser. */
export const kept = ({ select }: ApiQuery, answer: unknown): unknown => (select ? select(answer as never) : answer);

const enc = encodeURIComponent;
/** The BFF paths the hooks and the prefetch share. */
export const workspacePath = (ws: string) => `/api/v1/workspaces/${enc(ws)}`;
export const projectsPath = (ws: string) => `${workspacePath(ws)}/projects`;
export const projectPath = (ws: string, project: string) => `${projectsPath(ws)}/${enc(project)}`;

export const workspaceQuery = (ws: string): ApiQuery => ({ queryKey: ["workspaces", "detail", ws], path: workspacePath(ws) });

export const projectQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["projects", ws, project], path: projectPath(ws, project) });

/** The caller's effective permissions in a workspace, or a project of it; the empty workspace: the platform. */
export const scopePermissionsQuery = (scope: { workspace: string; project?: string }): ApiQuery => ({
  queryKey: ["permissions", scope.workspace, scope.project ?? null],
  path: withQuery("/api/v1/me/permissions", { workspace: scope.workspace, project: scope.project }),
});

export const projectQuotaQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["quotas", ws, project], path: `${projectPath(ws, project)}/quota` });

export const projectLimitsQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["limits", ws, project], path: `${projectPath(ws, project)}/limits` });

/** The workspace's memberships that end by themselves, soonest first. */
export const expiringMembersQuery = (ws: string): ApiQuery => ({ queryKey: ["expiring-members", ws], path: `${workspacePath(ws)}/expiring-members` });
/** Whether the workspace's projects are isolated from other workspaces' traffic. */
export const workspaceNetworkQuery = (ws: string): ApiQuery => ({ queryKey: ["network", ws], path: `${workspacePath(ws)}/network` });
/** The connectivity matrix on one of the workspace's clusters (undefined: the route's default, its first). */
export const connectivityQuery = (ws: string, cluster?: string): ApiQuery => ({
  queryKey: ["connectivity", ws, cluster ?? null],
  path: withQuery(`${workspacePath(ws)}/connectivity`, { cluster }),
});
export const projectNetworkQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["network", ws, project], path: `${projectPath(ws, project)}/network` });

/** One role of a scope. */
export const roleQuery = (scope: AccessScope, name: string): ApiQuery => ({ queryKey: ["roles", ...scopeKey(scope), name], path: `${scopeApi(scope)}/roles/${enc(name)}` });

/** What the cache keeps of an `{ items }` answer (the templates, roles, nodes…): the list. */
export const listItems = <T,>(answer: { items: T[] }): T[] => answer.items;

/** The permission templates of one level, as a list. */
export const templatesQuery = (level: RoleLevel): ApiQuery => ({
  queryKey: ["templates", level],
  path: withQuery("/api/v1/templates", { scope: level }),
  select: listItems,
});

export const platformDashboardQuery: ApiQuery = { queryKey: ["dashboard"], path: "/api/v1/dashboard" };

/** Rows a list route is asked for at a time. */
export const PAGE_SIZE = 50;

/** A paged list route: its key in the cache (before the view's params), its path, its rows per page. */
export interface PagedList {
  key: readonly unknown[];
  path: string;
  limit?: number;
}

/** What the cache keeps of a list route's first page: an infinite query's pages, as useInfiniteQuery keeps them. */
const firstPage = (page: unknown) => ({ pages: [page], pageParams: [undefined] });

/** A paged list's first page asked with its view's params (lib/client/list-params.ts). */
export const pagedQuery = ({ key, path, limit = PAGE_SIZE }: PagedList, params: Record<string, string>): ApiQuery => ({
  queryKey: [...key, params],
  path: withQuery(path, { limit, ...params }),
  select: firstPage,
});

/** The filters each list's view passes to its route. */
export const USER_FILTERS = ["status", "role"] as const;
export const MEMBER_FILTERS = ["role"] as const;
export const LOGIN_FILTERS = ["outcome"] as const;
export const PROJECT_FILTERS = ["status", "cluster"] as const;

export const workspacesList: PagedList = { key: ["workspaces", "list"], path: "/api/v1/workspaces" };
export const usersList: PagedList = { key: ["users", "list"], path: "/api/v1/users" };

export const userPath = (username: string) => `/api/v1/users/${enc(username)}`;
export const userQuery = (username: string): ApiQuery => ({ queryKey: ["users", "one", username], path: userPath(username) });
export const userSessionsQuery = (username: string): ApiQuery => ({ queryKey: ["users", "one", username, "sessions"], path: `${userPath(username)}/sessions` });
/** A user's sign-ins, twenty at a time. */
/** The caller's own sessions, API tokens and sign-ins (the profile page). */
export const mySessionsQuery: ApiQuery = { queryKey: ["me", "sessions"], path: "/api/v1/me/sessions" };
export const myTokensQuery: ApiQuery = { queryKey: ["me", "tokens"], path: "/api/v1/me/tokens" };
export const myLoginRecordsList: PagedList = { key: ["me", "login-records"], path: "/api/v1/me/login-records", limit: 20 };
export const userLoginRecordsList = (username: string): PagedList => ({ key: ["users", "one", username, "login-records"], path: `${userPath(username)}/login-records`, limit: 20 });

/** Built-in and custom roles of a scope. */
export const rolesQuery = (scope: AccessScope): ApiQuery => ({ queryKey: ["roles", ...scopeKey(scope)], path: `${scopeApi(scope)}/roles`, select: listItems });

export const membersList = (scope: AccessScope): PagedList => ({ key: ["members", ...scopeKey(scope)], path: `${scopeApi(scope)}/members` });

/** A members page's first queries: the members in the URL's view, the roles they can be given and what those grant. */
export const membersPageQueries = (scope: AccessScope, search: SearchParams): ApiQuery[] => [
  pagedQuery(membersList(scope), listParams(search, MEMBER_FILTERS)),
  rolesQuery(scope),
  templatesQuery(scope.level),
];

const clusterPath = (name: string) => `/api/v1/clusters/${enc(name)}`;
export const clusterQuery = (name: string): ApiQuery => ({ queryKey: ["clusters", name], path: clusterPath(name) });
export const clusterNodesQuery = (name: string): ApiQuery => ({ queryKey: ["clusters", name, "nodes"], path: `${clusterPath(name)}/nodes`, select: listItems });

/** A workspace's pools, one per authorised cluster. */
export const workspaceQuotasQuery = (ws: string): ApiQuery => ({ queryKey: ["quotas", ws], path: `${workspacePath(ws)}/quotas`, select: listItems });

/** A workspace's projects, for its overview. */
export const projectsQuery = (ws: string): ApiQuery => ({ queryKey: ["projects", ws], path: projectsPath(ws), select: listItems });
/** The projects table's pages. */
export const projectList = (ws: string): PagedList => ({ key: ["project-list", ws], path: projectsPath(ws) });

/** A project's workloads at a glance (counts and what is not ready), on its overview. */
export const workloadsSummaryQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["workloads", ws, project], path: `${projectPath(ws, project)}/workloads` });
/** One kind of a project's workloads, read from its cluster as the caller. */
export const workloadListQuery = (ws: string, project: string, kind: string): ApiQuery => ({
  queryKey: ["workload-list", ws, project, kind],
  path: `${projectPath(ws, project)}/workloads/${kind}`,
});

/** One of them, with its conditions, containers and events. */
export const workloadQuery = (ws: string, project: string, kind: string, name: string): ApiQuery => ({
  queryKey: ["workload", ws, project, kind, name],
  path: `${projectPath(ws, project)}/workloads/${kind}/${enc(name)}`,
});

/** The audit search's first page for its filters (a preset range counts back from when the path is built). */
export const auditEventsQuery = (filters: AuditFilters): ApiQuery => ({
  queryKey: ["audit", filters],
  path: withQuery("/api/v1/audit/events", { ...apiQuery(filters), limit: PAGE_SIZE }),
  select: firstPage,
});

export const auditHistogramQuery = (filters: AuditFilters): ApiQuery => ({
  queryKey: ["audit-histogram", filters],
  path: withQuery("/api/v1/audit/histogram", { ...apiQuery(filters), interval: "auto" }),
});

/** An audit page's first queries: the search in its URL, narrowed to the page's workspace or project. */
export const auditPageQueries = (search: SearchParams, scope: { workspace?: string; project?: string } = {}): ApiQuery[] => {
  const filters = { ...auditFiltersFrom((key) => searchValue(search, key)), ...scope };
  return [auditEventsQuery(filters), auditHistogramQuery(filters)];
};

/** The newest few events of a scope, for a dashboard's activity card. */
export const recentEventsQuery = (filters: AuditFilters, limit = 8): ApiQuery => ({
  queryKey: ["audit", "recent", filters, limit],
  path: withQuery("/api/v1/audit/events", { ...apiQuery(filters), limit }),
  select: listItems,
});

/** The denials of the last week, charted on the platform dashboard. */
export const DENIED_LAST_WEEK: AuditFilters = { range: "7d", outcome: "denied" };

export const clustersQuery: ApiQuery = { queryKey: ["clusters"], path: "/api/v1/clusters", select: listItems };

export const WORKSPACE_FILTERS = ["cluster"] as const;

export const podSecurityQuery = (ws: string, project: string): ApiQuery => ({ queryKey: ["pod-security", ws, project], path: `${projectPath(ws, project)}/pod-security` });
