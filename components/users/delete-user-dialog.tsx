"use client";
import { useDeleteUser } from "@/lib/client/hooks/users";
import { useT } from "@/lib/i18n/client";
import { rich } from "@/components/ui/rich";
import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";

function DeleteConfirm({ username, onClose }: { username: string; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteUser(username);
  return (
    <TypeToConfirmDialog
      open
      title={t("users.delete")}
      name={username}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("users.delete")}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      {rich(t("users.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{username}</span> })}
    </TypeToConfirmDialog>
  );
}

export function DeleteUserDialog({ username, onClose }: { username: string | null; onClose: () => void }) {
  return username ? <DeleteConfirm key={username} username={username} onClose={onClose} /> : null;
}
