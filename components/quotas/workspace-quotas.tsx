"use client";
import { useState } from "react";
import { useSetWorkspaceQuota, useWorkspaceQuotas } from "@/lib/client/hooks/quotas";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import type { WorkspaceQuota } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { workspaceScope } from "@/lib/client/access-scope";
import { issuesByKey, ResourceMapEditor, toMap, toRows } from "./resource-map-editor";
import { UsageBars } from "./usage-bars";
import { useT } from "@/lib/i18n/client";

export function WorkspaceQuotas({ ws }: { ws: string }) {
  const t = useT();
  const quotas = useWorkspaceQuotas(ws);
  const permissions = useScopePermissions({ workspace: ws });
  return (
    <div className="space-y-6">
      <PageHeader title={t("tabs.quotas")} description={t("quota.wsDescription")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]} />
      <ScopeTabs scope={workspaceScope(ws)} className="" />
      {quotas.isPending ? (
        <LoadingState label={t("quota.loadingAll")} />
      ) : quotas.isError ? (
        <ErrorState error={quotas.error} onRetry={() => quotas.refetch()} />
      ) : (
        quotas.data.map((q) => <ClusterPool key={q.cluster} ws={ws} quota={q} canManage={permissions.can("workspace-quotas.manage")} />)
      )}
    </div>
  );
}

function ClusterPool({ ws, quota, canManage }: { ws: string; quota: WorkspaceQuota; canManage: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  return (
    <Card title={t("quota.clusterTitle", { name: quota.cluster })} actions={canManage && !editing ? <Button variant="secondary" onClick={() => setEditing(true)}>{quota.hard ? t("quota.editPool") : t("quota.setPool")}</Button> : undefined}>
      <div className="space-y-5">
        {editing ? (
          <PoolForm ws={ws} quota={quota} onDone={() => setEditing(false)} />
        ) : quota.hard ? (
          <UsageBars label={t("quota.poolOn", { cluster: quota.cluster })} hard={quota.hard} used={quota.used} allocated={quota.allocated} />
        ) : (
          <p className="text-sm text-zinc-500">{t("quota.noPool")}</p>
        )}
        {quota.usageError && <p className="text-sm text-amber-700">{t("quota.usageUnavailable", { reason: quota.usageError })}</p>}
        {quota.projects.length > 0 && (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-zinc-800">{t("quota.projectsCount", { count: quota.projects.length })}</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {quota.projects.map((p) => (
                <div key={p.name}>
                  <h3 className="mb-2 text-sm font-semibold">{p.name}</h3>
                  <UsageBars label={t("quota.projectLabel", { name: p.name })} hard={p.hard} used={p.used} />
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
  const t = useT();
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
      <ResourceMapEditor label={t("quota.pool")} rows={hard} onChange={setHard} errors={issuesByKey(save.error, "hard")} />
      <ResourceMapEditor label={t("quota.defaultProject")} rows={def} onChange={setDef} errors={issuesByKey(save.error, "defaultProject.hard")} />
      <FormError error={save.error} />
      <FormActions submitLabel={t("quota.savePool")} pendingLabel={t("ui.saving")} pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
