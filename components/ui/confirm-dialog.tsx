"use client";
import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { FormActions } from "./form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";

/** A destructive action asked about once: what happens, the server's refusal if any, Cancel / confirm. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  error: unknown;
  pending: boolean;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <div className="space-y-4">
        {/* A div: what happens may be a list (which projects a change touches), not only a sentence. */}
        <div className="space-y-2 text-sm text-zinc-600">{props.children}</div>
        <ProblemAlert error={props.error} />
        <FormActions submitLabel={props.confirmLabel} pendingLabel={props.pendingLabel} pending={props.pending} danger onConfirm={props.onConfirm} onCancel={props.onClose} />
      </div>
    </Dialog>
  );
}
