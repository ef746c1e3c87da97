"use client";
import { useRouter } from "next/navigation";
import { useDeleteCluster } from "@/lib/client/hooks/clusters";
import { useDeleteWorkspace } from "@/lib/client/hooks/workspaces";
import { TypeToConfirmDialog } from "./type-to-confirm-dialog";
import { rich } from "./rich";
import { useT } from "@/lib/i18n/client";

// Workspaces and clusters are deleted alike: type the name, then back to the list. A refusal
// (projects still there: 409) is shown in the dialog.
const kinds = {
  workspace: { useDelete: useDeleteWorkspace, title: "ws.delete", body: "ws.deleteBody", back: "/workspaces" },
  cluster: { useDelete: useDeleteCluster, title: "clusters.delete", body: "clusters.deleteBody", back: "/clusters" },
} as const;

export function DeleteResourceDialog({ kind, name, open, onClose }: { kind: keyof typeof kinds; name: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const spec = kinds[kind];
  const remove = spec.useDelete(name);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <TypeToConfirmDialog
      open={open}
      title={t(spec.title)}
      name={name}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t(spec.title)}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push(spec.back) })}
      onClose={close}
    >
      {rich(t(spec.body), { name: <span className="font-mono font-medium text-zinc-900">{name}</span> })}
    </TypeToConfirmDialog>
  );
}
