"use client";
import Link from "next/link";
import { useState } from "react";
import { rolesPermission, scopeCrumbs, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useRoles } from "@/lib/client/hooks/roles";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { DeleteRoleDialog } from "./delete-role-dialog";
import { useHeldPermissions } from "./use-held-permissions";

const titles = { platform: "Platform roles", workspace: "Roles", project: "Roles" } as const;
const descriptions = {
  platform: "What users may do across the platform. Every user holds one platform role.",
  workspace: "Roles members of this workspace can hold; workspace permissions reach its projects.",
  project: "Roles members of this project can hold.",
} as const;

export function RolesList({ scope }: { scope: AccessScope }) {
  const roles = useRoles(scope);
  const { can } = useHeldPermissions(scope);
  const [deleting, setDeleting] = useState<string | null>(null);
  const base = `${scopeHref(scope)}/roles`;
  const canManage = can(rolesPermission(scope, "manage"));

  return (
    <>
      <PageHeader
        title={titles[scope.level]}
        description={descriptions[scope.level]}
        crumbs={scopeCrumbs(scope)}
        actions={canManage && <ButtonLink href={`${base}/new`}>Create role</ButtonLink>}
      />
      {scope.level !== "platform" && <ScopeTabs scope={scope} />}
      {roles.isPending ? (
        <LoadingState label="Loading roles…" />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => roles.refetch()} />
      ) : (
        <DataTable caption={titles[scope.level]}>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Type</Th>
              <Th>Permissions</Th>
              <Th>Members</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {roles.data.map((r) => (
              <tr key={r.name} className="hover:bg-zinc-50">
                <Td>
                  <Link href={`${base}/${r.name}`} className="font-medium text-indigo-700 hover:underline">
                    {r.name}
                  </Link>
                  {(r.displayName || r.description) && <div className="max-w-md truncate text-xs text-zinc-500">{r.displayName || r.description}</div>}
                </Td>
                <Td>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${r.builtIn ? "bg-zinc-100 text-zinc-700 ring-zinc-500/20" : "bg-indigo-50 text-indigo-700 ring-indigo-600/20"}`}>
                    {r.builtIn ? "Built-in" : "Custom"}
                  </span>
                </Td>
                <Td>{r.templates.length}</Td>
                <Td>{r.memberCount}</Td>
                <Td className="text-right">
                  {canManage && !r.builtIn && (
                    <Button variant="ghost" aria-label={`Delete role ${r.name}`} onClick={() => setDeleting(r.name)}>
                      Delete
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
