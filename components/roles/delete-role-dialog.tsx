"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useDeleteRole } from "@/lib/client/hooks/roles";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ProblemAlert } from "./problem-alert";

/** Deleting a role still bound to members is refused (409 in_use); the dialog shows why. */
export function DeleteRoleDialog({ scope, role, onClose }: { scope: AccessScope; role: string | null; onClose: () => void }) {
  const remove = useDeleteRole(scope);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Dialog open={role !== null} title="Delete role" onClose={close}>
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          Delete the role <span className="font-mono font-medium text-zinc-900">{role}</span>? This cannot be undone.
        </p>
        <ProblemAlert error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => role && remove.mutate(role, { onSuccess: close })}>
            {remove.isPending ? "Deleting…" : "Delete role"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
