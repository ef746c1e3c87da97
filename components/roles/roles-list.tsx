"use client";
import Link from "next/link";
import { useState } from "react";
import { rolesPermission, scopeCrumbs, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useRoles } from "@/lib/client/hooks/roles";
import { Button, ButtonLink } from "@/components/ui/button";
import { actionsColumn, ListTable, type ListColumn } from "@/components/ui/list-table";
import { fromQuery } from "@/lib/client/hooks/list";
import { useListView } from "@/lib/client/list-view";
import type { Role } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { DeleteRoleDialog } from "./delete-role-dialog";
import { useCan } from "@/lib/client/hooks/can";
import { roleTitle } from "./role-title";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

const titles: Record<AccessScope["level"], MessageKey> = { platform: "nav.platformRoles", workspace: "tabs.roles", project: "tabs.roles" };
const descriptions: Record<AccessScope["level"], MessageKey> = {
  platform: "roles.platformDesc",
  workspace: "roles.workspaceDesc",
  project: "roles.projectDesc",
};

export function RolesList({ scope }: { scope: AccessScope }) {
  const t = useT();
  const locale = useLocale();
  const roles = useRoles(scope);
  const view = useListView();
  const { can, requires } = useCan(scope);
  const [deleting, setDeleting] = useState<string | null>(null);
  const base = `${scopeHref(scope)}/roles`;
  const canManage = can(rolesPermission(scope, "manage"));
  const columns: ListColumn<Role>[] = [
    {
      id: "name",
      header: t("common.name"),
      fixed: true,
      cell: (r) => (
        <>
          <Link href={`${base}/${r.name}`} className="font-medium text-indigo-700 hover:underline">
            {r.name}
          </Link>
          {(roleTitle(r, locale) || r.description) && <div className="max-w-md truncate text-xs text-zinc-500">{roleTitle(r, locale) || r.description}</div>}
        </>
      ),
    },
    {
      id: "type",
      header: t("roles.type"),
      cell: (r) => (
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${r.builtIn ? "bg-zinc-100 text-zinc-700 ring-zinc-500/20" : "bg-indigo-50 text-indigo-700 ring-indigo-600/20"}`}>
          {r.builtIn ? t("roles.builtIn") : t("roles.custom")}
        </span>
      ),
    },
    { id: "permissions", header: t("roles.permissions"), cell: (r) => r.templates.length },
    { id: "members", header: t("tabs.members"), cell: (r) => r.memberCount },
    {
      ...actionsColumn,
      header: t("ui.actions"),
      cell: (r) =>
        canManage &&
        !r.builtIn && (
          <Button variant="ghost" {...requires(rolesPermission(scope, "manage"))} aria-label={t("roles.deleteAria", { name: r.name })} onClick={() => setDeleting(r.name)}>
            {t("ui.delete")}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(titles[scope.level])}
        description={t(descriptions[scope.level])}
        crumbs={scopeCrumbs(scope)}
        actions={canManage && <ButtonLink href={`${base}/new`} {...requires(rolesPermission(scope, "manage"))}>{t("roles.create")}</ButtonLink>}
      />
      {scope.level !== "platform" && <ScopeTabs scope={scope} />}
      <ListTable
        caption={t(titles[scope.level])}
        columns={columns}
        source={fromQuery(roles)}
        rowKey={(r) => r.name}
        view={view}
        loadingLabel={t("roles.loading")}
        empty={null}
      />
      <DeleteRoleDialog scope={scope} role={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
