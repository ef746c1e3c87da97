"use client";
import { useState } from "react";
import { useConnectivity, useSetWorkspaceNetwork, useWorkspaceNetwork } from "@/lib/client/hooks/network";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useCan } from "@/lib/client/hooks/can";
import { workspaceScope } from "@/lib/client/access-scope";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { ConnectivityMatrixTable } from "./connectivity-matrix";
import { useT } from "@/lib/i18n/client";

export function WorkspaceNetwork({ ws }: { ws: string }) {
  const t = useT();
  const network = useWorkspaceNetwork(ws);
  const workspace = useWorkspace(ws);
  const [cluster, setCluster] = useState<string>();
  const matrix = useConnectivity(ws, cluster);
  const save = useSetWorkspaceNetwork(ws);
  const { can, requires, isPending: permissionsPending } = useCan({ workspace: ws });
  const canManage = can("workspace-network.manage");
  // What the confirmation asks for, kept while the saved state is re-read so the dialog does not flip.
  const [turning, setTurning] = useState<"on" | "off" | null>(null);
  const isolated = network.data?.isolated;
  function close() {
    save.reset();
    setTurning(null);
  }
  return (
    <div className="space-y-6">
      <PageHeader title={t("tabs.network")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]} />
      <ScopeTabs scope={workspaceScope(ws)} className="" />
      {/* The cards' shape waits on the state, what the viewer may change (a button) and the workspace's clusters (a
          select): the cards show when all are known, rather than a loading panel that shrinks and moves what is below. */}
      {network.isPending || permissionsPending || workspace.isPending ? (
        <LoadingState />
      ) : (
        <>
          <Card title={t("net.wsIsolation")}>
            {network.isError ? (
              // A refused or failed read says so: never "Off" for a state that could not be read.
              <ErrorState error={network.error} onRetry={() => network.refetch()} />
            ) : (
              <div className="flex flex-wrap items-center gap-4">
                <p className="text-sm text-zinc-700" data-testid="ws-isolation">
                  {isolated ? t("net.on") : t("net.off")}
                </p>
                {canManage && (
                  <Button variant={isolated ? "secondary" : "primary"} {...requires("workspace-network.manage")} disabled={save.isPending} onClick={() => setTurning(isolated ? "off" : "on")}>
                    {isolated ? t("net.turnOff") : t("net.turnOn")}
                  </Button>
                )}
              </div>
            )}
          </Card>
          <ConfirmDialog
            open={turning !== null}
            title={t(turning === "off" ? "confirm.wsIsolationOffTitle" : "confirm.wsIsolationOnTitle", { ws })}
            error={save.error}
            pending={save.isPending}
            confirmLabel={t(turning === "off" ? "net.turnOff" : "net.turnOn")}
            pendingLabel={t("ui.saving")}
            onConfirm={() => save.mutate(turning === "on", { onSuccess: close })}
            onClose={close}
          >
            {t(turning === "off" ? "confirm.wsIsolationOffBody" : "confirm.wsIsolationOnBody", { ws })}
          </ConfirmDialog>
          <Card title={t("net.connectivity")}>
            {workspace.data && workspace.data.clusters.length > 1 && (
              <div className="mb-4 max-w-xs">
                <SelectField label={t("common.cluster")} data-control="view" value={cluster ?? workspace.data.clusters[0]} onChange={(e) => setCluster(e.target.value)}>
                  {workspace.data.clusters.map((c) => <option key={c}>{c}</option>)}
                </SelectField>
              </div>
            )}
            {matrix.isPending ? <LoadingState label={t("net.reading")} /> : matrix.isError ? <ErrorState error={matrix.error} onRetry={() => matrix.refetch()} /> : <ConnectivityMatrixTable matrix={matrix.data} />}
          </Card>
        </>
      )}
    </div>
  );
}
