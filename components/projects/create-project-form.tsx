"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { useCreateProject } from "@/lib/client/hooks/projects";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";

/** A project is one namespace on one of the workspace's clusters. */
export function CreateProjectForm({ workspace, clusters, onCancel }: { workspace: string; clusters: string[]; onCancel: () => void }) {
  const t = useT();
  const router = useRouter();
  const create = useCreateProject(workspace);
  const errors = fieldErrors(create.error);
  const formError = formProblem(create.error);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate(
      {
        name: String(form.get("name") ?? "").trim(),
        cluster: String(form.get("cluster") ?? ""),
        displayName: String(form.get("displayName") ?? "").trim() || undefined,
      },
      { onSuccess: (project) => router.push(`/workspaces/${workspace}/projects/${project.name}`) },
    );
  }

  if (clusters.length === 0) {
    return <p className="text-sm text-zinc-600">{t("proj.noCluster")}</p>;
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("ws.createProject")} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("proj.name")} name="name" required autoComplete="off" spellCheck={false} error={errors.name} hint={t("proj.nameHint")} />
        <SelectField label={t("common.cluster")} name="cluster" defaultValue={clusters[0]} error={errors.cluster}>
          {clusters.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField label={t("ui.displayName")} name="displayName" autoComplete="off" error={errors.displayName} />
      </div>
      <FormError error={formError} />
      <FormActions submitLabel={t("ws.createProject")} pendingLabel={t("ui.creating")} pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}
