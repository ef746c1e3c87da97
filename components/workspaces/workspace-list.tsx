"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import { useClusters } from "@/lib/client/hooks/clusters";
import { fromInfinite } from "@/lib/client/hooks/list";
import { useListView } from "@/lib/client/list-view";
import { WORKSPACE_FILTERS } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/format";
import type { Workspace } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { OnceOpened } from "@/components/ui/dialog";
import { ListTable, type ListColumn } from "@/components/ui/list-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useViewer } from "@/components/shell/viewer";
import { useCan } from "@/lib/client/hooks/can";
import { useT } from "@/lib/i18n/client";

// Opened by a click: the form layer (react-hook-form) loads when first opened, not with the page.
const CreateWorkspaceDialog = dynamic(() => import("./create-workspace-dialog").then((m) => m.CreateWorkspaceDialog), { ssr: false });


export function WorkspaceList() {
  const t = useT();
  const { formatDate } = useFormat();
  const { can } = useViewer();
  const { requires } = useCan();
  const view = useListView(WORKSPACE_FILTERS);
  const [creating, setCreating] = useState(false);
  const workspaces = useWorkspaces(view.params);
  // Only those who see clusters can filter by one.
  const clusters = useClusters({ enabled: can("clusters.view") });

  const columns: ListColumn<Workspace>[] = [
    {
      id: "name",
      header: t("common.name"),
      sortable: true,
      fixed: true,
      cell: (ws) => (
        <>
          <Link href={`/workspaces/${ws.name}`} className="font-medium text-indigo-700 hover:underline">
            {ws.name}
          </Link>
          {ws.displayName && <div className="text-xs text-zinc-500">{ws.displayName}</div>}
        </>
      ),
    },
    { id: "clusters", header: t("nav.clusters"), cell: (ws) => ws.clusters.join(", ") || "—" },
    { id: "projects", header: t("tabs.projects"), cell: (ws) => ws.projectCount },
    { id: "members", header: t("tabs.members"), cell: (ws) => ws.memberCount },
    { id: "createdBy", header: t("common.createdBy"), cell: (ws) => ws.createdBy ?? "—" },
    { id: "createdAt", header: t("common.created"), sortable: true, cell: (ws) => formatDate(ws.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.workspaces")}
        description={t("ws.listDescription")}
        actions={can("workspaces.create") && <Button {...requires("workspaces.create")} onClick={() => setCreating(true)}>{t("ws.create")}</Button>}
      />
      <ListTable
        caption={t("nav.workspaces")}
        columns={columns}
        source={fromInfinite(workspaces)}
        rowKey={(ws) => ws.name}
        defaultSort="name"
        view={view}
        search={t("ws.search")}
        filters={clusters.data?.length ? [{ key: "cluster", label: t("tables.filterCluster"), options: clusters.data.map((c) => ({ value: c.name, label: c.name })) }] : []}
        loadingLabel={t("ws.loading")}
        empty={<EmptyState title={t("ws.empty")}>{can("workspaces.create") ? t("ws.emptyCreate") : t("ws.emptyAsk")}</EmptyState>}
        noMatch={view.q ? t("ws.noMatch", { q: view.q }) : undefined}
      />
      <OnceOpened open={creating}>
        <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
      </OnceOpened>
    </>
  );
}
