"use client";
import Link from "next/link";
import { useState } from "react";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import { formatDate } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useCan } from "@/lib/client/hooks/can";
import { CreateWorkspaceDialog } from "./create-workspace-dialog";
import { SearchBox } from "@/components/ui/search-box";
import { useT } from "@/lib/i18n/client";

export function WorkspaceList() {
  const t = useT();
  const { can, requires } = useCan();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const workspaces = useWorkspaces(search);
  const items = workspaces.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("nav.workspaces")}
        description={t("ws.listDescription")}
        actions={can("workspaces.create") && <Button {...requires("workspaces.create")} onClick={() => setCreating(true)}>{t("ws.create")}</Button>}
      />
      <div className="mb-4">
        <SearchBox label={t("ws.search")} onSearch={setSearch} />
      </div>
      {workspaces.isPending ? (
        <LoadingState label={t("ws.loading")} />
      ) : workspaces.isError ? (
        <ErrorState error={workspaces.error} onRetry={() => workspaces.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={search ? t("ws.noMatch", { q: search }) : t("ws.empty")}>
          {!search && (can("workspaces.create") ? t("ws.emptyCreate") : t("ws.emptyAsk"))}
        </EmptyState>
      ) : (
        <>
          <DataTable caption={t("nav.workspaces")}>
            <thead>
              <tr>
                <Th>{t("common.name")}</Th>
                <Th>{t("nav.clusters")}</Th>
                <Th>{t("tabs.projects")}</Th>
                <Th>{t("tabs.members")}</Th>
                <Th>{t("common.createdBy")}</Th>
                <Th>{t("common.created")}</Th>
              </tr>
            </thead>
            <TBody>
              {items.map((ws) => (
                <tr key={ws.name} className="hover:bg-zinc-50">
                  <Td>
                    <Link href={`/workspaces/${ws.name}`} className="font-medium text-indigo-700 hover:underline">
                      {ws.name}
                    </Link>
                    {ws.displayName && <div className="text-xs text-zinc-500">{ws.displayName}</div>}
                  </Td>
                  <Td>{ws.clusters.join(", ") || "—"}</Td>
                  <Td>{ws.projectCount}</Td>
                  <Td>{ws.memberCount}</Td>
                  <Td>{ws.createdBy ?? "—"}</Td>
                  <Td>{formatDate(ws.createdAt)}</Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
          {workspaces.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" onClick={() => workspaces.fetchNextPage()} disabled={workspaces.isFetchingNextPage}>
                {workspaces.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
              </Button>
            </div>
          )}
        </>
      )}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
