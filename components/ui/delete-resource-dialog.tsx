"use client";
import { useRouter } from "next/navigation";
import type { UseMutationResult } from "@tanstack/react-query";
import { useDeleteCluster } from "@/lib/client/hooks/clusters";
import { useDeleteWorkspace } from "@/lib/client/hooks/workspaces";
import { TypeToConfirmDialog } from "./type-to-confirm-dialog";
import { rich } from "./rich";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

/** A deletion confirmed by typing the name; a refusal (say 409, projects still there) shows in the dialog. */
export function DeleteDialog<R>(props: {
  name: string;
  title: MessageKey;
  body: MessageKey;
  remove: UseMutationResult<R, Error, void>;
  /** What follows a deletion: given the response and the dialog's close. */
  onDeleted: (result: R, close: () => void) => void;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { remove } = props;
  function close() {
    remove.reset();
    props.onClose();
  }
  return (
    <TypeToConfirmDialog
      open={props.open}
      title={t(props.title)}
      name={props.name}
      error={remove.error}
      pending={remove.isPending}
      confirmLabel={t(props.title)}
      onConfirm={() => remove.mutate(undefined, { onSuccess: (result) => props.onDeleted(result, close) })}
      onClose={close}
    >
      {rich(t(props.body), { name: <span className="font-mono font-medium text-zinc-900">{props.name}</span> })}
    </TypeToConfirmDialog>
  );
}

// Workspaces and clusters are deleted alike: type the name, then back to the list.
const kinds = {
  workspace: { useDelete: useDeleteWorkspace, title: "ws.delete", body: "ws.deleteBody", back: "/workspaces" },
  cluster: { useDelete: useDeleteCluster, title: "clusters.delete", body: "clusters.deleteBody", back: "/clusters" },
} as const;

export function DeleteResourceDialog({ kind, name, open, onClose }: { kind: keyof typeof kinds; name: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const spec = kinds[kind];
  const remove = spec.useDelete(name);
  return <DeleteDialog name={name} title={spec.title} body={spec.body} remove={remove} onDeleted={() => router.push(spec.back)} open={open} onClose={onClose} />;
}
