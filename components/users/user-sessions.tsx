"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/client/format";
import { useEndAllUserSessions, useEndUserSession, useUserSessions } from "@/lib/client/hooks/user-access";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";

/** A user's live sessions; platform admins end one, or all at once. */
export function UserSessions({ username, canManage }: { username: string; canManage: boolean }) {
  const t = useT();
  const sessions = useUserSessions(username);
  const end = useEndUserSession(username);
  const endAll = useEndAllUserSessions(username);
  const [confirming, setConfirming] = useState(false);
  const items = sessions.data?.items ?? [];

  return (
    <Card
      title={t("userAccess.sessions")}
      actions={
        canManage &&
        items.length > 0 && (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t("userAccess.endAll")}
          </Button>
        )
      }
    >
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("userAccess.noSessions")}</p>
      ) : (
        <DataTable caption={t("userAccess.sessionsOf", { name: username })}>
          <thead>
            <tr>
              <Th>{t("userAccess.signedIn")}</Th>
              <Th>{t("userAccess.via")}</Th>
              <Th>{t("userAccess.from")}</Th>
              <Th>{t("userAccess.lastActive")}</Th>
              {canManage && <ActionsTh />}
            </tr>
          </thead>
          <TBody>
            {items.map((s) => (
              <tr key={s.id}>
                <Td>{formatDateTime(s.createdAt)}</Td>
                <Td>{s.provider}</Td>
                <Td>
                  <div>{s.sourceIp ?? "—"}</div>
                  <div className="max-w-xs truncate text-xs text-zinc-500">{s.userAgent}</div>
                </Td>
                <Td>{formatDateTime(s.lastSeenAt)}</Td>
                {canManage && (
                  <Td className="text-right">
                    <Button variant="ghost" className="px-2 text-red-700" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                      {t("userAccess.endSession")}
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
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
