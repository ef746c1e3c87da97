"use client";
import { useDeleteProject } from "@/lib/client/hooks/projects";
import { DeleteDialog } from "@/components/ui/delete-resource-dialog";

/**
 * Deleting removes the namespace and everything in it, so the name must be typed to confirm. Whether the namespace
 * is already gone (204) or still terminating (202), the page leaves for the workspace, whose list shows the project
 * until the cluster has removed it, rather than polling a project that is about to answer 404.
 */
export function DeleteProjectDialog({ workspace, project, open, onClose }: { workspace: string; project: string; open: boolean; onClose: () => void }) {
  const remove = useDeleteProject(workspace, project);
  return <DeleteDialog name={project} title="proj.delete" body="proj.deleteBody" remove={remove} back={`/workspaces/${workspace}`} open={open} onClose={onClose} />;
}
