"use client";
import { useRouter } from "next/navigation";
import { useDeleteCluster } from "@/lib/client/hooks/clusters";
import { TypeToConfirmDialog } from "@/components/ui/type-to-confirm-dialog";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/** Refused (409 in_use) while projects live on the cluster; the dialog shows why. */
export function DeleteClusterDialog({ name, open, onClose }: { name: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const remove = useDeleteCluster(name);
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <TypeToConfirmDialog
      open={open}
      title={t("clusters.delete")}
      name={name}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t("clusters.delete")}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/clusters") })}
      onClose={close}
    >
      {rich(t("clusters.deleteBody"), { name: <span className="font-mono font-medium text-zinc-900">{name}</span> })}
    </TypeToConfirmDialog>
  );
}
