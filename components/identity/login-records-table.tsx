"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/client/format";
import type { LoginRecord, Page } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";

/**
 * Sign-in attempts, newest first, through every provider, a page at a time: one's own on the profile page,
 * any user's on their page for platform admins.
 */
export function LoginRecordsTable({ records, caption }: { records: UseInfiniteQueryResult<InfiniteData<Page<LoginRecord>>>; caption: string }) {
  const t = useT();
  if (records.isPending) return <LoadingState />;
  if (records.isError) return <ErrorState error={records.error} onRetry={() => records.refetch()} />;
  const items = records.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="text-sm text-zinc-500">{t("userAccess.noSignIns")}</p>;
  return (
    <>
      <DataTable caption={caption}>
        <thead>
          <tr>
            <Th>{t("userAccess.time")}</Th>
            <Th>{t("userAccess.provider")}</Th>
            <Th>{t("userAccess.outcome")}</Th>
            <Th>{t("userAccess.from")}</Th>
          </tr>
        </thead>
        <TBody>
          {items.map((r) => (
            <tr key={r.id}>
              <Td>{formatDateTime(r.createdAt)}</Td>
              <Td>{r.provider}</Td>
              <Td className={r.outcome === "success" ? "text-emerald-700" : "text-red-700"}>
                {r.outcome === "success" ? t("userAccess.succeeded") : t("userAccess.failed", { reason: r.reason ?? "" })}
              </Td>
              <Td>
                <div>{r.sourceIp ?? "—"}</div>
                <div className="max-w-xs truncate text-xs text-zinc-500" title={r.userAgent ?? undefined}>{readableUserAgent(r.userAgent)}</div>
              </Td>
            </tr>
          ))}
        </TBody>
      </DataTable>
      {records.hasNextPage && (
        <Button variant="secondary" className="mt-3" onClick={() => records.fetchNextPage()} disabled={records.isFetchingNextPage}>
          {t("common.loadMore")}
        </Button>
      )}
    </>
  );
}
