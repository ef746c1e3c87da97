"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/client/format";
import type { User } from "@/lib/client/types";
import { UnlockDialog } from "./unlock-dialog";
import { useCan } from "@/lib/client/hooks/can";

/** "Locked until …" after repeated failed sign-ins, with the admin's way to lift it early. */
export function LockState({ user, canManage }: { user: User; canManage: boolean }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const [asking, setAsking] = useState(false);
  const guarded = useCan().requires("users.manage");
  if (!user.lockedUntil) return null;
  return (
    <div className="mt-1 text-xs text-amber-700">
      {t("userAccess.lockedUntil", { time: formatDateTime(user.lockedUntil) })}
      {canManage && (
        <button
          type="button"
          {...guarded}
          className="ml-2 font-medium text-indigo-700 underline"
          aria-label={t("userAccess.unlockNamed", { name: user.username })}
          onClick={() => setAsking(true)}
        >
          {t("userAccess.unlock")}
        </button>
      )}
      {canManage && <UnlockDialog username={user.username} open={asking} onClose={() => setAsking(false)} />}
    </div>
  );
}
