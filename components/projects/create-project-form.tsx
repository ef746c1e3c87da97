"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ApiError, errorMessage, fieldErrors } from "@/lib/client/api";
import { useCreateProject } from "@/lib/client/hooks/projects";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";

/** A project is one namespace on one of the workspace's clusters. */
export function CreateProjectForm({ workspace, clusters, onCancel }: { workspace: string; clusters: string[]; onCancel: () => void }) {
  const router = useRouter();
  const create = useCreateProject(workspace);
  const errors = fieldErrors(create.error);
  const formError = create.error && !(create.error instanceof ApiError && create.error.issues.length) ? errorMessage(create.error) : undefined;

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
    return <p className="text-sm text-zinc-600">This workspace is not placed on any cluster yet, so it cannot hold projects.</p>;
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create project" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Project name" name="name" required autoComplete="off" spellCheck={false} error={errors.name} hint="Also the namespace name." />
        <SelectField label="Cluster" name="cluster" defaultValue={clusters[0]} error={errors.cluster}>
          {clusters.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField label="Display name" name="displayName" autoComplete="off" error={errors.displayName} />
      </div>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create project"}
        </Button>
      </div>
    </form>
  );
}
