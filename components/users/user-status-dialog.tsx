"use client";
import { useUpdateUser } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ProblemAlert } from "@/components/roles/problem-alert";

function StatusConfirm({ user, onClose }: { user: User; onClose: () => void }) {
  const update = useUpdateUser(user.username);
  const disabling = user.status === "active";
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        {disabling
          ? `${user.username} is signed out at once and cannot sign in until enabled again. Their memberships stay.`
          : `${user.username} can sign in again with their current password.`}
      </p>
      <ProblemAlert error={update.error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant={disabling ? "danger" : "primary"}
          disabled={update.isPending}
          onClick={() => update.mutate({ status: disabling ? "disabled" : "active" }, { onSuccess: onClose })}
        >
          {disabling ? "Disable user" : "Enable user"}
        </Button>
      </div>
    </div>
  );
}

/** Disabling takes effect on the user's very next request, so it is confirmed first. */
export function UserStatusDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const title = user?.status === "active" ? `Disable ${user.username}` : `Enable ${user?.username ?? "user"}`;
  return (
    <Dialog open={user !== null} title={title} onClose={onClose}>
      {user && <StatusConfirm key={user.username} user={user} onClose={onClose} />}
    </Dialog>
  );
}
