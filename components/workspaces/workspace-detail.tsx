"use client";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useProjects } from "@/lib/client/hooks/projects";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { formatDateTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useViewer } from "@/components/shell/viewer";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { ProjectsTable } from "@/components/projects/projects-table";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { workspaceScope } from "@/lib/client/access-scope";

export function WorkspaceDetail({ name }: { name: string }) {
  const viewer = useViewer();
  const workspace = useWorkspace(name);
  const projects = useProjects(name);
  const permissions = useScopePermissions({ workspace: name });
  const [creating, setCreating] = useState(false);

  if (workspace.isPending) return <LoadingState label="Loading workspace…" />;
  if (workspace.isError) return <ErrorState error={workspace.error} onRetry={() => workspace.refetch()} />;
  const ws = workspace.data;
  const canCreate = permissions.can("projects.create");

  return (
    <div className="space-y-6">
      <PageHeader title={ws.displayName || ws.name} description={ws.description || undefined} crumbs={[{ label: "Workspaces", href: "/workspaces" }]} />
      <ScopeTabs scope={workspaceScope(ws.name)} className="" />
      <Card title="Details">
        <DetailList
          items={[
            { label: "Name", value: <span className="font-mono">{ws.name}</span> },
            {
              label: "Clusters",
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
                : "None",
            },
            { label: "Network isolation", value: ws.networkIsolated ? "On" : "Off" },
            { label: "Members", value: ws.memberCount },
            { label: "Created by", value: ws.createdBy ?? "—" },
            { label: "Created", value: formatDateTime(ws.createdAt) },
          ]}
        />
      </Card>
      <section aria-labelledby="projects-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-4">
          <h2 id="projects-heading" className="text-lg font-semibold text-zinc-900">
            Projects
          </h2>
          {canCreate && !creating && <Button onClick={() => setCreating(true)}>Create project</Button>}
        </div>
        {creating && (
          <Card title="New project">
            <CreateProjectForm workspace={ws.name} clusters={ws.clusters} onCancel={() => setCreating(false)} />
          </Card>
        )}
        {projects.isPending ? (
          <LoadingState label="Loading projects…" />
        ) : projects.isError ? (
          <ErrorState error={projects.error} onRetry={() => projects.refetch()} />
        ) : projects.data.length === 0 ? (
          <EmptyState title="No projects yet.">{canCreate ? "Create a project to get a namespace on one of the workspace's clusters." : undefined}</EmptyState>
        ) : (
          <ProjectsTable workspace={ws.name} projects={projects.data} />
        )}
      </section>
    </div>
  );
}
