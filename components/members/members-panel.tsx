"use client";
import { useState } from "react";
import { membersPermission, scopeCrumbs, type AccessScope } from "@/lib/client/access-scope";
import { useChangeMemberRole, useMembers } from "@/lib/client/hooks/members";
import { useRoles } from "@/lib/client/hooks/roles";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useHeldPermissions } from "@/components/roles/use-held-permissions";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { MemberExpiryDialog } from "./member-expiry-dialog";
import { RaiseRoleDialog, type RoleRaise } from "./raise-role-dialog";
import { gainedPermissions } from "./role-change";
import { ScopeTabs } from "./scope-tabs";
import { useT } from "@/lib/i18n/client";
import type { Member } from "@/lib/client/types";

/** Members of a workspace or project: search, invite, change role, remove. */
export function MembersPanel({ scope }: { scope: AccessScope }) {
  const t = useT();
  const [search, setSearch] = useState("");
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [timing, setTiming] = useState<Member | null>(null);
  const [raising, setRaising] = useState<RoleRaise | null>(null);
  const members = useMembers(scope, search);
  const roles = useRoles(scope);
  const permissions = useHeldPermissions(scope);
  const change = useChangeMemberRole(scope);
  const held = new Set(permissions.data?.permissions ?? []);
  const canManage = permissions.can(membersPermission(scope, "manage")) && roles.isSuccess;
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const where = scope.level === "workspace" ? scope.workspace! : scope.project!;
  const invite = t(scope.level === "workspace" ? "members.invite" : "members.add");

  return (
    <>
      <PageHeader
        title={t("tabs.members")}
        description={t(scope.level === "workspace" ? "members.descWorkspace" : "members.descProject", { name: where })}
        crumbs={scopeCrumbs(scope)}
        actions={canManage && !inviting && <Button onClick={() => setInviting(true)}>{invite}</Button>}
      />
      <ScopeTabs scope={scope} />
      <div className="space-y-4">
        {inviting && roles.data && (
          <Card title={invite}>
            <InviteMemberForm scope={scope} roles={roles.data} held={held} onDone={() => setInviting(false)} />
          </Card>
        )}
        <SearchBox label={t("members.search")} onSearch={setSearch} />
        {change.error && (
          <div className="space-y-1">
            <p className="text-sm font-medium text-zinc-900">{t("members.changeFailed", { name: change.variables?.username ?? "" })}</p>
            <ProblemAlert error={change.error} />
          </div>
        )}
        {members.isPending ? (
          <LoadingState label={t("members.loading")} />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => members.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={search ? t("members.noMatch", { q: search }) : t("members.empty")} />
        ) : (
          <MembersTable
            caption={t("members.caption", { name: where })}
            members={items}
            manage={
              canManage
                ? {
                    roles: roles.data,
                    held,
                    busy: change.isPending ? (change.variables?.username ?? null) : null,
                    onRoleChange: (username, role) => {
                      // A raise is asked first; a lowering or sideways move applies at once.
                      const from = items.find((m) => m.username === username)?.role ?? "";
                      const gained = gainedPermissions(roles.data ?? [], from, role);
                      if (gained.length) setRaising({ username, from, to: role, gained });
                      else change.mutate({ username, role });
                    },
                    onExpiry: setTiming,
                    onRemove: setRemoving,
                  }
                : undefined
            }
          />
        )}
        {members.hasNextPage && (
          <div className="flex justify-center">
            <Button variant="secondary" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
              {members.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
            </Button>
          </div>
        )}
      </div>
      <RemoveMemberDialog scope={scope} username={removing} onClose={() => setRemoving(null)} />
      <MemberExpiryDialog scope={scope} member={timing} onClose={() => setTiming(null)} />
      <RaiseRoleDialog
        scope={scope}
        raise={raising}
        onConfirm={(r) => {
          setRaising(null);
          change.mutate({ username: r.username, role: r.to });
        }}
        onClose={() => setRaising(null)}
      />
    </>
  );
}
