"use client";
// The one mechanism behind every guarded control: what the caller may do at a scope, from
// GET /api/v1/me/permissions (the platform's from the signed-in viewer), typed with the catalogue's
// permission names — the same the routes' authorize() checks — and, when not, which role withholds it.
import { templatesByName, type PermissionName } from "@/lib/rbac/catalogue";
import { useViewer } from "@/components/shell/viewer";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n";
import { useScopePermissions } from "./permissions";
import type { ScopePermissions } from "../types";

export interface HeldRoles {
  platform: string;
  workspace?: string;
  project?: string;
}

/** No workspace: the platform. */
export interface CanScope {
  workspace?: string;
  project?: string;
}

/** Props for a guarded control: `data-requires` says what it needs (the read-only e2e reads it). */
export interface Guard {
  "data-requires": string;
  disabled: boolean;
  title?: string;
}

/** On what acts on the caller's own account (password, tokens, sessions, preferences): everyone may. */
export const selfService = { "data-requires": "self" } as const;

/** Why `permission` is refused at `scope`: the most specific role the caller holds where it applies. */
export function refusal(t: Translate, permission: PermissionName, scope: CanScope, roles: HeldRoles): string {
  const level = templatesByName.get(permission)?.level;
  if (level === "project" && roles.project) return t("can.project", { role: roles.project, name: scope.project!, permission });
  if (level !== "platform" && roles.workspace) return t("can.workspace", { role: roles.workspace, name: scope.workspace!, permission });
  return t("can.platform", { role: roles.platform, permission });
}

export function useCan(scope: CanScope = {}) {
  const t = useT();
  const viewer = useViewer();
  const platform = !scope.workspace;
  const held = useScopePermissions({ workspace: scope.workspace ?? "", project: scope.project }, { enabled: !platform });
  const granted = new Set(platform ? viewer.permissions : (held.data?.permissions ?? []));
  // The permissions answer also names the caller's roles there (workspace, project: where a member).
  const roles = (held.data as (ScopePermissions & { roles?: HeldRoles }) | undefined)?.roles;
  const pending = !platform && held.isPending;
  const where = [scope.workspace, scope.project].filter(Boolean).join("/");

  const can = (permission: PermissionName) => granted.has(permission);
  /** Why the caller may not (undefined: they may). */
  const reason = (permission: PermissionName): string | undefined => {
    if (can(permission)) return undefined;
    if (pending) return t("can.checking");
    return refusal(t, permission, scope, roles ?? { platform: viewer.platformRole });
  };
  const requires = (permission: PermissionName) => ({ "data-requires": `${permission}@${where}` });
  /** Spread onto a control: disabled, with the reason as its title (and accessible description), unless allowed. */
  const guard = (permission: PermissionName, busy = false): Guard => {
    const why = reason(permission);
    return { ...requires(permission), disabled: busy || why !== undefined, title: why };
  };
  return { can, reason, requires, guard, isPending: pending };
}
