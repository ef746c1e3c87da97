"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { membersPermission, scopeCrumbs, type AccessScope } from "@/lib/client/access-scope";
import { useChangeMemberRole, useMembers } from "@/lib/client/hooks/members";
import { useRoles } from "@/lib/client/hooks/roles";
import { Button } from "@/components/ui/button";
import { OnceOpened } from "@/components/ui/dialog";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useHeldPermissions } from "@/components/roles/use-held-permissions";
import { useCan } from "@/lib/client/hooks/can";
import { MembersTable } from "./members-table";
import { MEMBER_FILTERS } from "@/lib/client/queries";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RaiseRoleDialog, type RoleRaise } from "./raise-role-dialog";
import { gainedPermissions } from "./role-change";
import { ScopeTabs } from "./scope-tabs";
import { useT } from "@/lib/i18n/client";
import type { Member, Role } from "@/lib/client/types";
import { fromInfinite } from "@/lib/client/hooks/list";
import { useListView } from "@/lib/client/list-view";

// Opened by a click: the form layer (react-hook-form) loads when first opened, not with the page.
const InviteMemberForm = dynamic(() => import("./invite-member-form").then((m) => m.InviteMemberForm), { ssr: false });
const MemberExpiryDialog = dynamic(() => import("./member-expiry-dialog").then((m) => m.MemberExpiryDialog), { ssr: false });

const NO_ROLES: Role[] = [];

/** Members of a workspace or project: search, invite, change role, remove. */
export function MembersPanel({ scope }: { scope: AccessScope }) {
  const t = useT();
  const view = useListView(MEMBER_FILTERS);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [timing, setTiming] = useState<Member | null>(null);
  const [raising, setRaising] = useState<RoleRaise | null>(null);
  const members = useMembers(scope, view.params);
  const roles = useRoles(scope);
  const permissions = useHeldPermissions(scope);
  const { requires } = useCan(scope);
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
        actions={canManage && !inviting && <Button {...requires(membersPermission(scope, "manage"))} onClick={() => setInviting(true)}>{invite}</Button>}
      />
      <ScopeTabs scope={scope} />
      <div className="space-y-4">
        {inviting && roles.data && (
          <Card title={invite}>
            <InviteMemberForm scope={scope} roles={roles.data} held={held} onDone={() => setInviting(false)} />
          </Card>
        )}
        {change.error && (
          <div className="space-y-1">
            <p className="text-sm font-medium text-zinc-900">{t("members.changeFailed", { name: change.variables?.username ?? "" })}</p>
            <ProblemAlert error={change.error} />
          </div>
        )}
        <MembersTable
          caption={t("members.caption", { name: where })}
          // Whether the roles are selects (and what their options say) waits on the roles and the caller's permissions:
          // the rows show when those are known too, not as text that then widens into selects and moves the columns.
          source={{ ...fromInfinite(members), pending: members.isPending || roles.isPending || permissions.isPending }}
          view={view}
          roles={roles.data ?? NO_ROLES}
          manage={
            canManage
              ? {
                  requires: requires(membersPermission(scope, "manage")),
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
      </div>
      <RemoveMemberDialog scope={scope} username={removing} onClose={() => setRemoving(null)} />
      <OnceOpened open={timing !== null}>
        <MemberExpiryDialog scope={scope} member={timing} onClose={() => setTiming(null)} />
      </OnceOpened>
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
