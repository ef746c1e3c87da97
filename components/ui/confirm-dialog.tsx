"use client";
import { useState, type ReactNode } from "react";
import { Dialog } from "./dialog";
import { TextField } from "./field";
import { FormActions } from "./form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useT } from "@/lib/i18n/client";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The consequence, said before anything happens; may be a list (the projects a change touches). */
  children: ReactNode;
  /** The server's refusal, shown in the dialog; a caller whose refusal shows elsewhere passes none. */
  error?: unknown;
  pending?: boolean;
  confirmLabel: string;
  pendingLabel?: string;
  /** Deletions that take much with them: this name must be typed before the button arms. */
  typeToConfirm?: string;
  /** A change that widens nothing (a review, enabling a user) confirms with the primary button. */
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Every risky change asks through this one dialog: the consequence, the refusal if any, Cancel / confirm. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      {/* Mounted only while open, so what was typed is forgotten on close. */}
      <ConfirmBody {...props} />
    </Dialog>
  );
}

function ConfirmBody({ children, error, pending = false, confirmLabel, pendingLabel, typeToConfirm, danger = true, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const [typed, setTyped] = useState("");
  const armed = typeToConfirm === undefined || typed === typeToConfirm;
  // A div, not a form: the dialog may sit inside a page's form (the role editor's), and forms do not nest.
  return (
    <div className="space-y-4">
      <div data-testid="confirm-consequence" className="space-y-2 text-sm text-zinc-600">
        {children}
      </div>
      {typeToConfirm !== undefined && (
        <TextField
          label={t("ui.typeToConfirm", { name: typeToConfirm })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault();
            if (armed && !pending) onConfirm();
          }}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <ProblemAlert error={error} />
      <FormActions submitLabel={confirmLabel} pendingLabel={pendingLabel ?? confirmLabel} pending={pending} disabled={!armed} danger={danger} onConfirm={onConfirm} onCancel={onClose} />
    </div>
  );
}
