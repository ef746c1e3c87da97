"use client";
import { useState } from "react";
import { useSetWorkspaceQuota, useWorkspaceQuotas } from "@/lib/client/hooks/quotas";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { errorMessage } from "@/lib/client/api";
import type { WorkspaceQuota } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { workspaceScope } from "@/lib/client/access-scope";
import { issuesByKey, ResourceMapEditor, toMap, toRows } from "./resource-map-editor";
import { UsageBars } from "./usage-bars";

export function WorkspaceQuotas({ ws }: { ws: string }) {
  const quotas = useWorkspaceQuotas(ws);
  const permissions = useScopePermissions({ workspace: ws });
  return (
    <div className="space-y-6">
      <PageHeader title="Quotas" description="Each cluster's resource pool for this workspace, shared out to its projects." crumbs={[{ label: "Workspaces", href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]} />
      <ScopeTabs scope={workspaceScope(ws)} className="" />
      {quotas.isPending ? (
        <LoadingState label="Loading quotas…" />
      ) : quotas.isError ? (
        <ErrorState error={quotas.error} onRetry={() => quotas.refetch()} />
      ) : (
        quotas.data.map((q) => <ClusterPool key={q.cluster} ws={ws} quota={q} canManage={permissions.can("workspace-quotas.manage")} />)
      )}
    </div>
  );
}

function ClusterPool({ ws, quota, canManage }: { ws: string; quota: WorkspaceQuota; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card title={`Cluster ${quota.cluster}`} actions={canManage && !editing ? <Button variant="secondary" onClick={() => setEditing(true)}>{quota.hard ? "Edit pool" : "Set pool"}</Button> : undefined}>
      <div className="space-y-5">
        {editing ? (
          <PoolForm ws={ws} quota={quota} onDone={() => setEditing(false)} />
        ) : quota.hard ? (
          <UsageBars label={`Pool on ${quota.cluster}`} hard={quota.hard} used={quota.used} allocated={quota.allocated} />
        ) : (
          <p className="text-sm text-zinc-500">No pool: projects here get only the default object counts.</p>
        )}
        {quota.usageError && <p className="text-sm text-amber-700">Usage unavailable: {quota.usageError}</p>}
        {quota.projects.length > 0 && (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-zinc-800">Projects ({quota.projects.length})</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {quota.projects.map((p) => (
                <div key={p.name}>
                  <h3 className="mb-2 text-sm font-semibold">{p.name}</h3>
                  <UsageBars label={`Project ${p.name}`} hard={p.hard} used={p.used} />
                </div>
              ))}
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}

function PoolForm({ ws, quota, onDone }: { ws: string; quota: WorkspaceQuota; onDone: () => void }) {
  const save = useSetWorkspaceQuota(ws, quota.cluster);
  const [hard, setHard] = useState(toRows(quota.hard ?? { "requests.cpu": "", "requests.memory": "" }));
  const [def, setDef] = useState(toRows(quota.defaultProject?.hard));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const defaultProject = def.some((r) => r.key) ? { hard: toMap(def) } : null;
        save.mutate({ hard: toMap(hard), defaultProject }, { onSuccess: onDone });
      }}
    >
      <ResourceMapEditor label="Pool" rows={hard} onChange={setHard} errors={issuesByKey(save.error, "hard")} />
      <ResourceMapEditor label="Default project quota" rows={def} onChange={setDef} errors={issuesByKey(save.error, "defaultProject.hard")} />
      <FormError message={save.error ? errorMessage(save.error) : undefined} />
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>Save pool</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
