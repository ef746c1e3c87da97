"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/client/api";
import { useDeleteProject } from "@/lib/client/hooks/projects";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";

/** Deleting removes the namespace and everything in it, so the name must be typed to confirm. */
export function DeleteProjectDialog({ workspace, project, open, onClose }: { workspace: string; project: string; open: boolean; onClose: () => void }) {
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
    <Dialog open={open} title="Delete project" onClose={close}>
      <form onSubmit={onSubmit} className="space-y-4">
        <p className="text-sm text-zinc-600">
          This deletes the namespace <span className="font-mono font-medium text-zinc-900">{project}</span> and every object in it. It cannot be undone.
        </p>
        <TextField label={`Type ${project} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        <FormError message={remove.error ? errorMessage(remove.error) : undefined} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== project || remove.isPending}>
            {remove.isPending ? "Deleting…" : "Delete project"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
