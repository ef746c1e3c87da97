"use client";
import { useUpdateUser } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

function StatusConfirm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser(user.username);
  const disabling = user.status === "active";
  return (
    <ConfirmDialog
      open
      title={t(disabling ? "ui.disableNamed" : "ui.enableNamed", { name: user.username })}
      error={update.error}
      pending={update.isPending}
      confirmLabel={t(disabling ? "users.disable" : "users.enable")}
      danger={disabling}
      onConfirm={() => update.mutate({ status: disabling ? "disabled" : "active" }, { onSuccess: onClose })}
      onClose={onClose}
    >
      {t(disabling ? "users.disableBody" : "users.enableBody", { name: user.username })}
    </ConfirmDialog>
  );
}

/** Disabling takes effect on the user's very next request, so it is confirmed first. */
export function UserStatusDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  return user ? <StatusConfirm key={user.username} user={user} onClose={onClose} /> : null;
}
