"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useRemoveMember } from "@/lib/client/hooks/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ProblemAlert } from "@/components/roles/problem-alert";

export function RemoveMemberDialog({ scope, username, onClose }: { scope: AccessScope; username: string | null; onClose: () => void }) {
  const remove = useRemoveMember(scope);
  const where = scope.level === "workspace" ? `workspace ${scope.workspace}` : `project ${scope.project}`;
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Dialog open={username !== null} title="Remove member" onClose={close}>
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          Remove <span className="font-medium text-zinc-900">{username}</span> from {where}?
          {scope.level === "workspace" && " They also leave every project of the workspace."}
        </p>
        <ProblemAlert error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => username && remove.mutate(username, { onSuccess: close })}>
            {remove.isPending ? "Removing…" : "Remove member"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
