"use client";
import Link from "next/link";
import { useClusterList } from "@/lib/client/hooks/clusters";
import { fromQuery } from "@/lib/client/hooks/list";
import { useListView } from "@/lib/client/list-view";
import { useFormat } from "@/lib/client/format";
import type { Cluster } from "@/lib/client/types";
import { ButtonLink } from "@/components/ui/button";
import { ListTable, type ListColumn } from "@/components/ui/list-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useCan } from "@/lib/client/hooks/can";
import { useT } from "@/lib/i18n/client";

const FILTERS = ["health"] as const;
const HEALTH = ["ready", "down", "unknown"] as const;

export function ClusterList() {
  const t = useT();
  const { formatDate } = useFormat();
  const { can, requires } = useCan();
  const view = useListView(FILTERS);
  const clusters = useClusterList(view.params);
  const columns: ListColumn<Cluster>[] = [
    {
      id: "name",
      header: t("common.name"),
      sortable: true,
      fixed: true,
      cell: (c) => (
        <>
          <Link href={`/clusters/${c.name}`} className="font-medium text-indigo-700 hover:underline">
            {c.name}
          </Link>
          {c.displayName && <div className="text-xs text-zinc-500">{c.displayName}</div>}
        </>
      ),
    },
    { id: "health", header: t("common.status"), cell: (c) => <StatusBadge status={c.health} /> },
    { id: "version", header: t("dash.version"), className: "font-mono text-xs", cell: (c) => c.version ?? "—" },
    { id: "nodes", header: t("dash.nodes"), cell: (c) => c.nodeCount ?? "—" },
    { id: "latency", header: t("clusters.latency"), cell: (c) => (c.latencyMs == null ? "—" : t("clusters.ms", { ms: c.latencyMs })) },
    { id: "workspaces", header: t("nav.workspaces"), cell: (c) => c.workspaceCount },
    { id: "projects", header: t("tabs.projects"), cell: (c) => c.projectCount },
    { id: "createdAt", header: t("common.created"), sortable: true, cell: (c) => formatDate(c.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.clusters")}
        description={t("clusters.description")}
        actions={can("clusters.manage") && <ButtonLink href="/clusters/new" {...requires("clusters.manage")}>{t("clusters.add")}</ButtonLink>}
      />
      <ListTable
        caption={t("nav.clusters")}
        columns={columns}
        source={fromQuery(clusters)}
        rowKey={(c) => c.name}
        defaultSort="name"
        view={view}
        search={t("tables.searchClusters")}
        filters={[{ key: "health", label: t("tables.filterStatus"), options: HEALTH.map((h) => ({ value: h, label: t(`status.${h}`) })) }]}
        loadingLabel={t("clusters.loading")}
        empty={<EmptyState title={t("clusters.empty")}>{can("clusters.manage") && t("clusters.emptyHint")}</EmptyState>}
      />
    </>
  );
}
