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
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { RoleName } from "@/components/ui/role-name";

const through: Record<string, MessageKey> = { platform: "access.through.platform", workspace: "access.through.workspace", project: "access.through.project" };
const levels: Record<string, MessageKey> = { platform: "access.level.platform", workspace: "access.level.workspace", project: "access.level.project" };

/** ★ Who can do an action in the workspace or one of its projects, and through which binding. */
export function AccessReviewPanel({ workspace, initialProject = "", initialAction = "" }: { workspace: string; initialProject?: string; initialAction?: string }) {
  const t = useT();
  const locale = useLocale();
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

  // A workspace the caller cannot see is not found here either (the projects' list answers 404 for it).
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;

  return (
    <>
      <PageHeader title={t("tabs.access")} description={t("access.description")} crumbs={scopeCrumbs(scope)} />
      <ScopeTabs scope={scope} />
      <div role="search" aria-label={t("tabs.access")} className="mb-6 grid max-w-3xl gap-4 sm:grid-cols-2">
        <SelectField label={t("access.scope")} value={project} onChange={(e) => ask(e.target.value, "")}>
          <option value="">{t("access.workspaceOption", { name: workspace })}</option>
          {projects.data?.map((p) => (
            <option key={p.name} value={p.name}>
              {t("access.projectOption", { name: p.name })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("access.action")} value={action} onChange={(e) => ask(project, e.target.value)} disabled={!templates.data}>
          <option value="">{t("access.choose")}</option>
          {templates.data?.map((tpl) => (
            <option key={tpl.name} value={tpl.name}>
              {tpl.description[locale]} ({tpl.name})
            </option>
          ))}
        </SelectField>
      </div>
      {!action ? (
        <EmptyState title={t("access.chooseEmpty")} />
      ) : review.isPending ? (
        <LoadingState label={t("access.loading")} />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => review.refetch()} />
      ) : review.data.subjects.length === 0 ? (
        <EmptyState title={t("access.nobody")} />
      ) : (
        <DataTable caption={t("access.caption", { action })}>
          <thead>
            <tr>
              <Th>{t("access.who")}</Th>
              <Th>{t("members.role")}</Th>
              <Th>{t("access.level")}</Th>
              <Th>{t("access.through")}</Th>
            </tr>
          </thead>
          <TBody>
            {review.data.subjects.map((s) => (
              <tr key={`${s.level}/${s.username}`}>
                <Td>
                  <div className="font-medium text-zinc-900">{s.username}</div>
                  {s.displayName && <div className="text-xs text-zinc-500">{s.displayName}</div>}
                </Td>
                <Td>
                  <RoleName level={s.level} name={s.role} />
                </Td>
                <Td className="capitalize">{levels[s.level] ? t(levels[s.level]!) : s.level}</Td>
                <Td>
                  {through[s.level] ? t(through[s.level]!) : s.level} <span className="font-mono">{s.role}</span>
                  {s.level !== scope.level && <span className="text-zinc-500">{t("access.inherited")}</span>}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </>
  );
}
