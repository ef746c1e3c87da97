"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useRemoveMember } from "@/lib/client/hooks/members";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

export function RemoveMemberDialog({ scope, username, onClose }: { scope: AccessScope; username: string | null; onClose: () => void }) {
  const t = useT();
  const remove = useRemoveMember(scope);
  const where = scope.level === "workspace" ? scope.workspace! : scope.project!;
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <ConfirmDialog
      open={username !== null}
      title={t("members.remove")}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("members.remove")}
      pendingLabel={t("members.removing")}
      onConfirm={() => username && remove.mutate(username, { onSuccess: close })}
      onClose={close}
    >
      {rich(t(scope.level === "workspace" ? "members.removeFromWorkspace" : "members.removeFromProject", { where }), {
        name: <span className="font-medium text-zinc-900">{username}</span>,
      })}
      {scope.level === "workspace" && t("members.leaveProjects")}
    </ConfirmDialog>
  );
}
