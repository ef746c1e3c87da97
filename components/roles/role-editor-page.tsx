"use client";
import { useMemo } from "react";
import { rolesPermission, scopeCrumbs, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useRole } from "@/lib/client/hooks/roles";
import { useTemplates } from "@/lib/client/hooks/templates";
import type { Role } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { RoleEditor } from "./role-editor";
import { indexTemplates } from "./role-selection";
import { useHeldPermissions } from "./use-held-permissions";

const levelLabel = { platform: "Platform", workspace: "Workspace", project: "Project" } as const;

/** /…/roles/new (no name) or /…/roles/{name}: built-in roles and callers without manage see it read-only. */
export function RoleEditorPage({ scope, name }: { scope: AccessScope; name?: string }) {
  const templates = useTemplates(scope.level);
  const permissions = useHeldPermissions(scope);
  const role = useRole(scope, name);
  const index = useMemo(() => indexTemplates(templates.data ?? []), [templates.data]);
  const crumbs = [...scopeCrumbs(scope), { label: `${levelLabel[scope.level]} roles`, href: `${scopeHref(scope)}/roles` }];

  const pending = templates.isPending || permissions.isPending || (name !== undefined && role.isPending);
  const error = templates.error ?? permissions.error ?? (name !== undefined ? role.error : null);
  if (error) return <ErrorState error={error} />;
  if (pending) return <LoadingState label="Loading role…" />;

  const existing: Role | undefined = name !== undefined ? role.data : undefined;
  const canManage = permissions.can(rolesPermission(scope, "manage"));
  const readOnly = !canManage || !!existing?.builtIn;
  const title = existing ? existing.displayName || existing.name : `New ${scope.level} role`;
  const note = existing?.builtIn
    ? "A built-in role: it cannot be changed or deleted."
    : !canManage
      ? "You can view this role but not change it."
      : existing
        ? `Bound to ${existing.memberCount} member(s); they get the changes at once.`
        : "Pick the permissions the role grants.";

  return (
    <div className="space-y-6">
      <PageHeader title={title} description={note} crumbs={crumbs} />
      <RoleEditor
        key={existing?.name ?? "new"}
        scope={scope}
        templates={templates.data ?? []}
        index={index}
        held={new Set(permissions.data?.permissions ?? [])}
        role={existing}
        readOnly={readOnly}
      />
    </div>
  );
}
