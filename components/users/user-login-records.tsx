"use client";
import { useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/client/format";
import { useUserLoginRecords } from "@/lib/client/hooks/user-access";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";

/** A user's sign-in attempts, newest first, through every provider. */
export function UserLoginRecords({ username }: { username: string }) {
  const t = useT();
  const records = useUserLoginRecords(username);
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={t("userAccess.signIns")}>
      {records.isPending ? (
        <LoadingState />
      ) : records.isError ? (
        <ErrorState error={records.error} onRetry={() => records.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("userAccess.noSignIns")}</p>
      ) : (
        <>
          <DataTable caption={t("userAccess.signInsOf", { name: username })}>
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
                    <div className="max-w-xs truncate text-xs text-zinc-500">{r.userAgent}</div>
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
      )}
    </Card>
  );
}
