"use client";
import { useDeleteUser } from "@/lib/client/hooks/users";
import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";

function DeleteConfirm({ username, onClose }: { username: string; onClose: () => void }) {
  const remove = useDeleteUser(username);
  return (
    <TypeToConfirmDialog
      open
      title="Delete user"
      name={username}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel="Delete user"
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      This deletes the account <span className="font-mono font-medium text-zinc-900">{username}</span> and all of its memberships. It cannot be undone;
      disabling keeps the account instead.
    </TypeToConfirmDialog>
  );
}

export function DeleteUserDialog({ username, onClose }: { username: string | null; onClose: () => void }) {
  return username ? <DeleteConfirm key={username} username={username} onClose={onClose} /> : null;
}
