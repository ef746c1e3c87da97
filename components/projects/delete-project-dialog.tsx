"use client";
import { useRouter } from "next/navigation";
import { useDeleteProject } from "@/lib/client/hooks/projects";
import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/** Deleting removes the namespace and everything in it, so the name must be typed to confirm. */
export function DeleteProjectDialog({ workspace, project, open, onClose }: { workspace: string; project: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const remove = useDeleteProject(workspace, project);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <TypeToConfirmDialog
      open={open}
      title={t("proj.delete")}
      name={project}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("proj.delete")}
      // 204: already gone. 202: the page keeps polling the terminating project.
      onConfirm={() => remove.mutate(undefined, { onSuccess: (terminating) => (terminating ? close() : router.push(`/workspaces/${workspace}`)) })}
      onClose={close}
    >
      {rich(t("proj.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{project}</span> })}
    </TypeToConfirmDialog>
  );
}
