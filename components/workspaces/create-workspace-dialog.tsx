"use client";
import { useRouter } from "next/navigation";
import { useZodForm } from "@/lib/client/form";
import { useT } from "@/lib/i18n/client";
import { useCreateWorkspace } from "@/lib/client/hooks/workspaces";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { useViewer } from "@/components/shell/viewer";
import { ClusterCheckboxes } from "./cluster-checkboxes";

const workspaceSchema = () => import("@/lib/schemas/workspace").then((m) => m.workspaceCreate);

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const create = useCreateWorkspace();
  // Placement is a platform decision (the BFF refuses it to others): a self-provisioner's workspace starts unplaced.
  const mayPlace = useViewer().can("workspaces.manage");
  const form = useZodForm(workspaceSchema, { defaultValues: { name: "", displayName: "", description: "", clusters: [] as string[] } });
  const clusters = form.watch("clusters");

  function close() {
    form.reset();
    onClose();
  }

  return (
    <Dialog open={open} title={t("ws.create")} onClose={close}>
      <form onSubmit={form.submit(create, { onSuccess: (ws) => router.push(`/workspaces/${ws.name}`) })} className="space-y-4" noValidate>
        <TextField label={t("common.name")} {...form.field("name")} required autoComplete="off" spellCheck={false} hint={t("ws.nameHint")} />
        <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
        <TextAreaField label={t("ui.description")} {...form.field("description")} rows={2} />
        {mayPlace ? (
          <ClusterCheckboxes selected={clusters} onChange={(next) => form.setValue("clusters", next, { shouldValidate: form.formState.isSubmitted })} error={form.formState.errors.clusters?.message} />
        ) : (
          <p className="text-sm text-zinc-500">{t("ws.placedByAdmin")}</p>
        )}
        <FormActions submitLabel={t("ws.create")} pendingLabel={t("ui.creating")} pending={form.pending} onCancel={close} />
      </form>
    </Dialog>
  );
}
