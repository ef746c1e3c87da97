"use client";
import type { ProjectNetworkInput } from "@/lib/client/hooks/network";
import type { ProjectNetwork } from "@/lib/client/types";
import type { MessageKey } from "@/lib/i18n";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";

/** What turning a project's isolation on or off blocks or lets through; allow-list edits alone ask nothing. */
export function isolationChanges(current: Pick<ProjectNetwork, "isolated" | "egress">, next: ProjectNetworkInput): MessageKey[] {
  const out: MessageKey[] = [];
  if (current.isolated !== next.isolated) out.push(next.isolated ? "confirm.ingressOn" : "confirm.ingressOff");
  const was = current.egress?.isolated ?? false;
  const now = next.egress?.isolated ?? false;
  if (was !== now) out.push(now ? "confirm.egressOn" : "confirm.egressOff");
  return out;
}

export function ProjectIsolationConfirm(props: {
  project: string;
  changes: MessageKey[];
  open: boolean;
  error: unknown;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      open={props.open}
      title={t("confirm.projIsolationTitle", { project: props.project })}
      error={props.error}
      pending={props.pending}
      confirmLabel={t("net.save")}
      pendingLabel={t("ui.saving")}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      <ul className="list-disc space-y-1 pl-5">
        {props.changes.map((key) => (
          <li key={key}>{t(key, { project: props.project })}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
