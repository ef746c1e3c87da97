"use client";
import Link from "next/link";
import { useState } from "react";
import { rolesPermission, scopeCrumbs, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useRoles } from "@/lib/client/hooks/roles";
import { Button, ButtonLink } from "@/components/ui/button";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
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
  const { can, requires } = useCan(scope);
  const [deleting, setDeleting] = useState<string | null>(null);
  const base = `${scopeHref(scope)}/roles`;
  const canManage = can(rolesPermission(scope, "manage"));

  return (
    <>
      <PageHeader
        title={t(titles[scope.level])}
        description={t(descriptions[scope.level])}
        crumbs={scopeCrumbs(scope)}
        actions={canManage && <ButtonLink href={`${base}/new`} {...requires(rolesPermission(scope, "manage"))}>{t("roles.create")}</ButtonLink>}
      />
      {scope.level !== "platform" && <ScopeTabs scope={scope} />}
      {roles.isPending ? (
        <LoadingState label={t("roles.loading")} />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => roles.refetch()} />
      ) : (
        <DataTable caption={t(titles[scope.level])}>
          <thead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("roles.type")}</Th>
              <Th>{t("roles.permissions")}</Th>
              <Th>{t("tabs.members")}</Th>
              <ActionsTh />
            </tr>
          </thead>
          <TBody>
            {roles.data.map((r) => (
              <tr key={r.name} className="hover:bg-zinc-50">
                <Td>
                  <Link href={`${base}/${r.name}`} className="font-medium text-indigo-700 hover:underline">
                    {r.name}
                  </Link>
                  {(roleTitle(r, locale) || r.description) && <div className="max-w-md truncate text-xs text-zinc-500">{roleTitle(r, locale) || r.description}</div>}
                </Td>
                <Td>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${r.builtIn ? "bg-zinc-100 text-zinc-700 ring-zinc-500/20" : "bg-indigo-50 text-indigo-700 ring-indigo-600/20"}`}>
                    {r.builtIn ? t("roles.builtIn") : t("roles.custom")}
                  </span>
                </Td>
                <Td>{r.templates.length}</Td>
                <Td>{r.memberCount}</Td>
                <Td className="text-right">
                  {canManage && !r.builtIn && (
                    <Button variant="ghost" {...requires(rolesPermission(scope, "manage"))} aria-label={t("roles.deleteAria", { name: r.name })} onClick={() => setDeleting(r.name)}>
                      {t("ui.delete")}
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
      <DeleteRoleDialog scope={scope} role={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
