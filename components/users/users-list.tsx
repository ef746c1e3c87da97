"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import Link from "next/link";
import { useUsers } from "@/lib/client/hooks/users";
import { fromInfinite } from "@/lib/client/hooks/list";
import { useRoles } from "@/lib/client/hooks/roles";
import { platformScope } from "@/lib/client/access-scope";
import { useListView } from "@/lib/client/list-view";
import { USER_FILTERS } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/format";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { OnceOpened } from "@/components/ui/dialog";
import { actionsColumn, ListTable, type ListColumn } from "@/components/ui/list-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useViewer } from "@/components/shell/viewer";
import { useCan } from "@/lib/client/hooks/can";
import { DeleteUserDialog } from "./delete-user-dialog";
import { UserStatusDialog } from "./user-status-dialog";
import { LockState } from "./lock-state";
import { RoleName } from "@/components/ui/role-name";
import { useWords } from "@/lib/i18n/use-words";

// Opened by a click: the form layer (react-hook-form) loads when first opened, not with the page.
const CreateUserDialog = dynamic(() => import("./create-user-dialog").then((m) => m.CreateUserDialog), { ssr: false });
const EditUserDialog = dynamic(() => import("./edit-user-dialog").then((m) => m.EditUserDialog), { ssr: false });

export function UsersList() {
  const t = useT();
  const words = useWords();
  const { formatDateTime } = useFormat();
  const { can, username: me } = useViewer();
  const view = useListView(USER_FILTERS);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const users = useUsers(view.params);
  const roles = useRoles(platformScope, can("platform-roles.view"));
  const canManage = can("users.manage");
  const guarded = useCan().requires("users.manage");

  const columns: ListColumn<User>[] = [
    {
      id: "username",
      header: t("users.user"),
      sortable: true,
      fixed: true,
      cell: (u) => (
        <>
          <Link href={`/users/${u.username}`} className="font-medium text-indigo-700 hover:underline">
            {u.username}
          </Link>
          {u.displayName && <div className="text-xs text-zinc-500">{u.displayName}</div>}
        </>
      ),
    },
    { id: "email", header: t("userAccess.email"), cell: (u) => u.email ?? "—" },
    { id: "platformRole", header: t("userAccess.platformRole"), sortable: true, cell: (u) => <RoleName level="platform" name={u.platformRole} /> },
    {
      id: "status",
      header: t("common.status"),
      cell: (u) => (
        <>
          <StatusBadge status={u.status} />
          <LockState user={u} canManage={canManage} />
        </>
      ),
    },
    { id: "source", header: t("userAccess.source"), cell: (u) => u.source },
    { id: "workspaces", header: t("users.workspaces"), cell: (u) => u.workspaceCount },
    { id: "lastLoginAt", header: t("userAccess.lastSignIn"), cell: (u) => formatDateTime(u.lastLoginAt) },
    { id: "createdAt", header: t("common.created"), sortable: true, cell: (u) => formatDateTime(u.createdAt) },
  ];
  if (canManage)
    columns.push({
      ...actionsColumn,
      header: t("ui.actions"),
      cell: (u) => (
        <>
          <Button variant="ghost" className="px-2" {...guarded} aria-label={t("ui.editNamed", { name: u.username })} onClick={() => setEditing(u)}>
            {t("ui.edit")}
          </Button>
          {/* The BFF refuses disabling or deleting yourself; don't offer it. */}
          {u.username !== me && (
            <>
              <Button
                variant="ghost"
                className="px-2"
                {...guarded}
                aria-label={t(u.status === "active" ? "ui.disableNamed" : "ui.enableNamed", { name: u.username })}
                onClick={() => setToggling(u)}
              >
                {t(u.status === "active" ? "ui.disable" : "ui.enable")}
              </Button>
              <Button variant="ghost" className="px-2 text-red-700" {...guarded} aria-label={t("ui.deleteNamed", { name: u.username })} onClick={() => setDeleting(u.username)}>
                {t("ui.delete")}
              </Button>
            </>
          )}
        </>
      ),
    });

  return (
    <>
      <PageHeader
        title={t("nav.users")}
        description={t("users.description")}
        actions={canManage && <Button {...guarded} onClick={() => setCreating(true)}>{t("users.create")}</Button>}
      />
      <ListTable
        caption={t("nav.users")}
        columns={columns}
        source={fromInfinite(users)}
        rowKey={(u) => u.username}
        defaultSort="username"
        view={view}
        search={t("users.search")}
        filters={[
          { key: "status", label: t("tables.filterStatus"), options: [{ value: "active", label: t("status.active") }, { value: "disabled", label: t("status.disabled") }] },
          // Roles to filter by, for those who may read them.
          ...(roles.data?.length ? [{ key: "role", label: t("tables.filterRole"), options: roles.data.map((r) => ({ value: r.name, label: words.role("platform", r.name) })) }] : []),
        ]}
        loadingLabel={t("users.loading")}
        empty={<EmptyState title={t("users.empty")} />}
        noMatch={view.q ? t("users.noMatch", { q: view.q }) : undefined}
      />
      <OnceOpened open={creating}>
        <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      </OnceOpened>
      <OnceOpened open={editing !== null}>
        <EditUserDialog user={editing} onClose={() => setEditing(null)} />
      </OnceOpened>
      <UserStatusDialog user={toggling} onClose={() => setToggling(null)} />
      <DeleteUserDialog username={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
