"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import { useState } from "react";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/client/format";
import type { SessionInfo } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";

/**
 * Signed-in sessions: one's own on the profile page, any user's on their page for platform admins.
 * With `end`, each row offers "End session", asked first (it signs someone out); with `markCurrent`, the
 * session in use is marked instead.
 */
export function SessionsTable({
  sessions,
  caption,
  end,
  markCurrent = false,
}: {
  sessions: UseQueryResult<{ items: SessionInfo[] }>;
  caption: string;
  end?: UseMutationResult<unknown, Error, string>;
  markCurrent?: boolean;
}) {
  const t = useT();
  const [asking, setAsking] = useState<SessionInfo | null>(null);
  function close() {
    end?.reset();
    setAsking(null);
  }
  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />;
  const items = sessions.data.items;
  if (items.length === 0) return <p className="text-sm text-zinc-500">{t("userAccess.noSessions")}</p>;
  return (
    <>
      <DataTable caption={caption}>
        <thead>
          <tr>
            <Th>{t("userAccess.signedIn")}</Th>
            <Th>{t("userAccess.via")}</Th>
            <Th>{t("userAccess.from")}</Th>
            <Th>{t("userAccess.lastActive")}</Th>
            {end && <ActionsTh />}
          </tr>
        </thead>
        <TBody>
          {items.map((s) => (
            <tr key={s.id}>
              <Td>{formatDateTime(s.createdAt)}</Td>
              <Td>{s.provider}</Td>
              <Td>
                <div>{s.sourceIp ?? "—"}</div>
                <div className="max-w-xs truncate text-xs text-zinc-500" title={s.userAgent ?? undefined}>{readableUserAgent(s.userAgent)}</div>
              </Td>
              <Td>{formatDateTime(s.lastSeenAt)}</Td>
              {end && (
                <Td className="text-right">
                  {markCurrent && s.current ? (
                    <span className="text-xs text-zinc-500">{t("profile.thisSession")}</span>
                  ) : (
                    <Button variant="ghost" className="px-2 text-red-700" disabled={end.isPending} onClick={() => setAsking(s)}>
                      {t("userAccess.endSession")}
                    </Button>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </DataTable>
      {end && (
        <ConfirmDialog
          open={asking !== null}
          title={t("confirm.endSessionTitle")}
          error={end.error}
          pending={end.isPending}
          confirmLabel={t("userAccess.endSession")}
          pendingLabel={t("userAccess.ending")}
          onConfirm={() => asking && end.mutate(asking.id, { onSuccess: close })}
          onClose={close}
        >
          {asking &&
            t("confirm.endSessionBody", {
              time: formatDateTime(asking.createdAt),
              provider: asking.provider,
              from: asking.sourceIp ?? "—",
              agent: readableUserAgent(asking.userAgent) ?? "—",
            })}
        </ConfirmDialog>
      )}
    </>
  );
}
