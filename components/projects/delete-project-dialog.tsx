"use client";
import { useRouter } from "next/navigation";
import { useDeleteProject } from "@/lib/client/hooks/projects";
import { DeleteDialog } from "@/components/ui/delete-resource-dialog";

/** Deleting removes the namespace and everything in it, so the name must be typed to confirm. */
export function DeleteProjectDialog({ workspace, project, open, onClose }: { workspace: string; project: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const remove = useDeleteProject(workspace, project);
  return (
    <DeleteDialog
      name={project}
      title="proj.delete"
      body="proj.deleteBody"
      remove={remove}
      // 204: already gone. 202: the page keeps polling the terminating project.
      onDeleted={(terminating, close) => (terminating ? close() : router.push(`/workspaces/${workspace}`))}
      open={open}
      onClose={onClose}
    />
  );
}
