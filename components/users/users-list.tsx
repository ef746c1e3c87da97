"use client";
import { useState } from "react";
import Link from "next/link";
import { useUsers } from "@/lib/client/hooks/users";
import { formatDateTime } from "@/lib/client/format";
import type { User } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
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
        title="Users"
        description="Accounts that can sign in to the console, and their platform role."
        actions={canManage && <Button onClick={() => setCreating(true)}>Create user</Button>}
      />
      <div className="mb-4">
        <SearchBox label="Search users" onSearch={setSearch} />
      </div>
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={search ? `No users match “${search}”.` : "No users yet."} />
      ) : (
        <>
          <DataTable caption="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Email</Th>
                <Th>Platform role</Th>
                <Th>Status</Th>
                <Th>Source</Th>
                <Th>Workspaces</Th>
                <Th>Last sign-in</Th>
                {canManage && (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
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
                      <Button variant="ghost" className="px-2" aria-label={`Edit ${u.username}`} onClick={() => setEditing(u)}>
                        Edit
                      </Button>
                      {/* The BFF refuses disabling or deleting yourself; don't offer it. */}
                      {u.username !== me && (
                        <>
                          <Button variant="ghost" className="px-2" aria-label={`${u.status === "active" ? "Disable" : "Enable"} ${u.username}`} onClick={() => setToggling(u)}>
                            {u.status === "active" ? "Disable" : "Enable"}
                          </Button>
                          <Button variant="ghost" className="px-2 text-red-700" aria-label={`Delete ${u.username}`} onClick={() => setDeleting(u.username)}>
                            Delete
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
                {users.isFetchingNextPage ? "Loading…" : "Load more"}
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
