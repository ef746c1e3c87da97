"use client";
import Link from "next/link";
import { useState } from "react";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import { formatDate } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useViewer } from "@/components/shell/viewer";
import { CreateWorkspaceDialog } from "./create-workspace-dialog";
import { SearchBox } from "@/components/ui/search-box";

export function WorkspaceList() {
  const { can } = useViewer();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const workspaces = useWorkspaces(search);
  const items = workspaces.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Workspaces"
        description="Tenants: each workspace is placed on clusters and holds projects."
        actions={can("workspaces.create") && <Button onClick={() => setCreating(true)}>Create workspace</Button>}
      />
      <div className="mb-4">
        <SearchBox label="Search workspaces" onSearch={setSearch} />
      </div>
      {workspaces.isPending ? (
        <LoadingState label="Loading workspaces…" />
      ) : workspaces.isError ? (
        <ErrorState error={workspaces.error} onRetry={() => workspaces.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={search ? `No workspaces match “${search}”.` : "No workspaces yet."}>
          {!search && (can("workspaces.create") ? "Create one to start placing projects on clusters." : "Ask a platform admin to add you to a workspace.")}
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Workspaces">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Clusters</Th>
                <Th>Projects</Th>
                <Th>Members</Th>
                <Th>Created by</Th>
                <Th>Created</Th>
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
                {workspaces.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          )}
        </>
      )}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
