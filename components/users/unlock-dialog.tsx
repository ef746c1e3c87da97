"use client";
import { useUnlockUser } from "@/lib/client/hooks/user-access";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";

/** Lifting a lock early lets sign-in attempts for the account start again at once, so it is asked first. */
export function UnlockDialog({ username, open, onClose }: { username: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const unlock = useUnlockUser(username);
  function close() {
    unlock.reset();
    onClose();
  }
  return (
    <ConfirmDialog
      open={open}
      title={t("confirm.unlockTitle", { name: username })}
      error={unlock.error}
      pending={unlock.isPending}
      confirmLabel={t("userAccess.unlock")}
      onConfirm={() => unlock.mutate(undefined, { onSuccess: close })}
      onClose={close}
    >
      {t("confirm.unlockBody", { name: username })}
    </ConfirmDialog>
  );
}
