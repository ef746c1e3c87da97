"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./field";
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
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== props.name || props.pending}>
            {props.pending ? t("ui.deleting") : props.confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
