"use client";
import Link from "next/link";
import { useClusters } from "@/lib/client/hooks/clusters";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useViewer } from "@/components/shell/viewer";

export function ClusterList() {
  const { can } = useViewer();
  // Health is probed in the background; refresh now and then so the badges stay current.
  const clusters = useClusters({ refetchInterval: 15_000 });

  return (
    <>
      <PageHeader
        title="Clusters"
        description="Kubernetes clusters the platform places workspaces and projects on."
        actions={can("clusters.manage") && <ButtonLink href="/clusters/new">Add cluster</ButtonLink>}
      />
      {clusters.isPending ? (
        <LoadingState label="Loading clusters…" />
      ) : clusters.isError ? (
        <ErrorState error={clusters.error} onRetry={() => clusters.refetch()} />
      ) : clusters.data.length === 0 ? (
        <EmptyState title="No clusters registered.">{can("clusters.manage") && "Add a cluster with its kubeconfig to get started."}</EmptyState>
      ) : (
        <DataTable caption="Clusters">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Status</Th>
              <Th>Version</Th>
              <Th>Nodes</Th>
              <Th>Latency</Th>
              <Th>Workspaces</Th>
              <Th>Projects</Th>
            </tr>
          </thead>
          <TBody>
            {clusters.data.map((c) => (
              <tr key={c.name} className="hover:bg-zinc-50">
                <Td>
                  <Link href={`/clusters/${c.name}`} className="font-medium text-indigo-700 hover:underline">
                    {c.name}
                  </Link>
                  {c.displayName && <div className="text-xs text-zinc-500">{c.displayName}</div>}
                </Td>
                <Td>
                  <StatusBadge status={c.health} />
                </Td>
                <Td className="font-mono text-xs">{c.version ?? "—"}</Td>
                <Td>{c.nodeCount ?? "—"}</Td>
                <Td>{c.latencyMs == null ? "—" : `${c.latencyMs} ms`}</Td>
                <Td>{c.workspaceCount}</Td>
                <Td>{c.projectCount}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </>
  );
}
