// authorize(): the one decision point. Pure: it reads only the principal's loaded bindings.
// Deny by default; platform and workspace permissions flow down (DESIGN §3).
import { templatesByName, type Level, type Permission } from "./catalogue";

export interface Grant {
  role: string;
  permissions: ReadonlySet<Permission>;
  /** When the membership behind it ends (null: never); absent for roles not held through a membership. */
  expiresAt?: Date | null;
}

export interface Principal {
  userId: string;
  username: string;
  active: boolean;
  platform: Grant;
  /** Bindings loaded for the scopes of this request, by workspace name. */
  workspaces: ReadonlyMap<string, Grant>;
  /** By `${workspace}/${project}`. */
  projects: ReadonlyMap<string, Grant>;
}

export interface Scope {
  workspace?: string;
  project?: string;
}

export interface Decision {
  allowed: boolean;
  /** Whether the caller may know the scope exists: a denial there is 403, elsewhere 404. */
  visible: boolean;
  reason: string;
}

export const projectKey = (workspace: string, project: string) => `${workspace}/${project}`;

const isView = (action: Permission) => action.endsWith(".view");

/** Whether the platform role alone allows a workspace- or project-level action everywhere. */
export function coversEveryWorkspace(p: Principal, action: Permission): boolean {
  return p.active && platformCovers(p, action) !== undefined;
}

function platformCovers(p: Principal, action: Permission): string | undefined {
  const perms = p.platform.permissions;
  if (perms.has("workspaces.manage")) return `platform role "${p.platform.role}" manages every workspace`;
  if (isView(action) && perms.has("workspaces.view")) return `platform role "${p.platform.role}" views every workspace`;
  return undefined;
}

function workspaceCovers(grant: Grant | undefined, action: Permission): string | undefined {
  if (!grant) return undefined;
  if (grant.permissions.has("projects.manage")) return `workspace role "${grant.role}" manages every project`;
  if (isView(action) && grant.permissions.has("projects.view")) return `workspace role "${grant.role}" views every project`;
  return undefined;
}

export function authorize(p: Principal, action: Permission, scope: Scope = {}): Decision {
  const level: Level | undefined = templatesByName.get(action)?.level;
  if (!level) return { allowed: false, visible: true, reason: `unknown action "${action}"` };
  if (!p.active) return { allowed: false, visible: true, reason: "the account is disabled" };

  if (level === "platform") {
    return p.platform.permissions.has(action)
      ? { allowed: true, visible: true, reason: `platform role "${p.platform.role}" grants ${action}` }
      : { allowed: false, visible: true, reason: `platform role "${p.platform.role}" does not grant ${action}` };
  }

  const ws = scope.workspace;
  if (!ws) return { allowed: false, visible: true, reason: `${action} needs a workspace` };
  const wsGrant = p.workspaces.get(ws);
  const fromPlatform = platformCovers(p, action);
  if (fromPlatform) return { allowed: true, visible: true, reason: fromPlatform };

  if (level === "workspace") {
    if (wsGrant?.permissions.has(action)) return { allowed: true, visible: true, reason: `workspace role "${wsGrant.role}" grants ${action}` };
    return wsGrant
      ? { allowed: false, visible: true, reason: `workspace role "${wsGrant.role}" does not grant ${action}` }
      : { allowed: false, visible: false, reason: `not a member of workspace "${ws}"` };
  }

  if (!scope.project) return { allowed: false, visible: true, reason: `${action} needs a project` };
  const fromWorkspace = workspaceCovers(wsGrant, action);
  if (fromWorkspace) return { allowed: true, visible: true, reason: fromWorkspace };
  const projectGrant = p.projects.get(projectKey(ws, scope.project));
  if (projectGrant?.permissions.has(action)) return { allowed: true, visible: true, reason: `project role "${projectGrant.role}" grants ${action}` };
  const seesProjects = wsGrant?.permissions.has("projects.view") || wsGrant?.permissions.has("projects.manage");
  return projectGrant || seesProjects
    ? { allowed: false, visible: true, reason: `project role "${projectGrant?.role ?? "none"}" does not grant ${action}` }
    : { allowed: false, visible: false, reason: `not a member of project "${scope.project}"` };
}

/**
 * How much of `scope` the principal may know exists, with no action in mind: authorize()'s `visible`. A workspace
 * it is a member of (or every workspace, by its platform role), a project there it is a member of or whose
 * workspace role sees every project. What it names beyond that is only what the caller typed.
 */
export function visibleScope(p: Principal, scope: Scope): Scope {
  const ws = scope.workspace;
  if (!ws) return {};
  const wsGrant = p.workspaces.get(ws);
  const everywhere = p.platform.permissions.has("workspaces.view") || p.platform.permissions.has("workspaces.manage");
  if (!everywhere && !wsGrant) return {};
  if (!scope.project) return { workspace: ws };
  const seesProject = everywhere || workspaceCovers(wsGrant, "projects.view") !== undefined || p.projects.has(projectKey(ws, scope.project));
  return seesProject ? { workspace: ws, project: scope.project } : { workspace: ws };
}

/** Kubernetes' Covers rule: what `candidate` grants that `held` does not. Empty means no escalation. */
export function missingPermissions(held: ReadonlySet<Permission>, candidate: Iterable<Permission>): Permission[] {
  return [...candidate].filter((perm) => !held.has(perm));
}
