"use client";
import { useRouter } from "next/navigation";
import { useDeleteWorkspace } from "@/lib/client/hooks/workspaces";
import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/** Refused (409 not_empty) while projects live in the workspace; the dialog shows why. */
export function DeleteWorkspaceDialog({ name, open, onClose }: { name: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const remove = useDeleteWorkspace(name);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <TypeToConfirmDialog
      open={open}
      title={t("ws.delete")}
      name={name}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("ws.delete")}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/workspaces") })}
      onClose={close}
    >
      {rich(t("ws.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{name}</span> })}
    </TypeToConfirmDialog>
  );
}
