"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useMySessions, useRevokeOtherSessions, useRevokeSession } from "@/lib/client/hooks/profile";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SessionsTable } from "@/components/identity/sessions-table";

/** One's own sessions: the one in use is marked, any other can be ended, or all others at once (asked first). */
export function SessionsCard() {
  const t = useT();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [asking, setAsking] = useState(false);
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Card
      title={t("profile.sessions")}
      actions={
        others > 0 ? (
          <Button variant="secondary" onClick={() => setAsking(true)}>
            {t("profile.signOutOthers")}
          </Button>
        ) : undefined
      }
    >
      <SessionsTable sessions={sessions} caption={t("profile.sessionsCaption")} end={revoke} markCurrent />
      <ConfirmDialog
        open={asking}
        title={t("profile.signOutOthersTitle", { count: others })}
        error={revokeOthers.error}
        pending={revokeOthers.isPending}
        confirmLabel={t("profile.signOutOthers")}
        pendingLabel={t("profile.signingOut")}
        onConfirm={() => revokeOthers.mutate(undefined, { onSuccess: () => setAsking(false) })}
        onClose={() => setAsking(false)}
      >
        {t("profile.signOutOthersBody")}
      </ConfirmDialog>
    </Card>
  );
}
