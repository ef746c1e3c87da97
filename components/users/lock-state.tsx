"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";
import type { User } from "@/lib/client/types";

/** "Locked until …" after repeated failed sign-ins, with the admin's way to lift it early. */
export function LockState({ user, canManage }: { user: User; canManage: boolean }) {
  const client = useQueryClient();
  const unlock = useMutation({
    mutationFn: () => apiSend("POST", `/api/v1/users/${encodeURIComponent(user.username)}/unlock`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
  if (!user.lockedUntil) return null;
  return (
    <div className="mt-1 text-xs text-amber-700">
      Locked until {formatDateTime(user.lockedUntil)}
      {canManage && (
        <button type="button" className="ml-2 font-medium text-indigo-700 underline" aria-label={`Unlock ${user.username}`} disabled={unlock.isPending} onClick={() => unlock.mutate()}>
          Unlock
        </button>
      )}
    </div>
  );
}
