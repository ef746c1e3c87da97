"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useDeleteRole } from "@/lib/client/hooks/roles";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ProblemAlert } from "./problem-alert";
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
    <Dialog open={role !== null} title={t("roles.delete")} onClose={close}>
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          {rich(t("roles.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{role}</span> })}
        </p>
        <ProblemAlert error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("ui.cancel")}
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => role && remove.mutate(role, { onSuccess: close })}>
            {remove.isPending ? t("ui.deleting") : t("roles.delete")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
