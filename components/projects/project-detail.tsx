"use client";
import { useState } from "react";
import { useProject } from "@/lib/client/hooks/projects";
import { useCan } from "@/lib/client/hooks/can";
import { useFormat } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { MoveProjectDialog } from "./move-project-dialog";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { projectScope } from "@/lib/client/access-scope";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { ProjectOverview } from "@/components/dashboard/project-overview";
import { word } from "@/lib/i18n/words";
import { ClusterError } from "@/components/ui/cluster-error";

const statusNotes: Record<string, MessageKey> = { pending: "proj.creating", terminating: "proj.removing" };

export function ProjectDetail({ workspace, name }: { workspace: string; name: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const project = useProject(workspace, name);
  const permissions = useCan({ workspace, project: name });
  const [deleting, setDeleting] = useState(false);
  const [moving, setMoving] = useState(false);
  const crumbs = [
    { label: t("nav.workspaces"), href: "/workspaces" },
    { label: workspace, href: `/workspaces/${workspace}` },
  ];

  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;
  const note = statusNotes[p.status];
  const message = note && t(note);

  return (
    <div className="space-y-6">
      <PageHeader
        title={p.displayName || p.name}
        description={p.description || undefined}
        crumbs={crumbs}
        actions={
          p.status !== "terminating" && (
            <div className="flex gap-2">
              {/* Moving is the source admin's (projects.manage); the target is chosen among those the caller may create projects in. */}
              {permissions.can("projects.manage") && (
                <Button variant="secondary" {...permissions.requires("projects.manage")} onClick={() => setMoving(true)}>
                  {t("proj.move")}
                </Button>
              )}
              {permissions.can("project-settings.manage") && (
                <Button variant="danger" {...permissions.requires("project-settings.manage")} onClick={() => setDeleting(true)}>
                  {t("proj.delete")}
                </Button>
              )}
            </div>
          )
        }
      />
      <ScopeTabs scope={projectScope(workspace, p.name)} className="" />
      <Card title={t("common.status")}>
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          <StatusBadge status={p.status} />
          {p.statusMessage ? <ClusterError message={p.statusMessage} className={`text-sm ${p.status === "error" ? "text-red-700" : "text-zinc-600"}`} /> : message && <p className="text-sm text-zinc-600">{message}</p>}
        </div>
      </Card>
      <Card title={t("common.details")}>
        <DetailList
          items={[
            { label: t("common.name"), value: <span className="font-mono">{p.name}</span> },
            { label: t("proj.namespace"), value: <span className="font-mono">{p.namespace}</span> },
            { label: t("common.cluster"), value: p.cluster },
            { label: t("switcher.label"), value: p.workspace },
            { label: t("proj.podSecurity"), value: word(t, "podSecurity", p.podSecurity) },
            { label: t("proj.members"), value: p.memberCount },
            { label: t("common.createdBy"), value: p.createdBy ?? "—" },
            { label: t("common.created"), value: formatDateTime(p.createdAt) },
            { label: t("common.updated"), value: formatDateTime(p.updatedAt) },
          ]}
        />
      </Card>
      <ProjectOverview project={p} />
      <DeleteProjectDialog workspace={workspace} project={p.name} open={deleting} onClose={() => setDeleting(false)} />
      <MoveProjectDialog project={p} open={moving} onClose={() => setMoving(false)} />
    </div>
  );
}
