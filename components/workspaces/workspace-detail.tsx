"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useProjects } from "@/lib/client/hooks/projects";
import { useCan } from "@/lib/client/hooks/can";
import { useFormat } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useViewer } from "@/components/shell/viewer";
import { ProjectsTable } from "@/components/projects/projects-table";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { workspaceScope } from "@/lib/client/access-scope";
import { useT } from "@/lib/i18n/client";
import { WorkspaceOverview } from "@/components/dashboard/workspace-overview";
import { DeleteResourceDialog } from "@/components/ui/delete-resource-dialog";

// Opened by a click (or below the fold): the form layer (react-hook-form) loads with it, not in the page's first load.
const CreateProjectForm = dynamic(() => import("@/components/projects/create-project-form").then((m) => m.CreateProjectForm), { ssr: false });

export function WorkspaceDetail({ name }: { name: string }) {
  const viewer = useViewer();
  const t = useT();
  const { formatDateTime } = useFormat();
  const workspace = useWorkspace(name);
  const projects = useProjects(name);
  const permissions = useCan({ workspace: name });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (workspace.isPending) return <LoadingState />;
  if (workspace.isError) return <ErrorState error={workspace.error} onRetry={() => workspace.refetch()} />;
  const ws = workspace.data;
  const canCreate = permissions.can("projects.create");

  return (
    <div className="space-y-6">
      <PageHeader
        title={ws.displayName || ws.name}
        description={ws.description || undefined}
        crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }]}
        actions={
          permissions.can("workspace-settings.manage") && (
            <Button variant="danger" {...permissions.requires("workspace-settings.manage")} onClick={() => setDeleting(true)}>
              {t("ws.delete")}
            </Button>
          )
        }
      />
      <DeleteResourceDialog kind="workspace" name={ws.name} open={deleting} onClose={() => setDeleting(false)} />
      <ScopeTabs scope={workspaceScope(ws.name)} className="" />
      <Card title={t("common.details")}>
        <DetailList
          items={[
            { label: t("common.name"), value: <span className="font-mono">{ws.name}</span> },
            {
              label: t("nav.clusters"),
              value: ws.clusters.length
                ? ws.clusters.map((c, i) => (
                    <span key={c}>
                      {i > 0 && ", "}
                      {viewer.can("clusters.view") ? (
                        <Link href={`/clusters/${c}`} className="text-indigo-700 hover:underline">
                          {c}
                        </Link>
                      ) : (
                        c
                      )}
                    </span>
                  ))
                : t("common.none"),
            },
            { label: t("ws.networkIsolation"), value: ws.networkIsolated ? t("common.on") : t("common.off") },
            { label: t("proj.members"), value: ws.memberCount },
            { label: t("common.createdBy"), value: ws.createdBy ?? "—" },
            { label: t("common.created"), value: formatDateTime(ws.createdAt) },
          ]}
        />
      </Card>
      <WorkspaceOverview workspace={ws} projects={projects.data} />
      <section aria-labelledby="projects-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-4">
          <h2 id="projects-heading" className="text-lg font-semibold text-zinc-900">
            {t("tabs.projects")}
          </h2>
          {canCreate && !creating && <Button {...permissions.requires("projects.create")} onClick={() => setCreating(true)}>{t("ws.createProject")}</Button>}
        </div>
        {creating && (
          <Card title={t("ws.newProject")}>
            <CreateProjectForm workspace={ws.name} clusters={ws.clusters} onCancel={() => setCreating(false)} />
          </Card>
        )}
        <ProjectsTable workspace={ws.name} clusters={ws.clusters} emptyHint={canCreate ? t("ws.noProjectsHint") : undefined} />
      </section>
    </div>
  );
}
