"use client";
import Link from "next/link";
import { useClusters } from "@/lib/client/hooks/clusters";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useCan } from "@/lib/client/hooks/can";
import { useT } from "@/lib/i18n/client";

export function ClusterList() {
  const t = useT();
  const { can, requires } = useCan();
  // Health is probed in the background; refresh now and then so the badges stay current.
  const clusters = useClusters({ refetchInterval: 15_000 });

  return (
    <>
      <PageHeader
        title={t("nav.clusters")}
        description={t("clusters.description")}
        actions={can("clusters.manage") && <ButtonLink href="/clusters/new" {...requires("clusters.manage")}>{t("clusters.add")}</ButtonLink>}
      />
      {clusters.isPending ? (
        <LoadingState label={t("clusters.loading")} />
      ) : clusters.isError ? (
        <ErrorState error={clusters.error} onRetry={() => clusters.refetch()} />
      ) : clusters.data.length === 0 ? (
        <EmptyState title={t("clusters.empty")}>{can("clusters.manage") && t("clusters.emptyHint")}</EmptyState>
      ) : (
        <DataTable caption={t("nav.clusters")}>
          <thead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("common.status")}</Th>
              <Th>{t("dash.version")}</Th>
              <Th>{t("dash.nodes")}</Th>
              <Th>{t("clusters.latency")}</Th>
              <Th>{t("nav.workspaces")}</Th>
              <Th>{t("tabs.projects")}</Th>
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
                <Td>{c.latencyMs == null ? "—" : t("clusters.ms", { ms: c.latencyMs })}</Td>
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
