"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import type { Project } from "@/lib/client/types";
import { useProjectList } from "@/lib/client/hooks/projects";
import { fromInfinite } from "@/lib/client/hooks/list";
import { useListView } from "@/lib/client/list-view";
import { PROJECT_FILTERS } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/format";
import { ListTable, type ListColumn } from "@/components/ui/list-table";
import { EmptyState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";

const STATUSES = ["pending", "ready", "error", "terminating"] as const;

/** The workspace's projects: sort by name or creation, filter by status and cluster, search by name. */
export function ProjectsTable({ workspace, clusters, emptyHint }: { workspace: string; clusters: string[]; emptyHint?: ReactNode }) {
  const t = useT();
  const { formatDate } = useFormat();
  const view = useListView(PROJECT_FILTERS);
  const projects = useProjectList(workspace, view.params);
  const columns: ListColumn<Project>[] = [
    {
      id: "name",
      header: t("common.name"),
      sortable: true,
      fixed: true,
      cell: (p) => (
        <>
          <Link href={`/workspaces/${workspace}/projects/${p.name}`} className="font-medium text-indigo-700 hover:underline">
            {p.name}
          </Link>
          {p.displayName && <div className="text-xs text-zinc-500">{p.displayName}</div>}
        </>
      ),
    },
    { id: "status", header: t("common.status"), cell: (p) => <StatusBadge status={p.status} /> },
    { id: "cluster", header: t("common.cluster"), cell: (p) => p.cluster },
    { id: "namespace", header: t("proj.namespace"), className: "font-mono text-xs", cell: (p) => p.namespace },
    { id: "members", header: t("tabs.members"), cell: (p) => p.memberCount },
    { id: "createdAt", header: t("common.created"), sortable: true, cell: (p) => formatDate(p.createdAt) },
  ];
  return (
    <ListTable
      caption={t("proj.table", { ws: workspace })}
      columns={columns}
      source={fromInfinite(projects)}
      rowKey={(p) => p.name}
      defaultSort="name"
      view={view}
      search={t("tables.searchProjects")}
      filters={[
        { key: "status", label: t("tables.filterStatus"), options: STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
        ...(clusters.length > 1 ? [{ key: "cluster", label: t("tables.filterCluster"), options: clusters.map((c) => ({ value: c, label: c })) }] : []),
      ]}
      empty={<EmptyState title={t("ws.noProjects")}>{emptyHint}</EmptyState>}
    />
  );
}
