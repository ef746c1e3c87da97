"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useEndAllUserSessions, useEndUserSession, useUserSessions } from "@/lib/client/hooks/user-access";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SessionsTable } from "@/components/identity/sessions-table";
import { useCan } from "@/lib/client/hooks/can";

/** A user's live sessions; platform admins end one, or all at once. */
export function UserSessions({ username, canManage }: { username: string; canManage: boolean }) {
  const t = useT();
  const sessions = useUserSessions(username);
  const end = useEndUserSession(username);
  const endAll = useEndAllUserSessions(username);
  const [confirming, setConfirming] = useState(false);
  const guarded = useCan().requires("users.manage");

  return (
    <Card
      title={t("userAccess.sessions")}
      actions={
        canManage &&
        !!sessions.data?.items.length && (
          <Button variant="secondary" {...guarded} onClick={() => setConfirming(true)}>
            {t("userAccess.endAll")}
          </Button>
        )
      }
    >
      <SessionsTable
        sessions={sessions}
        caption={t("userAccess.sessionsOf", { name: username })}
        end={canManage ? end : undefined}
        requires={guarded}
      />
      <ConfirmDialog
        open={confirming}
        title={t("userAccess.endAllTitle", { name: username })}
        error={endAll.error}
        pending={endAll.isPending}
        confirmLabel={t("userAccess.endAll")}
        pendingLabel={t("userAccess.ending")}
        onConfirm={() => endAll.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        {t("userAccess.endAllBody", { name: username })}
      </ConfirmDialog>
    </Card>
  );
}
