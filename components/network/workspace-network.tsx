"use client";
import { useState } from "react";
import { useConnectivity, useSetWorkspaceNetwork, useWorkspaceNetwork } from "@/lib/client/hooks/network";
import { useWorkspace } from "@/lib/client/hooks/workspaces";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { workspaceScope } from "@/lib/client/access-scope";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, SelectField } from "@/components/ui/field";
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
  const canManage = useScopePermissions({ workspace: ws }).can("workspace-network.manage");
  const isolated = network.data?.isolated;
  return (
    <div className="space-y-6">
      <PageHeader title={t("tabs.network")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]} />
      <ScopeTabs scope={workspaceScope(ws)} className="" />
      <Card title={t("net.wsIsolation")}>
        {network.isPending ? (
          <LoadingState />
        ) : (
          <div className="flex flex-wrap items-center gap-4">
            <p className="text-sm text-zinc-700" data-testid="ws-isolation">
              {isolated ? t("net.on") : t("net.off")}
            </p>
            {canManage && (
              <Button variant={isolated ? "secondary" : "primary"} disabled={save.isPending} onClick={() => save.mutate(!isolated)}>
                {isolated ? t("net.turnOff") : t("net.turnOn")}
              </Button>
            )}
            <FormError error={save.error} />
          </div>
        )}
      </Card>
      <Card title={t("net.connectivity")}>
        {workspace.data && workspace.data.clusters.length > 1 && (
          <div className="mb-4 max-w-xs">
            <SelectField label={t("common.cluster")} value={cluster ?? workspace.data.clusters[0]} onChange={(e) => setCluster(e.target.value)}>
              {workspace.data.clusters.map((c) => <option key={c}>{c}</option>)}
            </SelectField>
          </div>
        )}
        {matrix.isPending ? <LoadingState label={t("net.reading")} /> : matrix.isError ? <ErrorState error={matrix.error} onRetry={() => matrix.refetch()} /> : <ConnectivityMatrixTable matrix={matrix.data} />}
      </Card>
    </div>
  );
}
