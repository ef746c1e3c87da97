"use client";
import { useRouter } from "next/navigation";
import type { UseMutationResult } from "@tanstack/react-query";
import { useDeleteCluster } from "@/lib/client/hooks/clusters";
import { useDeleteWorkspace } from "@/lib/client/hooks/workspaces";
import { ConfirmDialog } from "./confirm-dialog";
import { rich } from "./rich";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

/**
 * A deletion confirmed by typing the name; a refusal (say 409, projects still there) shows in the dialog. Once
 * accepted the page leaves for `back`, a page that still exists, instead of polling what is going away.
 */
export function DeleteDialog<R>(props: {
  name: string;
  title: MessageKey;
  body: MessageKey;
  remove: UseMutationResult<R, Error, void>;
  back: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const router = useRouter();
  const { remove } = props;
  function close() {
    remove.reset();
    props.onClose();
  }
  return (
    <ConfirmDialog
      open={props.open}
      title={t(props.title)}
      typeToConfirm={props.name}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t(props.title)}
      pendingLabel={t("ui.deleting")}
      // Not mutate()'s own onSuccess: the deletion invalidates this page's query, whose 404 can replace the page
      // (and unmount this dialog) first, and React Query then drops that callback; the page stayed on "not found".
      // A refusal shows through remove.error.
      onConfirm={() => remove.mutateAsync().then(() => router.push(props.back), () => undefined)}
      onClose={close}
    >
      {rich(t(props.body), { name: <span className="font-mono font-medium text-zinc-900">{props.name}</span> })}
    </ConfirmDialog>
  );
}

// Workspaces and clusters are deleted alike: type the name, then back to the list.
const kinds = {
  workspace: { useDelete: useDeleteWorkspace, title: "ws.delete", body: "ws.deleteBody", back: "/workspaces" },
  cluster: { useDelete: useDeleteCluster, title: "clusters.delete", body: "clusters.deleteBody", back: "/clusters" },
} as const;

export function DeleteResourceDialog({ kind, name, open, onClose }: { kind: keyof typeof kinds; name: string; open: boolean; onClose: () => void }) {
  const spec = kinds[kind];
  const remove = spec.useDelete(name);
  return <DeleteDialog name={name} title={spec.title} body={spec.body} remove={remove} back={spec.back} open={open} onClose={onClose} />;
}
