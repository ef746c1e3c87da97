"use client";
import { useState } from "react";
import Link from "next/link";
import { useUsers } from "@/lib/client/hooks/users";
import { formatDateTime } from "@/lib/client/format";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useViewer } from "@/components/shell/viewer";
import { CreateUserDialog } from "./create-user-dialog";
import { DeleteUserDialog } from "./delete-user-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { UserStatusDialog } from "./user-status-dialog";
import { LockState } from "./lock-state";

export function UsersList() {
  const t = useT();
  const { can, username: me } = useViewer();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const users = useUsers(search);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = can("users.manage");

  return (
    <>
      <PageHeader
        title={t("nav.users")}
        description={t("users.description")}
        actions={canManage && <Button onClick={() => setCreating(true)}>{t("users.create")}</Button>}
      />
      <div className="mb-4">
        <SearchBox label={t("users.search")} onSearch={setSearch} />
      </div>
      {users.isPending ? (
        <LoadingState label={t("users.loading")} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={search ? t("users.noMatch", { q: search }) : t("users.empty")} />
      ) : (
        <>
          <DataTable caption={t("nav.users")}>
            <thead>
              <tr>
                <Th>{t("users.user")}</Th>
                <Th>{t("userAccess.email")}</Th>
                <Th>{t("userAccess.platformRole")}</Th>
                <Th>{t("common.status")}</Th>
                <Th>{t("userAccess.source")}</Th>
                <Th>{t("users.workspaces")}</Th>
                <Th>{t("userAccess.lastSignIn")}</Th>
                {canManage && <ActionsTh />}
              </tr>
            </thead>
            <TBody>
              {items.map((u) => (
                <tr key={u.username} className="hover:bg-zinc-50">
                  <Td>
                    <Link href={`/users/${u.username}`} className="font-medium text-indigo-700 hover:underline">
                      {u.username}
                    </Link>
                    {u.displayName && <div className="text-xs text-zinc-500">{u.displayName}</div>}
                  </Td>
                  <Td>{u.email ?? "—"}</Td>
                  <Td>{u.platformRole}</Td>
                  <Td>
                    <StatusBadge status={u.status} />
                    <LockState user={u} canManage={canManage} />
                  </Td>
                  <Td>{u.source}</Td>
                  <Td>{u.workspaceCount}</Td>
                  <Td>{formatDateTime(u.lastLoginAt)}</Td>
                  {canManage && (
                    <Td className="text-right">
                      <Button variant="ghost" className="px-2" aria-label={t("ui.editNamed", { name: u.username })} onClick={() => setEditing(u)}>
                        {t("ui.edit")}
                      </Button>
                      {/* The BFF refuses disabling or deleting yourself; don't offer it. */}
                      {u.username !== me && (
                        <>
                          <Button
                            variant="ghost"
                            className="px-2"
                            aria-label={t(u.status === "active" ? "ui.disableNamed" : "ui.enableNamed", { name: u.username })}
                            onClick={() => setToggling(u)}
                          >
                            {t(u.status === "active" ? "ui.disable" : "ui.enable")}
                          </Button>
                          <Button variant="ghost" className="px-2 text-red-700" aria-label={t("ui.deleteNamed", { name: u.username })} onClick={() => setDeleting(u.username)}>
                            {t("ui.delete")}
                          </Button>
                        </>
                      )}
                    </Td>
                  )}
                </tr>
              ))}
            </TBody>
          </DataTable>
          {users.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
                {users.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
              </Button>
            </div>
          )}
        </>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} />
      <UserStatusDialog user={toggling} onClose={() => setToggling(null)} />
      <DeleteUserDialog username={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
