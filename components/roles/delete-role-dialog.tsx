"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useDeleteRole } from "@/lib/client/hooks/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/** Deleting a role still bound to members is refused (409 in_use); the dialog shows why. */
export function DeleteRoleDialog({ scope, role, onClose }: { scope: AccessScope; role: string | null; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteRole(scope);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <ConfirmDialog
      open={role !== null}
      title={t("roles.delete")}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("roles.delete")}
      pendingLabel={t("ui.deleting")}
      onConfirm={() => role && remove.mutate(role, { onSuccess: close })}
      onClose={close}
    >
      {rich(t("roles.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{role}</span> })}
    </ConfirmDialog>
  );
}
