"use client";
import Link from "next/link";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { useProject } from "@/lib/client/hooks/projects";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { formatDateTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { projectScope } from "@/lib/client/access-scope";

const statusNotes: Record<string, string> = {
  pending: "Tenantry is creating the namespace on the cluster…",
  terminating: "The cluster is removing the namespace…",
};

export function ProjectDetail({ workspace, name }: { workspace: string; name: string }) {
  const project = useProject(workspace, name);
  const permissions = useScopePermissions({ workspace, project: name });
  const [deleting, setDeleting] = useState(false);
  const crumbs = [
    { label: "Workspaces", href: "/workspaces" },
    { label: workspace, href: `/workspaces/${workspace}` },
  ];

  if (project.isPending) return <LoadingState label="Loading project…" />;
  if (project.error instanceof ApiError && project.error.status === 404) {
    return (
      <EmptyState title={`Project “${name}” does not exist, or has been deleted.`}>
        <Link href={`/workspaces/${workspace}`} className="text-indigo-700 hover:underline">
          Back to {workspace}
        </Link>
      </EmptyState>
    );
  }
  if (project.isError) return <ErrorState error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;
  const message = p.statusMessage || statusNotes[p.status];

  return (
    <div className="space-y-6">
      <PageHeader
        title={p.displayName || p.name}
        description={p.description || undefined}
        crumbs={crumbs}
        actions={
          permissions.can("project-settings.manage") &&
          p.status !== "terminating" && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete project
            </Button>
          )
        }
      />
      <ScopeTabs scope={projectScope(workspace, p.name)} className="" />
      <Card title="Status">
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          <StatusBadge status={p.status} />
          {message && <p className={`text-sm ${p.status === "error" ? "text-red-700" : "text-zinc-600"}`}>{message}</p>}
        </div>
      </Card>
      <Card title="Details">
        <DetailList
          items={[
            { label: "Name", value: <span className="font-mono">{p.name}</span> },
            { label: "Namespace", value: <span className="font-mono">{p.namespace}</span> },
            { label: "Cluster", value: p.cluster },
            { label: "Workspace", value: p.workspace },
            { label: "Pod security", value: p.podSecurity },
            { label: "Members", value: p.memberCount },
            { label: "Created by", value: p.createdBy ?? "—" },
            { label: "Created", value: formatDateTime(p.createdAt) },
            { label: "Updated", value: formatDateTime(p.updatedAt) },
          ]}
        />
      </Card>
      <DeleteProjectDialog workspace={workspace} project={p.name} open={deleting} onClose={() => setDeleting(false)} />
    </div>
  );
}
