"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/client/format";
import { fromInfinite } from "@/lib/client/hooks/list";
import type { ListView } from "@/lib/client/list-view";
import type { LoginRecord, Page } from "@/lib/client/types";
import { ListTable, type ListColumn } from "@/components/ui/list-table";


/**
 * Sign-in attempts, newest first, through every provider, a page at a time: one's own on the profile page,
 * any user's on their page for platform admins.
 */
export function LoginRecordsTable({ records, view, caption }: { records: UseInfiniteQueryResult<InfiniteData<Page<LoginRecord>>>; view: ListView; caption: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const columns: ListColumn<LoginRecord>[] = [
    { id: "time", header: t("userAccess.time"), fixed: true, cell: (r) => formatDateTime(r.createdAt) },
    { id: "provider", header: t("userAccess.provider"), cell: (r) => r.provider },
    {
      id: "outcome",
      header: t("userAccess.outcome"),
      cell: (r) => (
        <span className={r.outcome === "success" ? "text-emerald-700" : "text-red-700"}>
          {r.outcome === "success" ? t("userAccess.succeeded") : t("userAccess.failed", { reason: r.reason ?? "" })}
        </span>
      ),
    },
    {
      id: "from",
      header: t("userAccess.from"),
      cell: (r) => (
        <>
          <div>{r.sourceIp ?? "—"}</div>
          <div className="max-w-xs truncate text-xs text-zinc-500" title={r.userAgent ?? undefined}>
            {readableUserAgent(r.userAgent)}
          </div>
        </>
      ),
    },
  ];
  return (
    <ListTable
      caption={caption}
      columns={columns}
      source={fromInfinite(records)}
      rowKey={(r) => r.id}
      view={view}
      filters={[
        {
          key: "outcome",
          label: t("userAccess.outcome"),
          options: [
            { value: "success", label: t("tables.outcomeSuccess") },
            { value: "failure", label: t("tables.outcomeFailure") },
          ],
        },
      ]}
      empty={<p className="text-sm text-zinc-500">{t("userAccess.noSignIns")}</p>}
    />
  );
}
