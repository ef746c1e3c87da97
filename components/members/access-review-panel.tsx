"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { projectScope, scopeCrumbs, workspaceScope } from "@/lib/client/access-scope";
import { withQuery } from "@/lib/client/api";
import { useAccessReview } from "@/lib/client/hooks/access-review";
import { useProjects } from "@/lib/client/hooks/projects";
import { useTemplates } from "@/lib/client/hooks/templates";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "./scope-tabs";

const through = { platform: "platform role", workspace: "workspace role", project: "project role" } as const;

/** ★ Who can do an action in the workspace or one of its projects, and through which binding. */
export function AccessReviewPanel({ workspace, initialProject = "", initialAction = "" }: { workspace: string; initialProject?: string; initialAction?: string }) {
  const router = useRouter();
  const [project, setProject] = useState(initialProject);
  const [action, setAction] = useState(initialAction);
  const scope = project ? projectScope(workspace, project) : workspaceScope(workspace);
  const projects = useProjects(workspace);
  const templates = useTemplates(scope.level);
  const review = useAccessReview(scope, action);

  // The URL keeps the question so it can be shared.
  function ask(nextProject: string, nextAction: string) {
    setProject(nextProject);
    setAction(nextAction);
    router.replace(withQuery(`/workspaces/${workspace}/access`, { project: nextProject, action: nextAction }), { scroll: false });
  }

  return (
    <>
      <PageHeader title="Access review" description="Pick an action to see everyone who can perform it here, and which role gives it to them." crumbs={scopeCrumbs(scope)} />
      <ScopeTabs scope={scope} />
      <div className="mb-6 grid max-w-3xl gap-4 sm:grid-cols-2">
        <SelectField label="Scope" value={project} onChange={(e) => ask(e.target.value, "")}>
          <option value="">Workspace {workspace}</option>
          {projects.data?.map((p) => (
            <option key={p.name} value={p.name}>
              Project {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" value={action} onChange={(e) => ask(project, e.target.value)} disabled={!templates.data}>
          <option value="">Choose an action…</option>
          {templates.data?.map((t) => (
            <option key={t.name} value={t.name}>
              {t.description.en} ({t.name})
            </option>
          ))}
        </SelectField>
      </div>
      {!action ? (
        <EmptyState title="Choose an action to review." />
      ) : review.isPending ? (
        <LoadingState label="Reviewing access…" />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => review.refetch()} />
      ) : review.data.subjects.length === 0 ? (
        <EmptyState title="Nobody can do this here." />
      ) : (
        <DataTable caption={`Who can ${action}`}>
          <thead>
            <tr>
              <Th>Who</Th>
              <Th>Role</Th>
              <Th>Level</Th>
              <Th>Through</Th>
            </tr>
          </thead>
          <TBody>
            {review.data.subjects.map((s) => (
              <tr key={`${s.level}/${s.username}`}>
                <Td>
                  <div className="font-medium text-zinc-900">{s.username}</div>
                  {s.displayName && <div className="text-xs text-zinc-500">{s.displayName}</div>}
                </Td>
                <Td>{s.role}</Td>
                <Td className="capitalize">{s.level}</Td>
                <Td>
                  {through[s.level]} <span className="font-mono">{s.role}</span>
                  {s.level !== scope.level && <span className="text-zinc-500"> (inherited)</span>}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </>
  );
}
