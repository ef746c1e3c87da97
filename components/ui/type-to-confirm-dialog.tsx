"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { Dialog } from "./dialog";
import { TextField } from "./field";
import { FormActions } from "./form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useT } from "@/lib/i18n/client";

/** Deletions that take much with them: the name must be typed before the button arms. */
export function TypeToConfirmDialog(props: {
  open: boolean;
  title: string;
  /** The name to type. */
  name: string;
  children: ReactNode;
  error: unknown;
  pending: boolean;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState("");
  function close() {
    setTyped("");
    props.onClose();
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    props.onConfirm();
  }
  return (
    <Dialog open={props.open} title={props.title} onClose={close}>
      <form onSubmit={onSubmit} className="space-y-4">
        <p className="text-sm text-zinc-600">{props.children}</p>
        <TextField label={t("ui.typeToConfirm", { name: props.name })} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        <ProblemAlert error={props.error} />
        <FormActions submitLabel={props.confirmLabel} pendingLabel={t("ui.deleting")} pending={props.pending} disabled={typed !== props.name} danger onCancel={close} />
      </form>
    </Dialog>
  );
}
