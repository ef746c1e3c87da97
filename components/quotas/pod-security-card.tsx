"use client";
import { useState } from "react";
import { usePodSecurity, useSetPodSecurity } from "@/lib/client/hooks/quotas";
import type { PodSecurityLevel } from "@/lib/client/types";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, SelectField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useViewer } from "@/components/shell/viewer";
import { useCan } from "@/lib/client/hooks/can";
import { useT } from "@/lib/i18n/client";
import { word } from "@/lib/i18n/words";

/** Strictest first: a level later in this list admits more pods. */
const LEVELS = ["restricted", "baseline", "privileged"] as const satisfies readonly PodSecurityLevel[];
const lowers = (from: PodSecurityLevel, to: PodSecurityLevel) => LEVELS.indexOf(to) > LEVELS.indexOf(from);

/** The namespace's enforced Pod Security Standard; lowering it admits pods it refused, so that is asked first. */
export function PodSecurityCard({ ws, project, canManage }: { ws: string; project: string; canManage: boolean }) {
  const t = useT();
  const viewer = useViewer();
  const current = usePodSecurity(ws, project);
  const save = useSetPodSecurity(ws, project);
  const { guard } = useCan({ workspace: ws, project });
  const [lowering, setLowering] = useState<PodSecurityLevel | null>(null);
  const canLower = viewer.can("workspaces.manage");
  const enforced = current.data?.level;
  function close() {
    save.reset();
    setLowering(null);
  }
  return (
    <Card title={t("proj.podSecurity")}>
      {current.isError ? (
        <ErrorState error={current.error} onRetry={() => current.refetch()} />
      ) : (
        // While the level loads, the same field, disabled and empty: the card has its final height from the start.
        <div className="max-w-xs space-y-2">
          <SelectField
            label={t("podSecurity.enforced")}
            hint={canLower ? undefined : t("podSecurity.hint")}
            value={enforced ?? ""}
            {...guard("project-settings.manage", !canManage || save.isPending || current.isPending)}
            onChange={(e) => {
              const level = e.target.value as PodSecurityLevel;
              if (enforced && lowers(enforced, level)) setLowering(level);
              else save.mutate(level);
            }}
          >
            {current.isPending ? (
              <option value="">{t("common.loading")}</option>
            ) : (
              LEVELS.map((l) => (
                <option key={l} value={l} disabled={l !== "restricted" && !canLower}>
                  {word(t, "podSecurity", l)}
                </option>
              ))
            )}
          </SelectField>
          <FormError error={lowering ? null : save.error} />
          {current.isPending && (
            <span role="status" className="sr-only">
              {t("common.loading")}
            </span>
          )}
        </div>
      )}
      <ConfirmDialog
        open={lowering !== null}
        title={t("confirm.podSecurityTitle", { project, level: lowering ? word(t, "podSecurity", lowering) : "" })}
        error={save.error}
        pending={save.isPending}
        confirmLabel={t("confirm.podSecurityConfirm", { level: lowering ? word(t, "podSecurity", lowering) : "" })}
        pendingLabel={t("ui.saving")}
        onConfirm={() => lowering && save.mutate(lowering, { onSuccess: close })}
        onClose={close}
      >
        {t(lowering === "privileged" ? "confirm.podSecurityPrivileged" : "confirm.podSecurityBaseline", { project })}
      </ConfirmDialog>
    </Card>
  );
}
