"use client";
import { useDeleteUser } from "@/lib/client/hooks/users";
import { useT } from "@/lib/i18n/client";
import { rich } from "@/components/ui/rich";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

function DeleteConfirm({ username, onClose }: { username: string; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteUser(username);
  return (
    <ConfirmDialog
      open
      title={t("users.delete")}
      typeToConfirm={username}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("users.delete")}
      pendingLabel={t("ui.deleting")}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      {rich(t("users.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{username}</span> })}
    </ConfirmDialog>
  );
}

export function DeleteUserDialog({ username, onClose }: { username: string | null; onClose: () => void }) {
  return username ? <DeleteConfirm key={username} username={username} onClose={onClose} /> : null;
}
