"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { useCreateWorkspace } from "@/lib/client/hooks/workspaces";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { useViewer } from "@/components/shell/viewer";
import { ClusterCheckboxes } from "./cluster-checkboxes";

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const create = useCreateWorkspace();
  // Placement is a platform decision (the BFF refuses it to others): a self-provisioner's workspace starts unplaced.
  const mayPlace = useViewer().can("workspaces.manage");
  const [clusters, setClusters] = useState<string[]>([]);
  const errors = fieldErrors(create.error);
  const formError = formProblem(create.error);

  function close() {
    create.reset();
    setClusters([]);
    onClose();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || undefined;
    create.mutate(
      { name: String(form.get("name") ?? "").trim(), displayName: text("displayName"), description: text("description"), clusters: mayPlace ? clusters : [] },
      { onSuccess: (ws) => router.push(`/workspaces/${ws.name}`) },
    );
  }

  return (
    <Dialog open={open} title={t("ws.create")} onClose={close}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField label={t("common.name")} name="name" required autoComplete="off" spellCheck={false} error={errors.name} hint={t("ws.nameHint")} />
        <TextField label={t("ui.displayName")} name="displayName" autoComplete="off" error={errors.displayName} />
        <TextAreaField label={t("ui.description")} name="description" rows={2} error={errors.description} />
        {mayPlace ? <ClusterCheckboxes selected={clusters} onChange={setClusters} error={errors.clusters} /> : <p className="text-sm text-zinc-500">{t("ws.placedByAdmin")}</p>}
        <FormError error={formError} />
        <FormActions submitLabel={t("ws.create")} pendingLabel={t("ui.creating")} pending={create.isPending} onCancel={close} />
      </form>
    </Dialog>
  );
}
