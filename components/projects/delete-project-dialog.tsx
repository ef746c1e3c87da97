"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useDeleteProject } from "@/lib/client/hooks/projects";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/** Deleting removes the namespace and everything in it, so the name must be typed to confirm. */
export function DeleteProjectDialog({ workspace, project, open, onClose }: { workspace: string; project: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const remove = useDeleteProject(workspace, project);
  const [typed, setTyped] = useState("");

  function close() {
    setTyped("");
    remove.reset();
    onClose();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    remove.mutate(undefined, {
      // 204: already gone. 202: the page keeps polling the terminating project.
      onSuccess: (terminating) => (terminating ? close() : router.push(`/workspaces/${workspace}`)),
    });
  }

  return (
    <Dialog open={open} title={t("proj.delete")} onClose={close}>
      <form onSubmit={onSubmit} className="space-y-4">
        <p className="text-sm text-zinc-600">
          {rich(t("proj.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{project}</span> })}
        </p>
        <TextField label={t("ui.typeToConfirm", { name: project })} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        <FormError error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== project || remove.isPending}>
            {remove.isPending ? t("ui.deleting") : t("proj.delete")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
