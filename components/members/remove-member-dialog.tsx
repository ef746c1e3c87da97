"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useRemoveMember } from "@/lib/client/hooks/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ProblemAlert } from "@/components/roles/problem-alert";
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
    <Dialog open={username !== null} title={t("members.remove")} onClose={close}>
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          {rich(t(scope.level === "workspace" ? "members.removeFromWorkspace" : "members.removeFromProject", { where }), {
            name: <span className="font-medium text-zinc-900">{username}</span>,
          })}
          {scope.level === "workspace" && t("members.leaveProjects")}
        </p>
        <ProblemAlert error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("ui.cancel")}
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => username && remove.mutate(username, { onSuccess: close })}>
            {remove.isPending ? t("members.removing") : t("members.remove")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
