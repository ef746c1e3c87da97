"use client";
import { useState } from "react";
import { usePodSecurity, useProjectLimits, useProjectQuota, useSetPodSecurity, useSetProjectLimits, useSetProjectQuota } from "@/lib/client/hooks/quotas";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { errorMessage } from "@/lib/client/api";
import type { ContainerLimits, PodSecurityLevel, ProjectLimits, ProjectQuota } from "@/lib/client/types";
import { projectScope } from "@/lib/client/access-scope";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { useViewer } from "@/components/shell/viewer";
import { CONTAINER_KEYS, issuesByKey, ResourceMapEditor, toMap, toRows, type Row } from "./resource-map-editor";
import { UsageBars } from "./usage-bars";

export function ProjectQuotaPage({ ws, project }: { ws: string; project: string }) {
  const quota = useProjectQuota(ws, project);
  const limits = useProjectLimits(ws, project);
  const permissions = useScopePermissions({ workspace: ws, project });
  const canManage = permissions.can("project-quota.manage");
  return (
    <div className="space-y-6">
      <PageHeader title="Quota and limits" crumbs={[{ label: "Workspaces", href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }, { label: project, href: `/workspaces/${ws}/projects/${project}` }]} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      {quota.isPending ? <LoadingState label="Loading quota…" /> : quota.isError ? <ErrorState error={quota.error} onRetry={() => quota.refetch()} /> : <QuotaCard ws={ws} project={project} quota={quota.data} canManage={canManage} />}
      {limits.data && <LimitsCard ws={ws} project={project} limits={limits.data} canManage={canManage} />}
      {permissions.can("project-settings.view") && <PodSecurityCard ws={ws} project={project} canManage={permissions.can("project-settings.manage")} />}
    </div>
  );
}

function QuotaCard({ ws, project, quota, canManage }: { ws: string; project: string; quota: ProjectQuota; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const save = useSetProjectQuota(ws, project);
  const [rows, setRows] = useState<Row[]>(toRows(quota.hard));
  return (
    <Card title="Resource quota" actions={canManage && !editing ? <Button variant="secondary" onClick={() => setEditing(true)}>Edit quota</Button> : undefined}>
      {editing ? (
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); save.mutate(toMap(rows), { onSuccess: () => setEditing(false) }); }}>
          {quota.pool && <p className="text-sm text-zinc-600">Pooled keys ({Object.keys(quota.pool).join(", ")}) come out of the workspace&apos;s pool; a pooled key left out is zero.</p>}
          <ResourceMapEditor label="Quota" rows={rows} onChange={setRows} errors={issuesByKey(save.error, "hard")} />
          <FormError message={save.error ? errorMessage(save.error) : undefined} />
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>Save quota</Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      ) : (
        <UsageBars label="Project quota usage" hard={quota.effective} used={quota.used} />
      )}
      {quota.usageError && <p className="mt-3 text-sm text-amber-700">Usage unavailable: {quota.usageError}</p>}
    </Card>
  );
}

const LIMIT_FIELDS = [["defaultRequest", "Default request"], ["default", "Default limit"], ["min", "Minimum"], ["max", "Maximum"]] as const;

function LimitsCard({ ws, project, limits, canManage }: { ws: string; project: string; limits: ProjectLimits; canManage: boolean }) {
  const save = useSetProjectLimits(ws, project);
  const [rows, setRows] = useState(() => Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, toRows(limits.limits[k])])) as Record<keyof ContainerLimits, Row[]>);
  const eff = limits.effective;
  return (
    <Card title="Default container limits">
      <p className="mb-4 text-sm text-zinc-600">
        In effect: {eff ? LIMIT_FIELDS.filter(([k]) => eff[k]).map(([k, l]) => `${l} ${Object.entries(eff[k]!).map(([r, v]) => `${r}=${v}`).join(", ")}`).join(" · ") : "none"}
      </p>
      {canManage && (
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); save.mutate(Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, toMap(rows[k])]))); }}>
          <div className="grid gap-4 sm:grid-cols-2">
            {LIMIT_FIELDS.map(([k, label]) => (
              <ResourceMapEditor key={k} label={label} keys={CONTAINER_KEYS} rows={rows[k]} onChange={(r) => setRows({ ...rows, [k]: r })} errors={issuesByKey(save.error, k)} />
            ))}
          </div>
          <FormError message={save.error ? errorMessage(save.error) : undefined} />
          <Button type="submit" disabled={save.isPending}>Save limits</Button>
        </form>
      )}
    </Card>
  );
}

function PodSecurityCard({ ws, project, canManage }: { ws: string; project: string; canManage: boolean }) {
  const viewer = useViewer();
  const current = usePodSecurity(ws, project);
  const save = useSetPodSecurity(ws, project);
  const canLower = viewer.can("workspaces.manage");
  if (!current.data) return null;
  return (
    <Card title="Pod security">
      <div className="max-w-xs space-y-2">
        <SelectField
          label="Enforced Pod Security Standard"
          hint={canLower ? undefined : "Only platform admins may lower it below restricted."}
          value={current.data.level}
          disabled={!canManage || save.isPending}
          onChange={(e) => save.mutate(e.target.value as PodSecurityLevel)}
        >
          {(["restricted", "baseline", "privileged"] as const).map((l) => (
            <option key={l} value={l} disabled={l !== "restricted" && !canLower}>{l}</option>
          ))}
        </SelectField>
        <FormError message={save.error ? errorMessage(save.error) : undefined} />
      </div>
    </Card>
  );
}
