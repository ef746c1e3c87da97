"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useT } from "@/lib/i18n/client";

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
  const t = useT();
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">{props.children}</p>
        <ProblemAlert error={props.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onClose}>
            {t("ui.cancel")}
          </Button>
          <Button variant="danger" disabled={props.pending} onClick={props.onConfirm}>
            {props.pending ? props.pendingLabel : props.confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
