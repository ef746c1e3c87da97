"use client";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/client/format";
import { useUnlockUser } from "@/lib/client/hooks/user-access";
import type { User } from "@/lib/client/types";

/** "Locked until …" after repeated failed sign-ins, with the admin's way to lift it early. */
export function LockState({ user, canManage }: { user: User; canManage: boolean }) {
  const t = useT();
  const unlock = useUnlockUser(user.username);
  if (!user.lockedUntil) return null;
  return (
    <div className="mt-1 text-xs text-amber-700">
      {t("userAccess.lockedUntil", { time: formatDateTime(user.lockedUntil) })}
      {canManage && (
        <button
          type="button"
          className="ml-2 font-medium text-indigo-700 underline"
          aria-label={t("userAccess.unlockNamed", { name: user.username })}
          disabled={unlock.isPending}
          onClick={() => unlock.mutate()}
        >
          {t("userAccess.unlock")}
        </button>
      )}
    </div>
  );
}
