"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import { useState } from "react";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/client/format";
import type { SessionInfo } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { actionsColumn, ListTable, type ListColumn } from "@/components/ui/list-table";
import { useListView } from "@/lib/client/list-view";

const NONE: SessionInfo[] = [];

/**
 * Signed-in sessions: one's own on the profile page, any user's on their page for platform admins.
 * With `end`, each row offers "End session", asked first (it signs someone out); with `markCurrent`, the
 * session in use is marked instead.
 */
export function SessionsTable({
  sessions,
  caption,
  end,
  requires,
  markCurrent = false,
}: {
  sessions: UseQueryResult<{ items: SessionInfo[] }>;
  caption: string;
  end?: UseMutationResult<unknown, Error, string>;
  /** The End buttons' guard (useCan's requires), where they act on someone else's sessions. */
  requires?: { "data-requires": string };
  markCurrent?: boolean;
}) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const view = useListView([], "sessions");
  const [asking, setAsking] = useState<SessionInfo | null>(null);
  function close() {
    end?.reset();
    setAsking(null);
  }
  const columns: ListColumn<SessionInfo>[] = [
    { id: "signedIn", header: t("userAccess.signedIn"), fixed: true, cell: (s) => formatDateTime(s.createdAt) },
    { id: "via", header: t("userAccess.via"), cell: (s) => s.provider },
    {
      id: "from",
      header: t("userAccess.from"),
      cell: (s) => (
        <>
          <div>{s.sourceIp ?? "—"}</div>
          <div className="max-w-xs truncate text-xs text-zinc-500" title={s.userAgent ?? undefined}>
            {readableUserAgent(s.userAgent)}
          </div>
        </>
      ),
    },
    { id: "lastActive", header: t("userAccess.lastActive"), cell: (s) => formatDateTime(s.lastSeenAt) },
  ];
  if (end)
    columns.push({
      ...actionsColumn,
      header: t("ui.actions"),
      cell: (s) =>
        markCurrent && s.current ? (
          <span className="text-xs text-zinc-500">{t("profile.thisSession")}</span>
        ) : (
          <Button variant="ghost" className="px-2 text-red-700" {...requires} disabled={end.isPending} onClick={() => setAsking(s)}>
            {t("userAccess.endSession")}
          </Button>
        ),
    });
  return (
    <>
      <ListTable
        caption={caption}
        columns={columns}
        source={{ rows: sessions.data?.items ?? NONE, pending: sessions.isPending, error: sessions.isError ? sessions.error : null, retry: () => void sessions.refetch() }}
        rowKey={(s) => s.id}
        view={view}
        empty={<p className="text-sm text-zinc-500">{t("userAccess.noSessions")}</p>}
      />
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
