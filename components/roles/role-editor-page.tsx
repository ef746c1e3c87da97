"use client";
import { useMemo } from "react";
import { rolesPermission, scopeCrumbs, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useRole } from "@/lib/client/hooks/roles";
import { useTemplates } from "@/lib/client/hooks/templates";
import type { Role } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { NotFound } from "@/components/ui/not-found";
import { RoleEditor } from "./role-editor";
import { indexTemplates } from "./role-selection";
import { useHeldPermissions } from "./use-held-permissions";
import { roleTitle } from "./role-title";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

const levelRoles: Record<AccessScope["level"], MessageKey> = { platform: "roles.platformRoles", workspace: "roles.workspaceRoles", project: "roles.projectRoles" };
const newTitle: Record<AccessScope["level"], MessageKey> = { platform: "roles.newPlatform", workspace: "roles.newWorkspace", project: "roles.newProject" };

/** /…/roles/new (no name) or /…/roles/{name}: built-in roles and callers without manage see it read-only. */
export function RoleEditorPage({ scope, name }: { scope: AccessScope; name?: string }) {
  const t = useT();
  const locale = useLocale();
  const templates = useTemplates(scope.level);
  const permissions = useHeldPermissions(scope);
  const role = useRole(scope, name);
  const index = useMemo(() => indexTemplates(templates.data ?? []), [templates.data]);
  const crumbs = [...scopeCrumbs(scope), { label: t(levelRoles[scope.level]), href: `${scopeHref(scope)}/roles` }];

  const pending = templates.isPending || permissions.isPending || (name !== undefined && role.isPending);
  const error = templates.error ?? permissions.error ?? (name !== undefined ? role.error : null);
  if (error) return <ErrorState error={error} />;
  if (pending) return <LoadingState label={t("roles.loadingOne")} />;

  const existing: Role | undefined = name !== undefined ? role.data : undefined;
  const canManage = permissions.can(rolesPermission(scope, "manage"));
  // A new role is only for those who may create one; anyone else gets the not-found page, not a blank read-only role.
  if (name === undefined && !canManage) return <NotFound />;
  const readOnly = !canManage || !!existing?.builtIn;
  const title = existing ? roleTitle(existing, locale) || existing.name : t(newTitle[scope.level]);
  const note = existing?.builtIn
    ? t("roles.noteBuiltIn")
    : !canManage
      ? t("roles.noteReadOnly")
      : existing
        ? t("roles.noteBound", { count: existing.memberCount })
        : t("roles.notePick");

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
