"use client";
import { useUpdateUser } from "@/lib/client/hooks/users";
import type { User } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";

function StatusConfirm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser(user.username);
  const disabling = user.status === "active";
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">{t(disabling ? "users.disableBody" : "users.enableBody", { name: user.username })}</p>
      <ProblemAlert error={update.error} />
      <FormActions
        submitLabel={t(disabling ? "users.disable" : "users.enable")}
        pending={update.isPending}
        danger={disabling}
        onConfirm={() => update.mutate({ status: disabling ? "disabled" : "active" }, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </div>
  );
}

/** Disabling takes effect on the user's very next request, so it is confirmed first. */
export function UserStatusDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const title = !user ? t("users.enable") : t(user.status === "active" ? "ui.disableNamed" : "ui.enableNamed", { name: user.username });
  return (
    <Dialog open={user !== null} title={title} onClose={onClose}>
      {user && <StatusConfirm key={user.username} user={user} onClose={onClose} />}
    </Dialog>
  );
}
