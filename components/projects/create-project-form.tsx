"use client";
import { useRouter } from "next/navigation";
import { useZodForm } from "@/lib/client/form";
import { useT } from "@/lib/i18n/client";
import { useCreateProject } from "@/lib/client/hooks/projects";
import { SelectField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";

const projectSchema = () => import("@/lib/schemas/project").then((m) => m.projectCreate);

/** A project is one namespace on one of the workspace's clusters. */
export function CreateProjectForm({ workspace, clusters, onCancel }: { workspace: string; clusters: string[]; onCancel: () => void }) {
  const t = useT();
  const router = useRouter();
  const create = useCreateProject(workspace);
  const form = useZodForm(projectSchema, { defaultValues: { name: "", cluster: clusters[0] ?? "", displayName: "" } });
  const onSubmit = form.submit(create, { onSuccess: (project) => router.push(`/workspaces/${workspace}/projects/${project.name}`) });

  if (clusters.length === 0) {
    return <p className="text-sm text-zinc-600">{t("proj.noCluster")}</p>;
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("ws.createProject")} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("proj.name")} {...form.field("name")} required autoComplete="off" spellCheck={false} hint={t("proj.nameHint")} />
        <SelectField label={t("common.cluster")} {...form.field("cluster")}>
          {clusters.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
      </div>
      <FormActions submitLabel={t("ws.createProject")} pendingLabel={t("ui.creating")} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
